import type { Language } from '../requests.ts';

// The panel's words live in _locales (the browser's own i18n files), but the user picks the
// language in Settings, so the panel reads the chosen locale's messages.json itself:
// chrome.i18n.getMessage would only ever follow the browser's language.

export type Strings = (key: string) => string;

const cache = new Map<Language, Record<string, { message: string }>>();

export async function loadStrings(language: Language): Promise<Strings> {
  let messages = cache.get(language);
  if (!messages) {
    const folder = language === 'en' ? 'en' : 'zh_CN';
    messages = (await (await fetch(chrome.runtime.getURL(`_locales/${folder}/messages.json`))).json()) as Record<string, { message: string }>;
    cache.set(language, messages);
  }
  const loaded = messages;
  return (key) => loaded[key]?.message ?? key;
}
