import { diagnosticAt, type LintRule } from '../rule.ts';
import { ancestryOf, tagTreeOf } from '../tag-tree.ts';

export const tagCycle: LintRule = {
  id: 'tag-cycle',
  description: 'Following the parents of customer tags always ends at a category; a tag is never its own ancestor.',
  acrossFiles: true,
  check: ({ valid }) => {
    const tree = tagTreeOf(valid);
    // Each node on a loop is named once, at its own parent, so every file of the loop shows it.
    return tree.all
      .filter(({ tag }) => tree.byId.get(tag.id)?.tag === tag)
      .flatMap(({ tag, parsed, path }) => {
        const { chain, end } = ancestryOf(tree, tag.id);
        if (end !== 'cycle' || chain[chain.length - 1] !== tag.id) return [];
        return [diagnosticAt(parsed, [...path, 'parent'], 'error', 'tag-cycle',
          `tag "${tag.id}" is its own ancestor (${chain.join(' → ')}); a tree goes category → group → tag, and a category has no parent`)];
      });
  },
};
