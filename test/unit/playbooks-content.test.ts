// The default playbooks are the product's content: they must lint clean, render cleanly in both
// languages, meet the counts of issue 3, and be written in our own words (no run copied from the seeds).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildBundle,
  classifyMessage,
  formatDiagnostic,
  GOLDEN_STEPS,
  lintPlaybooks,
  localSend,
  MAX_REPLY_WEIGHT,
  renderReply,
  repliesOf,
  replyWeight,
  type Bundle,
  type Intent,
  type ParsedPlaybook,
  type Playbook,
  type Reply,
} from '@closer/shared';
import { loadPlaybookFiles } from '@closer/shared/node';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const playbooksDir = join(repoRoot, 'playbooks');
// The source texts live beside the repository, not in it; a fresh clone may not have them.
const seedsDir = resolve(repoRoot, '../shared/seeds');

const EXPECTED_FILES = [
  'after-sale', 'b2b-visits', 'buy-signal', 'comparison', 'customer-tags', 'doubt', 'drills', 'golden-model',
  'hesitation', 'one-to-one-sale', 'price', 'product-ladder', 'small-talk', 'story-snowball',
].map((name) => `${name}.playbook.yaml`);
const OBJECTION_INTENTS: Intent[] = ['price', 'comparison', 'hesitation', 'doubt', 'buy_signal'];
const TRADES = ['skincare', 'online-course', 'fitness', 'home-furnishing', 'b2b-software', 'insurance', 'restaurant', 'mother-baby'];
const COPY_RUN = 20;
const CJK = /[\u3400-\u9fff]/u;

let parsed: ParsedPlaybook[] = [];
let playbooks: Playbook[] = [];

beforeAll(async () => {
  parsed = await loadPlaybookFiles([playbooksDir]);
  playbooks = parsed.flatMap((file) => (file.playbook ? [file.playbook] : []));
});

const languageOf = (reply: Reply) => reply.lang ?? 'zh-CN';
const countByLanguage = (replies: readonly Reply[]) => ({
  zh: replies.filter((reply) => languageOf(reply) === 'zh-CN').length,
  en: replies.filter((reply) => languageOf(reply) === 'en').length,
});
const normaliseTrigger = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Every string a playbook holds, wherever it sits. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Every {zh-CN, en} pair in a playbook, with the path where it sits. */
function localTextsOf(value: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => localTextsOf(item, `${path}[${index}]`));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if ('zh-CN' in record) return [{ path, text: record }];
  return Object.entries(record).flatMap(([key, item]) => localTextsOf(item, `${path}.${key}`));
}

/** A finder of runs of COPY_RUN characters that occur verbatim in the given source texts. */
function copiedRunFinder(sources: readonly string[]): (text: string) => string | undefined {
  const runs = new Set<string>();
  for (const source of sources) for (let at = 0; at + COPY_RUN <= source.length; at++) runs.add(source.slice(at, at + COPY_RUN));
  return (text) => {
    for (let at = 0; at + COPY_RUN <= text.length; at++) {
      const run = text.slice(at, at + COPY_RUN);
      if (runs.has(run)) return run;
    }
    return undefined;
  };
}

