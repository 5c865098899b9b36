import type { Language, Reply } from './schema.ts';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** A reply's language: its `lang`, else Chinese when its text has Chinese characters, else English (as the engine ranks it). */
export function replyLanguage(reply: Pick<Reply, 'text' | 'lang'>): Language {
  return reply.lang ?? (CJK.test(reply.text) ? 'zh-CN' : 'en');
}
