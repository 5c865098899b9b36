import type { Language } from '../../playbook/schema.ts';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const LATIN_WORD = /[a-z]{2,}/giu;

/**
 * The language most of a text is written in: Chinese when it has more Chinese characters than
 * Latin words (a brand name in an English sentence, or an English one in a Chinese sentence,
 * does not change it); undefined for a text of figures and marks only.
 */
export function textLanguage(text: string): Language | undefined {
  const plain = text.normalize('NFKC').replace(/\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi, ' ');
  const chinese = plain.match(CJK)?.length ?? 0;
  const latin = plain.match(LATIN_WORD)?.length ?? 0;
  if (chinese === 0 && latin === 0) return undefined;
  return chinese > latin ? 'zh-CN' : 'en';
}