describe('default playbooks', () => {
  it('are all there and all parse', () => {
    const names = parsed.map((file) => file.file.split(/[\\/]/).at(-1)).sort();
    expect(names).toEqual(EXPECTED_FILES);
    for (const file of parsed) expect(file.playbook, `${file.file} did not parse`).toBeDefined();
  });

  it('lint with no errors and no warnings', () => {
    expect(lintPlaybooks(parsed).map(formatDiagnostic)).toEqual([]);
  });

  it('build into a bundle', () => {
    expect(() => buildBundle(parsed)).not.toThrow();
  });

  it('give every variable a default, and render every reply with the defaults: no {{ left, within the length rule', () => {
    let rendered = 0;
    for (const playbook of playbooks) {
      const variables = playbook.variables ?? {};
      for (const [name, variable] of Object.entries(variables)) expect(variable.default, `${playbook.id}: {{${name}}} has no default`).toBeTruthy();
      for (const { reply } of repliesOf(playbook)) {
        const { text, missing } = renderReply(reply.text, variables);
        expect(missing, reply.id).toEqual([]);
        expect(text, reply.id).not.toContain('{{');
        expect(text, reply.id).not.toContain('}}');
        expect(replyWeight(text), `${reply.id} is too long: ${text}`).toBeLessThanOrEqual(MAX_REPLY_WEIGHT);
        rendered++;
      }
    }
    expect(rendered).toBeGreaterThan(150);
  });

  it('keep most Chinese replies under 120 characters', () => {
    const chinese = playbooks.flatMap((playbook) =>
      repliesOf(playbook)
        .filter(({ reply }) => languageOf(reply) === 'zh-CN')
        .map(({ reply }) => replyWeight(renderReply(reply.text, playbook.variables).text)),
    );
    const short = chinese.filter((weight) => weight <= 120).length;
    expect(short / chinese.length).toBeGreaterThan(0.9);
  });

  it('write each reply in the language it declares', () => {
    for (const playbook of playbooks) {
      for (const { reply } of repliesOf(playbook)) {
        if (languageOf(reply) === 'en') expect(reply.text, reply.id).not.toMatch(CJK);
        else expect(reply.text, reply.id).toMatch(CJK);
      }
    }
  });

  it('never put a space between two Chinese characters (a folded YAML line break would)', () => {
    const spaced = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef] +[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u;
    for (const playbook of playbooks) {
      // Customers do type spaces between words, so trigger examples are left out.
      const authored = { ...playbook, objections: playbook.objections?.map(({ triggers: _triggers, ...objection }) => objection) };
      for (const text of stringsOf(authored)) expect(text, `${playbook.id}: ${text.slice(0, 40)}`).not.toMatch(spaced);
    }
  });

  it('give every title, principle, goal, question, story part and guide both a Chinese and an English version', () => {
    for (const playbook of playbooks) {
      for (const { path, text } of localTextsOf(playbook)) {
        expect(typeof text['en'] === 'string' && text['en'].length > 0, `${playbook.id}${path} has no English`).toBe(true);
      }
      const plainTitles = [playbook, ...(playbook.objections ?? []), ...(playbook.sequences ?? []), ...(playbook.stories ?? []), ...(playbook.guides ?? [])]
        .filter((item) => typeof item.title === 'string');
      expect(plainTitles.map((item) => item.id), `${playbook.id}: titles without English`).toEqual([]);
    }
  });
});

