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
    // Named once, at the "customerTags" of the playbook that declares the most of them: that is
    // where pruning starts, and the place does not move as other playbooks are edited.
    const perFile = new Map<(typeof tags)[number]['parsed'], number>();
    for (const { parsed } of tags) perFile.set(parsed, (perFile.get(parsed) ?? 0) + 1);
    const [parsed, own] = [...perFile].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    return [diagnosticAt(parsed, ['customerTags'], 'warning', 'too-many-tags',
      `the tag tree has more than ${most} customer tags (level 3), too many for a salesperson to scan while chatting; this playbook declares ${own} of them. Keep the few that change what you say, or set another number with lint: { too-many-tags: N }`, { key: true })];
  },
};
