import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

export type Path = readonly (string | number)[];

/** Source offsets of a node: start, end of the value, end of the node with its trailing comment. */
export type NodeRange = readonly [number, number, number];

/**
 * The node at `path` in a YAML document (or its key, with `wantKey`). Where the path leaves the
 * document, the deepest node on the way is returned, so a missing key points at its parent.
 */
export function findNode(doc: Document, path: Path, wantKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return node;
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = node.items[segment];
      node = node.items[segment];
    } else {
      return node as Node | undefined;
    }
  }
  return (wantKey ? keyNode ?? node : node) as Node | undefined;
}