describe('objections', () => {
  const objections = () => playbooks.flatMap((playbook) => playbook.objections ?? []);

  it('cover price, comparison, hesitation, doubt and buy_signal, and small talk (other)', () => {
    expect([...new Set(objections().map((objection) => objection.intent))].sort()).toEqual([...OBJECTION_INTENTS, 'other'].sort());
  });

  it('each have a bilingual principle, a source, keywords, 30+ varied examples and 6 Chinese + 4 English replies', () => {
    for (const objection of objections()) {
      expect(typeof objection.principle === 'object' && objection.principle.en, `${objection.id} principle`).toBeTruthy();
      expect(objection.source, objection.id).toMatch(/seeds\/\d{3}_/);
      expect(objection.triggers.keywords?.length ?? 0, objection.id).toBeGreaterThanOrEqual(10);
      const examples = objection.triggers.examples ?? [];
      expect(examples.length, objection.id).toBeGreaterThanOrEqual(30);
      // About a quarter are English, and the rest are not all the same shape.
      const english = examples.filter((example) => !CJK.test(example)).length;
      expect(english / examples.length, `${objection.id} English examples`).toBeGreaterThanOrEqual(0.2);
      expect(examples.some((example) => CJK.test(example) && /[A-Za-z]{2,}/.test(example)), `${objection.id} mixed zh/en`).toBe(true);
      expect(examples.some((example) => /\p{Extended_Pictographic}/u.test(example)), `${objection.id} emoji`).toBe(true);
      expect(examples.some((example) => [...example].length >= 15), `${objection.id} a long one`).toBe(true);
      expect(examples.some((example) => [...example].length <= 5), `${objection.id} a short one`).toBe(true);
      const { zh, en } = countByLanguage(objection.replies);
      expect(zh, `${objection.id} Chinese replies`).toBeGreaterThanOrEqual(6);
      expect(en, `${objection.id} English replies`).toBeGreaterThanOrEqual(4);
    }
  });

  it('share no example between two objections, and no example copies a reply', () => {
    const owner = new Map<string, string>();
    for (const objection of objections()) {
      for (const example of objection.triggers.examples ?? []) {
        const key = normaliseTrigger(example);
        expect(owner.get(key) ?? objection.id, `"${example}" is in ${owner.get(key)} and ${objection.id}`).toBe(objection.id);
        owner.set(key, objection.id);
      }
    }
    const replyTexts = new Set(playbooks.flatMap((playbook) => repliesOf(playbook).map(({ reply }) => normaliseTrigger(reply.text))));
    for (const example of owner.keys()) expect(replyTexts.has(example), example).toBe(false);
  });

  it('tell limited-time offers by {{deadline}}, never by a made-up date or count', () => {
    for (const playbook of playbooks) {
      for (const { reply } of repliesOf(playbook)) {
        if (/活动价|截止|offer (runs|price)|until/u.test(reply.text)) {
          expect(reply.text, reply.id).toMatch(/\{\{(deadline|deadline_en)\}\}/);
        }
        expect(reply.text, reply.id).not.toMatch(/仅剩|最后\d+|只剩|only \d+ left|last \d+/iu);
      }
    }
  });

  describe('recognised by the engine', () => {
    let bundle: Bundle;
    beforeAll(() => {
      bundle = buildBundle(parsed);
    });

    it('classifies nearly every trigger example as its own objection’s intent', () => {
      const wrong: string[] = [];
      let total = 0;
      for (const objection of objections()) {
        for (const example of objection.triggers.examples ?? []) {
          total++;
          const got = classifyMessage(example, bundle).intent;
          if (got !== objection.intent) wrong.push(`${example} → ${got} (want ${objection.intent})`);
        }
      }
      expect(wrong.length / total, wrong.join('\n')).toBeLessThanOrEqual(0.05);
    });
  });
});

describe('the golden sales model', () => {
  const golden = () => playbooks.flatMap((playbook) => playbook.sequences ?? []).find((sequence) => sequence.id === 'golden');

  it('has exactly the six steps in order, each with a bilingual goal, a next step and 4 Chinese + 2 English replies', () => {
    const sequence = golden();
    expect(sequence).toBeDefined();
    expect(sequence!.steps.map((step) => step.id)).toEqual([...GOLDEN_STEPS]);
    sequence!.steps.forEach((step, at) => {
      expect(typeof step.goal === 'object' && step.goal.en, `${step.id} goal`).toBeTruthy();
      if (at < sequence!.steps.length - 1) expect(step.next, step.id).toBe(GOLDEN_STEPS[at + 1]);
      const { zh, en } = countByLanguage(step.replies ?? []);
      expect(zh, `${step.id} Chinese replies`).toBeGreaterThanOrEqual(4);
      expect(en, `${step.id} English replies`).toBeGreaterThanOrEqual(2);
    });
  });

  it('moves price and hesitation to consider, doubt to resolve_doubt, a buy signal to ask_close', () => {
    const stepsOf = (intent: Intent) => golden()!.steps.filter((step) => step.intents?.includes(intent)).map((step) => step.id);
    expect(stepsOf('price')).toEqual(['consider']);
    expect(stepsOf('hesitation')).toEqual(['consider']);
    expect(stepsOf('comparison')).toEqual(['consider']);
    expect(stepsOf('doubt')).toEqual(['resolve_doubt']);
    expect(stepsOf('buy_signal')).toEqual(['ask_close']);
  });
});

