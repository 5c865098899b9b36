import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPlaybooks, parsePlaybook } from '@closer/shared';

// An editor lints the whole workspace at each keystroke but re-parses only the edited file; the
// rules keep what they found per parse (and per text). Whatever they remember, a lint after an
// edit must say exactly what a lint of freshly parsed files says.
const shop = readFileSync(path.resolve('test/fixtures/playbooks/valid/shop.playbook.yaml'), 'utf8');
const other = (body: string) => `id: other\ntitle: Other\n${body}`;

/** Lint after each step with the parses kept from before, and from scratch; both must agree. */
function agreeAfterEdits(first: string, edits: string[]): void {
  const kept = parsePlaybook(first, 'shop.playbook.yaml');
  let edited = parsePlaybook(other(''), 'other.playbook.yaml');
  lintPlaybooks([kept, edited]);
  for (const body of edits) {
    edited = parsePlaybook(other(body), 'other.playbook.yaml');
    const incremental = lintPlaybooks([kept, edited]);
    const fresh = lintPlaybooks([parsePlaybook(first, 'shop.playbook.yaml'), parsePlaybook(other(body), 'other.playbook.yaml')]);
    expect(incremental).toEqual(fresh);
  }
}

describe('lint after an edit agrees with a lint from scratch', () => {
  it('an id given again in another file, then renamed', () => {
    const reply = (id: string) => `replies:\n  - id: ${id}\n    label: Hi\n    text: 您好\n`;
    agreeAfterEdits(shop, [reply('shop-hello'), reply('shop-hello-2'), reply('shop-hello')]);
  });

  it('a step using a reply of another file, which then disappears', () => {
    const step = (uses: string) =>
      `sequences:\n  - id: s\n    title: S\n    steps:\n      - id: a\n        title: A\n        goal: G\n        intents: [other]\n        uses: [${uses}]\n`;
    agreeAfterEdits(shop, [step('shop-hello'), step('shop-helo'), step('shop-hello')]);
    // The reply it used goes away from the file that is not edited: a fresh parse of that file.
    const without = shop.replace('id: shop-hello\n', 'id: shop-hi\n');
    agreeAfterEdits(without, [step('shop-hello'), step('shop-hi')]);
  });

  it('a trigger shared with an objection of another file, then changed', () => {
    const objection = (keyword: string) =>
      `objections:\n  - id: o\n    intent: price\n    title: T\n    triggers:\n      keywords: [${keyword}]\n    replies:\n      - id: o-r\n        label: L\n        text: 好的\n`;
    agreeAfterEdits(shop, [objection('太贵'), objection('太 贵'), objection('EXPENSIVE'), objection('贵')]);
  });

  it('a compliance phrase typed into a reply and taken out again', () => {
    const reply = (text: string) => `replies:\n  - id: r\n    label: L\n    text: ${text}\n`;
    agreeAfterEdits(shop, [reply('我们保证有效'), reply('我们保证金'), reply('我们保证有效'), reply('100%有效，保证')]);
  });

  it('a reply made too long and short again', () => {
    const reply = (text: string) => `replies:\n  - id: r\n    label: L\n    text: ${text}\n`;
    agreeAfterEdits(shop, [reply('好'.repeat(250)), reply('好'.repeat(20)), reply('好'.repeat(250)), reply('ok '.repeat(150))]);
  });
});
