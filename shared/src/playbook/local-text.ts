import type { Language, LocalText } from './schema.ts';

/** The text in the wanted language, falling back to Chinese, the playbooks' primary language. */
export function localText(value: LocalText | undefined, language: Language = 'zh-CN'): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return (language === 'en' ? value.en : undefined) ?? value['zh-CN'];
}

/** Every language version of a text, for search and for lint rules that look at all of them. */
export function allTexts(value: LocalText | undefined): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  return value.en === undefined ? [value['zh-CN']] : [value['zh-CN'], value.en];
}