describe('the story snowball', () => {
  const snowball = () => playbooks.find((playbook) => playbook.id === 'story-snowball')!;

  it('has the template and the growing guide', () => {
    const guides = snowball().guides ?? [];
    expect(guides.length).toBeGreaterThanOrEqual(2);
    const template = guides.find((guide) => guide.id === 'story-template');
    expect(template).toBeDefined();
    // The four slots of the template, in order.
    const text = typeof template!.text === 'string' ? template!.text : template!.text['zh-CN'];
    const slots = ['背景', '问题', '方案', '感受'].map((slot) => text.indexOf(slot));
    expect(slots.every((at, i) => at >= 0 && (i === 0 || at > slots[i - 1]!))).toBe(true);
  });

  it('has at least 8 example stories, one per trade, marked as examples with declared tags', () => {
    const stories = snowball().stories ?? [];
    const examples = stories.filter((story) => story.example === true);
    expect(examples.length).toBeGreaterThanOrEqual(8);
    expect([...new Set(examples.flatMap((story) => story.tags ?? []))].sort()).toEqual([...TRADES].sort());
    for (const story of stories) for (const tag of story.tags ?? []) expect(snowball().tags?.[tag], `${story.id}: ${tag}`).toBeDefined();
  });
});

describe('the other sequences', () => {
  const sequence = (id: string) => playbooks.flatMap((playbook) => playbook.sequences ?? []).find((candidate) => candidate.id === id);

  it('walks a one-to-one sale through five stages and asks the four parts of the order formula', () => {
    const stages = sequence('one-to-one');
    expect(stages?.steps.map((step) => step.id)).toEqual(['dig_needs', 'pitch_product', 'solve_problems', 'propose_close', 'after_sales']);
    const pitch = stages!.steps.find((step) => step.id === 'pitch_product')!;
    expect(pitch.questions?.length).toBeGreaterThanOrEqual(4);
  });

  it('revisits after the sale on a schedule, with the retention figures as its principle', () => {
    const revisits = sequence('after-sale-revisit');
    expect(revisits?.steps.length).toBeGreaterThanOrEqual(4);
    const principle = revisits!.principle;
    const zh = typeof principle === 'object' ? principle['zh-CN'] : principle ?? '';
    for (const figure of ['6倍', '20倍', '一成', '五成']) expect(zh).toContain(figure);
  });

  it('covers BANT, hooks, the two-day follow-up, ROI and the discount-authority script for B2B', () => {
    const visit = sequence('b2b-visit');
    expect(visit?.steps.map((step) => step.id)).toEqual(['visit_prepare', 'visit_open', 'visit_bant', 'visit_hook', 'visit_follow_up']);
    const bant = visit!.steps.find((step) => step.id === 'visit_bant')!;
    const questions = (bant.questions ?? []).map((question) => (typeof question === 'string' ? question : question.en ?? ''));
    for (const part of ['Budget', 'Authority', 'Need', 'Timeline']) expect(questions.some((question) => question.startsWith(part)), part).toBe(true);
    expect(sequence('b2b-executive')?.steps.map((step) => step.id)).toEqual(['exec_roi', 'exec_discount']);
  });
});

