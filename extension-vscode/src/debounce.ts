/**
 * How long the extension waits after a keystroke before it lints: long enough to let a typist
 * finish a word, short enough that problems show within 200 ms (test/bench/vscode-diagnostics.ts).
 */
export const DEBOUNCE_MS = 50;
