// A follow-up rule's send may name one reply or story per language ({zh-CN: …, en: …}, as prose is
// written): the panel's or the CLI's language chooses, English falling back to the Chinese one;
// the lint rule for an unknown reply checks each language's id and locates it; a wrong shape is a
// located schema error.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildBundle, dueFollowups, lintPlaybooks, localSend, parsePlaybook, writeCases, type Bundle } from '@closer/shared';
import { loadPlaybookFiles, runCli } from '@closer/shared/node';
import { makeCase } from './cases-fixtures.ts';

const texts = `id: texts
title: 话术
replies:
  - id: care_zh
    label: 问感受
    text: 用了一天，感觉怎么样？
  - id: care_en
    label: Ask how it feels
    lang: en
    text: How has the first day been?
stories:
  - id: story_mum
    title: { zh-CN: 一位妈妈, en: A mother }
    background: 两个孩子的妈妈
    problem: 没时间陪孩子读书
    solution: 每天十分钟的共读课
    feeling: { before: 焦虑, after: 轻松 }
`;

const plan = (send: string) => `id: plan
title: 回访计划
followups:
  rules:
    - id: care
      label: { zh-CN: 成交后问感受, en: Ask after the sale }
      when: won
      after: { days: 1 }
      send: ${send}
`;