describe('the customer tags, the revisit plan and the product ladder', () => {
  let bundle: Bundle;
  beforeAll(() => {
    bundle = buildBundle(parsed);
  });
  const levelOf = (id: string): number => {
    const tag = bundle.customerTags.find((candidate) => candidate.id === id)!;
    return tag.parent === undefined ? 1 : 1 + levelOf(tag.parent);
  };

  it('has a small three-level tag tree over source, customer type, deal cycle and activity', () => {
    const categories = bundle.customerTags.filter((tag) => tag.parent === undefined).map((tag) => tag.id);
    expect(categories).toEqual(['source', 'customer_type', 'deal_cycle', 'activity']);
    const tags = bundle.customerTags.filter((tag) => levelOf(tag.id) === 3);
    expect(tags.length).toBeGreaterThanOrEqual(12);
    expect(tags.length).toBeLessThanOrEqual(30);
    for (const category of categories) {
      expect(tags.some((tag) => levelOf(tag.id) === 3 && bundle.customerTags.find((group) => group.id === tag.parent)?.parent === category), category).toBe(true);
    }
  });

  it('suggests price-sensitive on a price intent, compared-with-a-rival on a rival, hot lead on buy-soon, and ties little-to-spend to the entry tier', () => {
    const tag = (id: string) => bundle.customerTags.find((candidate) => candidate.id === id);
    expect(tag('attitude_price')?.suggest?.intents).toContain('price');
    expect(tag('attitude_comparing')?.suggest?.rival).toBe(true);
    expect(tag('cycle_hot')?.suggest?.buySoon).toBe(true);
    expect(tag('means_little')?.tier).toBe('entry');
  });

  it('plans after-sale care in the first days, the feeling, a repurchase check, the two-day visit feedback, a dormant wake-up and a lost-for-timing revisit, and stops at the third refusal or no need', () => {
    const rules = bundle.followups.rules;
    const won = rules.filter((rule) => rule.when === 'won').map((rule) => rule.after.days ?? 0);
    expect(won.filter((days) => days <= 3).length).toBeGreaterThanOrEqual(2);
    expect(rules.find((rule) => localSend(rule.send, 'zh-CN') === 'after-sale-ask-feeling')?.when).toBe('won');
    // Each rule sends the English reply in English, the Chinese one otherwise.
    for (const rule of rules) expect(localSend(rule.send, 'en'), rule.id).toBe(`${localSend(rule.send, 'zh-CN')}-en`);
    expect(rules.find((rule) => rule.id === 'repurchase_check')?.offerNextRung).toBe(true);
    expect(rules.find((rule) => rule.when === 'meeting')?.after).toEqual({ days: 2 });
    expect(rules.find((rule) => rule.when === 'idle')?.after.days).toBeGreaterThanOrEqual(30);
    expect(rules.find((rule) => rule.when === 'lost')?.lossReasons).toEqual(['timing']);
    expect(rules.some((rule) => rule.when === 'hot_lead')).toBe(true);
    expect(bundle.followups.stop).toEqual({ refusals: 3, lossReasons: ['no_need'] });
  });

  it('ships an example ladder from a lead magnet to consulting, cheapest first, each rung offered in Chinese and English', () => {
    const ladder = playbooks.find((playbook) => playbook.id === 'product-ladder')!.ladder!;
    expect(ladder.example).toBe(true);
    expect(ladder.rungs.map((rung) => rung.kind)).toEqual(['lead_magnet', 'recorded', 'live', 'camp', 'community', 'coaching', 'consulting']);
    expect(new Set(ladder.rungs.map((rung) => rung.tier))).toEqual(new Set(['entry', 'middle', 'top']));
    const replies = new Map(playbooks.flatMap((playbook) => repliesOf(playbook).map(({ reply }) => [reply.id, reply] as const)));
    for (const rung of ladder.rungs) {
      expect(languageOf(replies.get(rung.reply)!), rung.id).toBe('zh-CN');
      expect(languageOf(replies.get(rung.translations!.en!)!), rung.id).toBe('en');
    }
  });
});

describe.skipIf(!existsSync(seedsDir))('written in our own words', () => {
  let findCopiedRun: (text: string) => string | undefined;
  beforeAll(() => {
    const seeds = readdirSync(seedsDir).map((name) => readFileSync(join(seedsDir, name), 'utf8'));
    findCopiedRun = copiedRunFinder(seeds);
  });

  it('notices a copied run (the check itself works)', () => {
    const seed = readFileSync(join(seedsDir, readdirSync(seedsDir)[0]!), 'utf8');
    const copied = `前言${seed.slice(200, 200 + COPY_RUN + 5)}后记`;
    expect(findCopiedRun(copied)).toBeDefined();
  });

  it(`has no run of ${COPY_RUN} characters that appears verbatim in the seeds`, () => {
    const copies: string[] = [];
    for (const file of parsed) {
      for (const text of stringsOf(file.playbook)) {
        const run = findCopiedRun(text);
        if (run) copies.push(`${file.file}: "${run}"`);
      }
    }
    expect(copies).toEqual([]);
  });
});
