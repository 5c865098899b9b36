// The drill's compliance lint reads a reply as a one-reply playbook made by hand (compliance.ts),
// not parsed from YAML, so the worker carries no YAML parser: the rules must find the same in it
// as in the playbook parsed from its JSON, which is how it was read before.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { lintPlaybooks, parsePlaybook } from '@closer/shared';
import { replyPlaybook } from '../../shared/src/engine/drill/compliance.ts';

// The rules a drill keeps (compliance.ts); the places of the others' findings are not made up.
const COMPLIANCE_RULES = new Set(['absolute-guarantee', 'unprovable-superlative', 'health-or-money-claim', 'false-scarcity', 'hard-coded-figure']);

function found(parsed: Parameters<typeof lintPlaybooks>[0][number]): string[] {
  return lintPlaybooks([parsed]).filter((diagnostic) => COMPLIANCE_RULES.has(diagnostic.rule)).map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.rule}|${diagnostic.severity}|${diagnostic.message}`);
}

function parsed(text: string) {
  return parsePlaybook(JSON.stringify({ id: 'drill', title: 'drill', replies: [{ id: 'answer', label: 'answer', text }] }), 'drill.playbook.yaml');
}

const TEXTS = [
  '我保证您用了满意，无效全额退款。',
  'I guarantee it, risk-free!',
  '全网最低价，仅剩最后3个名额，今天下单立减200元',
  'Best price in the world, only 2 left, 50% off today',
  '包治百病，稳赚不赚',
  '{{product}} 的价格是 {{price}}',
  '您好，我先了解一下您的需求。',
  'a'.repeat(3000),
  '"quoted" \\ back\tslash\n新行 \u0000 \ud800 end',
  '保证"有效"，保证\n退款，最低价',
];

it('the rules find the same, in the same places, in the reply made by hand as in the reply parsed from JSON', () => {
  for (const text of TEXTS) expect(found(replyPlaybook(text)), text).toEqual(found(parsed(text)));
});

// Pieces of replies that break the rules, between any other text, quotes and newlines.
const PIECES = ['保证', '无效退款', '全网最低', '仅剩', '最后', '立减200元', '包治百病', '稳赚', 'guarantee', 'risk-free', 'best in the world', 'only 2 left', '50% off', '"', '\n', '，', ' '];

it('the same for any text made of such pieces and others', () => {
  const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8, unit: 'grapheme' })), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')).filter((joined) => joined.length > 0);
  fc.assert(fc.property(text, (text) => {
    expect(found(replyPlaybook(text))).toEqual(found(parsed(text)));
  }), { numRuns: 300 });
});
