// The language a promoted story is drafted in: the playbook's own, so a story added to an
// English playbook reads in English whatever language the author's editor speaks.
import { replyLanguage } from '../playbook/reply-language.ts';
import type { Language } from '../playbook/schema.ts';

type Data = Record<string, unknown>;

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): Data[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * Most of the playbook's replies' language; on a tie or with no replies, its title's (a
 * {zh-CN, en} title is a Chinese-first playbook). Read from plain data, so a playbook that does
 * not match the schema yet still has a language; undefined when nothing says.
 */
export function playbookLanguage(data: unknown): Language | undefined {
  if (!isRecord(data)) return undefined;
  const replies = [
    ...list(data.objections).flatMap((objection) => list(objection.replies)),
    ...list(data.sequences).flatMap((sequence) => list(sequence.steps).flatMap((step) => list(step.replies))),
    ...list(data.replies),
  ].filter((reply) => typeof reply.text === 'string');
  const english = replies.filter((reply) => replyLanguage({ text: reply.text as string, lang: reply.lang === 'en' || reply.lang === 'zh-CN' ? reply.lang : undefined }) === 'en').length;
  const chinese = replies.length - english;
  if (english !== chinese) return english > chinese ? 'en' : 'zh-CN';
  if (typeof data.title === 'string') return CJK.test(data.title) ? 'zh-CN' : 'en';
  if (isRecord(data.title)) return 'zh-CN';
  return undefined;
}
