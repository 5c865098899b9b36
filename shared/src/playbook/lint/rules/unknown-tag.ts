import { didYouMean } from '../../closest.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';
import { tagTreeOf } from '../tag-tree.ts';

export const unknownTag: LintRule = {
  id: 'unknown-tag',
  description: 'A customer tag\'s parent is a category or group declared under "customerTags" in one of the playbooks.',
  acrossFiles: true,
  check: ({ valid }) => {
    const tree = tagTreeOf(valid);
    return tree.all
      .filter(({ tag }) => tag.parent !== undefined && !tree.byId.has(tag.parent))
      .map(({ tag, parsed, path }) =>
        diagnosticAt(parsed, [...path, 'parent'], 'error', 'unknown-tag',
          `tag "${tag.id}" sits under "${tag.parent}", which is not declared under customerTags${didYouMean(tag.parent!, tree.byId.keys())}`),
      );
  },
};
