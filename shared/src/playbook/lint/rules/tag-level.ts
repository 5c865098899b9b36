import { diagnosticAt, type LintRule } from '../rule.ts';
import { LEVEL_NAMES, levelOf, tagTreeOf } from '../tag-tree.ts';

export const tagLevel: LintRule = {
  id: 'tag-level',
  description: 'Only tags (the third level) are put on customers, so only they are suggested or imply a ladder tier.',
  acrossFiles: true,
  check: ({ valid }) => {
    const tree = tagTreeOf(valid);
    return tree.all.flatMap(({ tag, parsed, path }) => {
      const level = levelOf(tree, tag.id);
      if (level === undefined || level >= 3) return [];
      return (['suggest', 'tier'] as const)
        .filter((key) => tag[key] !== undefined)
        .map((key) =>
          diagnosticAt(parsed, [...path, key], 'error', 'tag-level',
            `"${tag.id}" is a ${LEVEL_NAMES[level - 1]}, and only a tag (level 3, under a group) is put on a customer; move "${key}" to the tags under it`, { key: true }),
        );
    });
  },
};
