import { diagnosticAt, limitOf, type LintRule } from '../rule.ts';
import { levelOf, tagTreeOf } from '../tag-tree.ts';

// The method asks for few, core tags: a salesperson tags a customer in two clicks while chatting,
// and past about thirty tags they no longer scan the list, they search it or give up.
const DEFAULT_MOST_TAGS = 30;

export const tooManyTags: LintRule = {
  id: 'too-many-tags',
  description: `More customer tags (level 3) than a salesperson can scan while chatting: warns past ${DEFAULT_MOST_TAGS}, a number the team may change ("lint: { too-many-tags: N }").`,
  configurable: true,
  acrossFiles: true,
  limit: DEFAULT_MOST_TAGS,
  check: (context) => {
    const most = limitOf(tooManyTags, context);
    const tree = tagTreeOf(context.valid);
    const tags = tree.all.filter(({ tag }) => tree.byId.get(tag.id)?.tag === tag && levelOf(tree, tag.id) === 3);
    if (tags.length <= most) return [];
    // Named at the first tag past the limit: that is where the list stops being scannable.
    const { parsed, path } = tags[most]!;
    return [diagnosticAt(parsed, [...path, 'id'], 'warning', 'too-many-tags',
      `the tag tree has ${tags.length} tags (level 3), more than a salesperson can scan while chatting (${most}); keep the few that change what you say, or set another number with lint: { too-many-tags: N }`)];
  },
};
