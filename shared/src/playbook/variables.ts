/** A `{{name}}` slot; spaces inside the braces are allowed, as authors type them. */
const SLOT = /\{\{\s*([^{}\s]*)\s*\}\}/g;

export interface VariableUse {
  name: string;
  /** The whole slot as written, e.g. `{{ product }}`. */
  slot: string;
  index: number;
}

export function findVariables(text: string): VariableUse[] {
  return [...text.matchAll(SLOT)].map((match) => ({ name: match[1]!, slot: match[0], index: match.index }));
}

export function variableNames(text: string): Set<string> {
  return new Set(findVariables(text).map((use) => use.name));
}

export function replaceVariables(text: string, value: (name: string) => string | undefined): string {
  return text.replace(SLOT, (slot, name: string) => value(name) ?? slot);
}
