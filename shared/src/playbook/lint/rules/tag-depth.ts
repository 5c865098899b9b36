import { diagnosticAt, type LintRule } from '../rule.ts';
import { levelOf, tagTreeOf } from '../tag-tree.ts';

export const tagDepth: LintRule = {
  id: 'tag-depth',
  description: 'The customer tag tree has three levels: category → group → tag. A tag does not sit under another tag.',
  acrossFiles: true,
  check: ({ valid }) => {
    const tree = tagTreeOf(valid);
    return tree.all.flatMap(({ tag, parsed, path }) => {
      if (tag.parent === undefined || levelOf(tree, tag.parent) !== 3) return [];
      return [diagnosticAt(parsed, [...path, 'parent'], 'error', 'tag-depth',
        `tag "${tag.id}" would be a fourth level: "${tag.parent}" is already a tag (category → group → tag); put it under a group instead`)];
    });
  },
};
