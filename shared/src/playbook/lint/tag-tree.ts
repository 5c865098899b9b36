// The customer tag tree over all playbooks of a workspace: a team may declare its categories in
// one playbook and the tags under them in another, so the tree rules read every file at once.
import type { ParsedPlaybook, Path } from '../parse.ts';
import type { CustomerTag } from '../schema.ts';
import type { ValidPlaybook } from './rule.ts';

export interface TagAt {
  tag: CustomerTag;
  parsed: ParsedPlaybook;
  path: Path;
}

export interface TagTree {
  /** Every declared tag in file order, duplicates included (duplicate-id reports those). */
  all: TagAt[];
  /** The first declaration of each id. */
  byId: Map<string, TagAt>;
}

export function tagTreeOf(valid: readonly ValidPlaybook[]): TagTree {
  const all: TagAt[] = [];
  const byId = new Map<string, TagAt>();
  for (const { parsed, playbook } of valid) {
    playbook.customerTags?.forEach((tag, t) => {
      const at = { tag, parsed, path: ['customerTags', t] };
      all.push(at);
      if (!byId.has(tag.id)) byId.set(tag.id, at);
    });
  }
  return { all, byId };
}

/**
 * The chain from a tag up to its category: [tag, parent, grandparent, …]. It ends at a node without
 * a parent (complete), at a parent that is not declared (unknown), or where it meets itself again (cycle).
 */
export function ancestryOf(tree: TagTree, id: string): { chain: string[]; end: 'complete' | 'unknown' | 'cycle' } {
  const chain: string[] = [];
  let current: string | undefined = id;
  while (current !== undefined) {
    if (chain.includes(current)) return { chain: [...chain, current], end: 'cycle' };
    const node = tree.byId.get(current);
    if (!node) return { chain, end: 'unknown' };
    chain.push(current);
    current = node.tag.parent;
  }
  return { chain, end: 'complete' };
}

/** A node's level: 1 a category, 2 a group, 3 a tag (deeper is an error); undefined while its chain is broken. */
export function levelOf(tree: TagTree, id: string): number | undefined {
  const { chain, end } = ancestryOf(tree, id);
  return end === 'complete' ? chain.length : undefined;
}

export const LEVEL_NAMES = ['category', 'group', 'tag'] as const;
