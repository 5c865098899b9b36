import { diagnosticAt, type LintRule } from '../rule.ts';

export const ladderOrder: LintRule = {
  id: 'ladder-order',
  description: 'The rungs of a ladder are listed cheapest first, so the lower rung and the next rung are where a reader expects them.',
  configurable: true,
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) => {
      const rungs = playbook.ladder?.rungs ?? [];
      return rungs.flatMap((rung, r) => {
        const before = rungs[r - 1];
        if (!before || before.price.min <= rung.price.min) return [];
        return [diagnosticAt(parsed, ['ladder', 'rungs', r, 'price', 'min'], 'warning', 'ladder-order',
          `rung "${rung.id}" (from ${rung.price.min}) comes after "${before.id}" (from ${before.price.min}); list the rungs cheapest first`)];
      });
    }),
};
