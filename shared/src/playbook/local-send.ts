import type { FollowupSend, Language } from './schema.ts';

/** The reply or story a follow-up sends in the wanted language, falling back to the Chinese one, as localText does for prose. */
export function localSend(send: FollowupSend, language: Language = 'zh-CN'): string {
  if (typeof send === 'string') return send;
  return (language === 'en' ? send.en : undefined) ?? send['zh-CN'];
}

/** Every id a follow-up may send, with the language it is for (undefined: every language), for lint rules and editors. */
export function allSends(send: FollowupSend): { language?: Language; id: string }[] {
  if (typeof send === 'string') return [{ id: send }];
  return send.en === undefined ? [{ language: 'zh-CN', id: send['zh-CN'] }] : [{ language: 'zh-CN', id: send['zh-CN'] }, { language: 'en', id: send.en }];
}
