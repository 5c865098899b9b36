import { diagnosticAt, type LintRule } from '../rule.ts';
import { tagTreeOf } from '../tag-tree.ts';

export const ladderTier: LintRule = {
  id: 'ladder-tier',
  description: 'A tier a customer tag implies has a rung of the ladder to offer, once the playbooks declare a ladder.',
  configurable: true,
  acrossFiles: true,
  check: ({ valid }) => {
    const rungs = valid.flatMap(({ playbook }) => playbook.ladder?.rungs ?? []);
    if (rungs.length === 0) return [];
    const tiers = new Set(rungs.map((rung) => rung.tier));
    return tagTreeOf(valid).all.flatMap(({ tag, parsed, path }) =>
      tag.tier === undefined || tiers.has(tag.tier)
        ? []
        : [diagnosticAt(parsed, [...path, 'tier'], 'warning', 'ladder-tier',
            `tag "${tag.id}" implies tier ${tag.tier}, but no rung of the ladder is for ${tag.tier}, so nothing can be offered to these customers`)],
    );
  },
};
