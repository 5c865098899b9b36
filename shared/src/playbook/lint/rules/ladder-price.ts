import { diagnosticAt, type LintRule } from '../rule.ts';

export const ladderPrice: LintRule = {
  id: 'ladder-price',
  description: 'A rung\'s price band goes from its lowest price (min) to its highest (max).',
  check: ({ valid }) =>
    valid.flatMap(({ parsed, playbook }) =>
      (playbook.ladder?.rungs ?? []).flatMap((rung, r) =>
        rung.price.min <= rung.price.max
          ? []
          : [diagnosticAt(parsed, ['ladder', 'rungs', r, 'price', 'min'], 'error', 'ladder-price',
              `rung "${rung.id}" costs from ${rung.price.min} to ${rung.price.max}: min is above max; swap them`)],
      ),
    ),
};
