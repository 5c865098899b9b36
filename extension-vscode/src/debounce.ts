/**
 * How long the extension waits after an edit before it lints. VS Code sends one event per edit
 * and people type 100 ms or more apart, so a longer wait merges no keystrokes and only delays the
 * problems (the 50 ms it was were a quarter of the 200 ms budget, test/bench/vscode-diagnostics.ts).
 * What it still merges are the bursts one action makes (multi-cursor typing, format, replace
 * all), which arrive within a few milliseconds; and a lint already running delays the next one,
 * so edits made meanwhile are linted together.
 */
export const DEBOUNCE_MS = 10;

/** After a change on disk: a checkout or a save of many files reports them over tens of milliseconds. */
export const DISK_DEBOUNCE_MS = 50;