function lint(send: string): string[] {
  return lintPlaybooks([parsePlaybook(texts, 'texts.playbook.yaml'), parsePlaybook(plan(send), 'plan.playbook.yaml')])
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`);
}

function bundleOf(send: string): Bundle {
  return buildBundle([parsePlaybook(texts, 'texts.playbook.yaml'), parsePlaybook(plan(send), 'plan.playbook.yaml')]);
}

describe('a follow-up send per language', () => {
  it('chooses the language asked, English falling back to the Chinese id', () => {
    expect(localSend('care_zh', 'en')).toBe('care_zh');
    expect(localSend({ 'zh-CN': 'care_zh', en: 'care_en' }, 'en')).toBe('care_en');
    expect(localSend({ 'zh-CN': 'care_zh', en: 'care_en' }, 'zh-CN')).toBe('care_zh');
    expect(localSend({ 'zh-CN': 'care_zh' }, 'en')).toBe('care_zh');
  });

  it('the follow-up due sends the reply of the language asked, with its text', () => {
    const sale = makeCase({ outcome: 'won', createdAt: '2026-11-02T01:00:00.000Z', updatedAt: '2026-11-02T02:00:00.000Z', closedAt: '2026-11-02T02:00:00.000Z' });
    const on = new Date('2026-11-03T06:00:00Z');
    const bundle = bundleOf('{ zh-CN: care_zh, en: care_en }');
    const [zh] = dueFollowups([sale], bundle, { on, timeZone: 'Asia/Shanghai', language: 'zh-CN' });
    const [en] = dueFollowups([sale], bundle, { on, timeZone: 'Asia/Shanghai', language: 'en' });
    expect(zh).toMatchObject({ rule: 'care', reply: 'care_zh', text: '用了一天，感觉怎么样？' });
    expect(en).toMatchObject({ rule: 'care', reply: 'care_en', text: 'How has the first day been?', reason: expect.stringMatching(/^Ask after the sale — won on /) });
    // The same follow-up either way: one rule, one due, so Done in one language is done in the other.
    expect(en!.due).toBe(zh!.due);
    // A story in Chinese, a reply in English; and English falls back to the Chinese one when it has none.
    expect(dueFollowups([sale], bundleOf('{ zh-CN: story_mum, en: care_en }'), { on, timeZone: 'Asia/Shanghai', language: 'zh-CN' })[0]).toMatchObject({ reply: 'story_mum' });
    expect(dueFollowups([sale], bundleOf('{ zh-CN: care_zh }'), { on, timeZone: 'Asia/Shanghai', language: 'en' })[0]).toMatchObject({ reply: 'care_zh', text: '用了一天，感觉怎么样？' });
  });

  it('a plan with a send per language lints clean, and each language may send a reply or a story', () => {
    expect(lint('{ zh-CN: care_zh, en: care_en }')).toEqual([]);
    expect(lint('{ zh-CN: story_mum, en: care_en }')).toEqual([]);
    expect(lint('{ zh-CN: care_zh }')).toEqual([]);
  });

  it('an unknown id in one language is located at that language, with the closest id', () => {
    expect(lint('{ zh-CN: care_zh, en: care_em }')).toEqual([
      'plan.playbook.yaml:9:35 followup-send follow-up "care" sends "care_em" in en, which is neither a reply nor a story of the playbooks — did you mean "care_en"?',
    ]);
    expect(lint('{ zh-CN: nope, en: care_en }')).toEqual([
      expect.stringMatching(/^plan\.playbook\.yaml:9:22 followup-send follow-up "care" sends "nope" in zh-CN, /),
    ]);
    // A plain id is still located at send.
    expect(lint('care_em')).toEqual([expect.stringMatching(/^plan\.playbook\.yaml:9:13 followup-send follow-up "care" sends "care_em", /)]);
  });

  it('a send without the Chinese id, with an unknown language or an id that is no id is a located schema error', () => {
    for (const send of ['{ en: care_en }', '{ zh-CN: care_zh, fr: care_fr }', '{ zh-CN: Care Zh }', '[care_zh]']) {
      const found = lint(send);
      expect(found.length, send).toBeGreaterThan(0);
      for (const line of found) expect(line, send).toMatch(/^plan\.playbook\.yaml:9:\d+ /);
      expect(found.some((line) => line.includes('followup-send')), send).toBe(false);
    }
    expect(lint('{ en: care_en }')).toEqual(['plan.playbook.yaml:9:13 wrong-type "send" should be a reply or story id, or one per language with "zh-CN" (e.g. { zh-CN: care_zh, en: care_en }); it is a mapping of keys']);
    expect(lint('{ zh-CN: care_zh, fr: care_fr }')).toEqual(['plan.playbook.yaml:9:31 unknown-key unknown key "fr"']);
  });
});

describe('the default playbooks, whose rules send a reply per language', () => {
  async function closer(args: string[], cwd: string) {
    let stdout = '';
    let stderr = '';
    const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), lines: async function* () {}, cwd };
    return { code: await runCli(args, io), stdout, stderr };
  }

  it('sends the English reply with --lang en and the Chinese one by default, for the same follow-up', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'closer-send-language-'));
    const sale = makeCase({ outcome: 'won', createdAt: '2026-11-02T00:00:00.000Z', updatedAt: '2026-11-02T01:00:00.000Z', closedAt: '2026-11-02T01:00:00.000Z' });
    writeFileSync(path.join(dir, 'cases.jsonl'), writeCases([sale]));
    const run = async (lang: string[]) => {
      const result = await closer(['followups', '--json', '--on', '2026-11-03', '--tz', 'Asia/Shanghai', ...lang, 'cases.jsonl'], dir);
      expect(result.code, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as { rule: string; reply: string; due: string; text: string }[]).find((item) => item.rule === 'care_day1')!;
    };
    const zh = await run([]);
    const en = await run(['--lang', 'en']);
    expect(zh.reply).toBe('after-sale-care-day1');
    expect(en.reply).toBe('after-sale-care-day1-en');
    expect(en.due).toBe(zh.due);
    expect(en.text).toMatch(/[a-z]/);
    expect(en.text).not.toBe(zh.text);
  });

  it('offers the next rung of the ladder in the language asked, through the rung\'s translations', async () => {
    const bundle = buildBundle(await loadPlaybookFiles([fileURLToPath(new URL('../../playbooks', import.meta.url))]));
    // A customer who bought the recorded course 45 days ago: the repurchase check proposes the live course.
    const sale = makeCase({ outcome: 'won', product: 'rung_recorded', createdAt: '2026-09-19T00:00:00.000Z', updatedAt: '2026-09-19T01:00:00.000Z', closedAt: '2026-09-19T01:00:00.000Z' });
    const check = (language: 'zh-CN' | 'en') =>
      dueFollowups([sale], bundle, { on: new Date('2026-11-03T06:00:00Z'), timeZone: 'Asia/Shanghai', language }).find((item) => item.rule === 'repurchase_check')!;
    expect(check('zh-CN')).toMatchObject({ reply: 'after-sale-repurchase-reminder', nextRung: { rung: 'rung_live', reply: 'ladder-offer-live', label: '直播课' } });
    const en = check('en');
    expect(en).toMatchObject({ reply: 'after-sale-repurchase-reminder-en', nextRung: { rung: 'rung_live', reply: 'ladder-offer-live-en', label: 'Live course' } });
    expect(en.nextRung!.text).toMatch(/^[\x20-\x7e’—–]+$/);
  });
});
