import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closestName, editDistance, lintPlaybooks, parsePlaybook } from '@closer/shared';

describe('edit distance (optimal string alignment)', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('prcie', 'price')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('hesitatino', 'hesitation')).toBe(1);
  });

  it('counts drops, additions and changes as Levenshtein does', () => {
    expect(editDistance('prce', 'price')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    // Optimal string alignment never edits a swapped pair again: "ca" → "abc" is 3, not 2.
    expect(editDistance('ca', 'abc')).toBe(3);
  });

  it('counts characters, not UTF-16 halves', () => {
    expect(editDistance('价格😀', '价格😁')).toBe(1);
    expect(editDistance('格价', '价格')).toBe(1);
  });

  it('is symmetric, zero only for equal strings, and never more than the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max([...a].length, [...b].length));
      }),
    );
  });

  it('finds a transposed name', () => {
    expect(closestName('prcie', ['price', 'product'])).toBe('price');
    expect(closestName('zzzzz', ['price', 'product'])).toBeUndefined();
  });
});

describe('"did you mean" for transposed letters, everywhere the linter suggests a name', () => {
  const text = [
    'id: swap',
    'title: Swap',
    'variables:',
    '  price:',
    '    label: Price',
    'objections:',
    '  - id: too-dear',
    '    intent: prcie',
    '    title: Too dear',
    '    principle: Value first',
    '    triggers: { keywords: [dear] }',
    '    replies:',
    '      - id: value-first',
    '        label: Value',
    '        text: "It is {{prcie}} for a reason"',
    'sequences:',
    '  - id: golden',
    '    title: Golden',
    '    steps:',
    '      - id: icebreak',
    '        title: Hello',
    '        goal: Greet',
    '        next: introudce',
    '        uses: [valeu-first]',
    '      - id: introduce',
    '        title: Introduce',
    '        goal: Introduce',
  ].join('\n');

  it('suggests the intent, the variable, the step and the reply', () => {
    const messages = lintPlaybooks([parsePlaybook(text, 'swap.playbook.yaml')]).map((d) => d.message);
    expect(messages.join('\n')).toContain('did you mean "price"?');
    // The intent is a schema error: the content rules wait until it is fixed.
    const fixed = text.replace('intent: prcie', 'intent: price');
    const content = lintPlaybooks([parsePlaybook(fixed, 'swap.playbook.yaml')]).map((d) => d.message);
    expect(content).toContainEqual(expect.stringContaining('did you mean {{price}}?'));
    expect(content).toContainEqual(expect.stringContaining('did you mean "introduce"?'));
    expect(content).toContainEqual(expect.stringContaining('did you mean "value-first"?'));
  });
});
