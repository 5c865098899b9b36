// Drills in the playbook format: what a bad drill is told, and the drill a bundle offers
// when none is written.
import { describe, expect, it } from 'vitest';
import { buildBundle, drillsOf, generateDrill, customerLine, lintPlaybooks, parsePlaybook } from '@closer/shared';

const drillFile = (turns: string) => `id: drills
title: Drills
drills:
  - id: parent
    title: The parent who finds it dear
    turns:
${turns}`;

describe('drills in the playbook format', () => {
  it('a valid drill lints clean and keeps its turns', () => {
    const parsed = parsePlaybook(drillFile('      - intent: price\n        customer: { zh-CN: 太贵了, en: Too expensive }\n        variants: [能便宜点吗]\n'), 'd.playbook.yaml');
    expect(lintPlaybooks([parsed])).toEqual([]);
    expect(parsed.playbook?.drills?.[0]?.turns[0]?.intent).toBe('price');
  });

  it('an unknown intent is an error on its line that lists the intents', () => {
    const parsed = parsePlaybook(drillFile('      - intent: price\n        customer: 太贵了\n      - intent: haggle\n        customer: 再少点\n'), 'd.playbook.yaml');
    const [diagnostic, ...rest] = lintPlaybooks([parsed]);
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ line: 9, severity: 'error', rule: 'wrong-type' });
    expect(diagnostic!.message).toContain('buy_signal');
  });

  it('a drill without turns is an error on the turns key', () => {
    const parsed = parsePlaybook(drillFile('      []\n').replace('turns:\n      []', 'turns: []'), 'd.playbook.yaml');
    expect(lintPlaybooks([parsed])).toMatchObject([{ line: 6, severity: 'error', rule: 'empty-drill' }]);
  });

  it('a drill id shares the namespace of the other items', () => {
    const parsed = parsePlaybook(drillFile('      - intent: price\n        customer: 太贵了\n') + 'replies:\n  - id: parent\n    label: P\n    text: Hello\n', 'd.playbook.yaml');
    expect(lintPlaybooks([parsed]).map((d) => d.rule)).toEqual(['duplicate-id']);
  });
});

const objections = `id: team
title: Team
objections:
  - id: hello
    intent: other
    title: Hello
    principle: Be warm.
    triggers: { examples: [你好在吗, hello there] }
    replies: [{ id: hi, label: Hi, text: 您好 }]
  - id: dear
    intent: price
    title: Dear
    principle: Value first.
    triggers: { examples: [太贵了, 能便宜点吗, too expensive] }
    replies: [{ id: value, label: Value, text: 先讲价值 }]
  - id: unsure
    intent: doubt
    title: Unsure
    principle: Tell a story.
    triggers: { examples: [真的有用吗] }
    replies: [{ id: story, label: Story, text: 讲个客户的故事 }]
`;

describe('the drill of a bundle', () => {
  it('without a written drill, one walks the golden model with the team’s objections in order', () => {
    const bundle = buildBundle([parsePlaybook(objections, 't.playbook.yaml')]);
    const result = drillsOf(bundle);
    expect('missing' in result).toBe(false);
    const [{ drill }] = result.drills as [{ drill: { turns: { intent: string; step?: string; customer: unknown }[] } }];
    expect(drill.turns.map((turn) => [turn.intent, turn.step, turn.customer])).toEqual([
      ['other', 'icebreak', '你好在吗'],
      ['price', 'consider', '太贵了'],
      ['doubt', 'resolve_doubt', '真的有用吗'],
    ]);
    const english = generateDrill(bundle, 'en');
    expect('drill' in english && english.drill.turns.map((turn) => turn.customer)).toEqual(['hello there', 'too expensive']);
  });

  it('a run picks the customer’s words among the variants by its seed', () => {
    const turn = { intent: 'price' as const, customer: '太贵了', variants: ['能便宜点吗'] };
    expect([0, 1, 2].map((seed) => customerLine(turn, 'zh-CN', seed))).toEqual(['太贵了', '能便宜点吗', '太贵了']);
  });

  it('written drills win over the generated one', () => {
    const bundle = buildBundle([parsePlaybook(objections + drillFile('      - intent: price\n        customer: 太贵了\n').replace('id: drills\ntitle: Drills\n', ''), 't.playbook.yaml')]);
    expect(drillsOf(bundle).drills.map((entry) => entry.drill.id)).toEqual(['parent']);
  });

  it('a bundle without objections says what is missing', () => {
    const bundle = buildBundle([parsePlaybook('id: bare\ntitle: Bare\nreplies: [{ id: hi, label: Hi, text: Hello }]\n', 'b.playbook.yaml')]);
    const result = drillsOf(bundle, 'en');
    expect(result.drills).toEqual([]);
    expect('missing' in result && result.missing).toContain('no objections');
  });
});

describe('the default drills', () => {
  it('classify each customer line as the drill says, in both languages, and score the approved answers high', async () => {
    const { defaultBundle } = await import('../eval/evaluate.ts');
    const { classifyMessage, localText, scoreDrill } = await import('@closer/shared');
    const bundle = await defaultBundle();
    const offered = drillsOf(bundle);
    expect(offered.drills.map((entry) => entry.drill.id)).toEqual(['drill-careful-parent', 'drill-comparing-buyer']);
    for (const { drill } of offered.drills) {
      for (const turn of drill.turns) {
        for (const language of ['zh-CN', 'en'] as const) {
          for (const line of [turn.customer, ...(turn.variants ?? [])]) {
            const text = localText(line, language);
            expect(classifyMessage(text, bundle).intent, `${drill.id}: ${text}`).toBe(turn.intent);
          }
        }
      }
      // Played with the best approved reply each turn suggests, a drill scores well.
      const answers = drill.turns.map((turn) => ({ customer: localText(turn.customer, 'zh-CN'), reply: '', intent: turn.intent, ...(turn.step ? { step: turn.step } : {}) }));
      const models = scoreDrill(answers, bundle, { drill }).turns.map((turn) => turn.best?.text ?? '');
      const played = scoreDrill(answers.map((answer, index) => ({ ...answer, reply: models[index]! })), bundle, { drill });
      expect(played.total, played.turns.map((turn) => turn.why.join(' | ')).join('\n')).toBeGreaterThanOrEqual(80);
    }
  }, 30_000);
});
