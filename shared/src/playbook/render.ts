import type { Variable } from './schema.ts';
import { replaceVariables } from './variables.ts';

export interface RenderedReply {
  /** The reply ready to insert; it never contains `{{`. */
  text: string;
  /** Variables that had neither a value nor a default; their slots were left out of `text`. */
  missing: string[];
}

/**
 * Fill a reply's `{{variables}}`: a value the salesperson gave wins over the declared default.
 * An unfilled slot is reported in `missing` and dropped from the text, so a customer never sees `{{`.
 */
export function renderReply(
  text: string,
  variables: Readonly<Record<string, Variable>> = {},
  values: Readonly<Record<string, string | undefined>> = {},
): RenderedReply {
  const missing: string[] = [];
  const filled = replaceVariables(text, (name) => {
    const given = Object.hasOwn(values, name) ? values[name]?.trim() : undefined;
    if (given) return given;
    const fallback = Object.hasOwn(variables, name) ? variables[name]?.default : undefined;
    if (fallback !== undefined) return fallback;
    if (!missing.includes(name)) missing.push(name);
    return '';
  });
  // A stray `{{` the author typed without closing it must not reach the customer either.
  return { text: filled.replaceAll('{{', '{').replaceAll('}}', '}'), missing };
}
