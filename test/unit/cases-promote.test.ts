import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBundle, insertStory, lintPlaybooks, parsePlaybook, PromoteError, StorySchema, storyDraftOf, storyYaml } from '@closer/shared';
import { inserted, makeCase, message } from './cases-fixtures.ts';

const shopText = readFileSync('test/fixtures/playbooks/valid/shop.playbook.yaml', 'utf8');
const bundle = buildBundle([parsePlaybook(shopText, 'shop.playbook.yaml')]);

const won = makeCase({
  customer: 'customer-1a2b3c4d',
  product: '面霜',
  outcome: 'won',
  amount: 299,
  notes: '两个孩子的妈妈，在家做微商\n问题：换季脸干，试过三个牌子都不行\nafter: 说终于敢素颜去接孩子了',
  timeline: [message(1, 'price'), inserted(2, 'shop-price-value'), message(3, 'doubt'), message(4, 'price')],
});

describe('promote a won case to a story', () => {
  it('fills the four slots from labelled notes, unlabelled notes and the timeline', () => {
    const story = storyDraftOf(won, { bundle });
    expect(StorySchema().parse(story)).toEqual(story);
    expect(story.id).toBe(`won-${won.id.slice(0, 8)}`);
    expect(story.title).toBe('customer-1a2b3c4d的故事：面霜');
    expect(story.background).toContain('两个孩子的妈妈，在家做微商');
    expect(story.problem).toBe('换季脸干，试过三个牌子都不行');
    // The reply is named by its label from the bundle, not its id.
    expect(story.solution).toContain('先讲价值');
    expect(story.solution).toContain('（待补充）');
    expect(story.feeling.before).toBe('觉得价格贵、对效果有疑虑。 （待补充） 成交前的感受');
    expect(story.feeling.after).toBe('说终于敢素颜去接孩子了');
  });

  it('writes English drafts too, and marks every slot it could not fill', () => {
    const story = storyDraftOf(makeCase({ outcome: 'won', customer: '', notes: '' }), { language: 'en' });
    expect(story.title).toBe("customer's story");
    for (const slot of [story.background, story.problem, story.solution, story.feeling.before, story.feeling.after]) {
      expect(slot).toContain('(to finish)');
    }
  });

  it('refuses a case that was not won', () => {
    expect(() => storyDraftOf(makeCase({ outcome: 'lost', lossReason: 'price' }))).toThrow(PromoteError);
    expect(() => storyDraftOf(makeCase())).toThrow(/only a won case becomes a story; case .* is open/);
  });
});

describe('insert a story into a playbook', () => {
  const story = storyDraftOf(won, { bundle });

  it('appends to an existing stories list as text, keeping the rest of the file byte for byte', () => {
    const { text, line, id } = insertStory(shopText, story);
    expect(id).toBe(story.id);
    const inserted = text.split('\n').slice(line - 1);
    expect(inserted[0]).toBe(`  - id: ${story.id}`);
    // Everything before and after the new story is the author's original text.
    const added = storyYaml(story, 2);
    expect(text.replace(added, '')).toBe(shopText);
    const parsed = parsePlaybook(text, 'shop.playbook.yaml');
    expect(parsed.playbook!.stories!.map((entry) => entry.id)).toEqual(['shop-story-dry-skin', story.id]);
    expect(lintPlaybooks([parsed]).filter((d) => d.severity === 'error')).toEqual([]);
    expect(parsed.playbook!.stories![1]).toEqual(story);
  });

  it('creates the stories list when the playbook has none, and handles "stories: []"', () => {
    const plain = 'id: tiny\ntitle: Tiny\n# the end';
    const created = insertStory(plain, story);
    expect(created.text.startsWith(plain + '\nstories:\n  - id: ')).toBe(true);
    expect(created.line).toBe(5);
    expect(parsePlaybook(created.text, 't.playbook.yaml').playbook!.stories).toEqual([story]);

    const empty = insertStory('id: tiny\ntitle: Tiny\nstories: []\nguides: []\n', story);
    const parsed = parsePlaybook(empty.text, 't.playbook.yaml');
    expect(parsed.playbook!.stories).toEqual([story]);
    expect(empty.text.split('\n')[empty.line - 1]).toMatch(/- id: /);
  });

  it('keeps the indentation of the existing items and a following key', () => {
    const text = 'id: tiny\ntitle: Tiny\nstories:\n- id: old\n  title: Old\n  background: b\n  problem: p\n  solution: s\n  feeling: { before: x, after: y }\nguides: []\n';
    const result = insertStory(text, story);
    expect(result.text.split('\n')[result.line - 1]).toBe(`- id: ${story.id}`);
    expect(result.text.endsWith('guides: []\n')).toBe(true);
    expect(parsePlaybook(result.text, 't.playbook.yaml').playbook!.stories!.map((entry) => entry.id)).toEqual(['old', story.id]);
  });

  it('makes the id unique when promoting the same case twice', () => {
    const once = insertStory(shopText, story);
    const twice = insertStory(once.text, story);
    expect(twice.id).toBe(`${story.id}-2`);
    expect(parsePlaybook(twice.text, 'x.playbook.yaml').playbook!.stories).toHaveLength(3);
  });

  it('refuses a file that is not a playbook or has YAML errors, with a message', () => {
    expect(() => insertStory('- just\n- a list\n', story)).toThrow(/not a playbook/);
    expect(() => insertStory('id: x\ntitle: [unclosed\n', story)).toThrow(/YAML errors/);
  });
});
