import { replyLanguage } from './reply-language.ts';
import type { Language, Variable, VariableDefault } from './schema.ts';
import { replaceVariables } from './variables.ts';

export interface RenderedReply {
  /** The reply ready to insert; it never contains `{{`. */
  text: string;
  /** Variables that had neither a value nor a default in the reply's language; their slots were left out of `text`. */
  missing: string[];
}

/**
 * The default a reply in `language` gets: the plain one, or that language's own. There is no
 * fallback to the other language: Chinese text in an English sentence is worse than a gap the
 * salesperson is told to fill.
 */
export function defaultIn(value: VariableDefault | undefined, language: Language): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  if (language === 'en') return value.en;
  return 'zh-CN' in value ? value['zh-CN'] : undefined;
}

/**
 * Fill a reply's `{{variables}}`: a value the salesperson gave wins over the declared default in
 * the reply's language (by default read from its text, as the engine does).
 * An unfilled slot is reported in `missing` and dropped from the text, so a customer never sees `{{`.
 */
export function renderReply(
  text: string,
  variables: Readonly<Record<string, Variable>> = {},
  values: Readonly<Record<string, string | undefined>> = {},
  language: Language = replyLanguage({ text }),
): RenderedReply {
  const missing: string[] = [];
  const filled = replaceVariables(text, (name) => {
    const given = Object.hasOwn(values, name) ? values[name]?.trim() : undefined;
    if (given) return given;
    const fallback = Object.hasOwn(variables, name) ? defaultIn(variables[name]?.default, language) : undefined;
    if (fallback !== undefined) return fallback;
    if (!missing.includes(name)) missing.push(name);
    return '';
  });
  // A stray `{{` the author typed without closing it must not reach the customer either.
  return { text: filled.replaceAll('{{', '{').replaceAll('}}', '}'), missing };
}
