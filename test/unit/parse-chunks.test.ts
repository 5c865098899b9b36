import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { parseInChunks } from '../../shared/src/playbook/parse-chunks.ts';
import { findNode, type Path } from '../../shared/src/playbook/yaml-nodes.ts';

// Parsing in pieces must be invisible: the same data and the same positions as parsing the whole
// file, or no answer at all (the caller then parses the whole file).
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (value && typeof value === 'object') return [prefix, ...Object.keys(value).flatMap((key) => pathsOf((value as Record<string, unknown>)[key], [...prefix, key]))];
  return [prefix];
}

/** Compares the pieces with the whole; returns whether the pieces answered. */
function expectSameAsWhole(text: string): boolean {
  const chunked = parseInChunks(text, lineStarts(text));
  if (!chunked) return false;
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  expect(doc.errors).toEqual([]);
  expect(chunked.data).toEqual(doc.toJS());
  for (const at of pathsOf(doc.toJS()).filter((p) => p.length > 0)) {
    for (const wantKey of [false, true]) {
      const whole = findNode(doc, at, wantKey)?.range;
      expect(chunked.nodeRange(at, wantKey)?.slice(0, 2), `${at.join('.')} key=${wantKey}`).toEqual(whole?.slice(0, 2));
    }
  }
  return true;
}

const files = ['playbooks', 'test/fixtures/playbooks/valid', 'test/fixtures/playbooks/invalid'].flatMap((dir) =>
  readdirSync(dir).filter((name) => name.endsWith('.playbook.yaml')).map((name) => path.join(dir, name)),
);

describe('parsing a playbook in pieces', () => {
  it.each(files)('%s: same data and positions as the whole file', (file) => {
    const text = readFileSync(file, 'utf8');
    const answered = expectSameAsWhole(text);
    // The default playbooks are exactly where speed matters, so they must take the fast path.
    if (file.startsWith('playbooks/')) expect(answered).toBe(true);
  });

  it('declines what only the whole file can judge', () => {
    const declined = [
      'a: 1\na: 2\n', // a repeated top-level key
      '- a\n- b\n', // a sequence at the top
      'a: &x [1]\nb: *x\n', // an alias reaching into another piece
      '%YAML 1.2\n---\na: 1\n', // directives
      'a: [1,\n2]\n', // a flow collection broken at column 0
      'a:\n  - x\n b: 1\n', // a line indented less than the items
      'a: "unclosed\n',
      '',
    ];
    for (const text of declined) expect(parseInChunks(text, lineStarts(text)), JSON.stringify(text)).toBeUndefined();
  });

  it('handles comments, blank lines and CRLF between items', () => {
    const text = '# top\nid: x\r\n\r\nreplies:\r\n  # first\r\n  - id: a\r\n# at column 0\r\n    text: "hi"\r\n\r\n  - id: b\r\n    text: |\r\n      two\r\n      lines\r\ntitle: t # trailing\r\n';
    expect(expectSameAsWhole(text)).toBe(true);
  });

  it('agrees with the whole file on generated playbooks', () => {
    const scalar = fc.string({ maxLength: 30 });
    const item = fc.dictionary(fc.constantFrom('id', 'label', 'text', 'tags'), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })));
    const playbook = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.oneof(scalar, fc.array(item, { maxLength: 5 }), item));
    fc.assert(
      fc.property(playbook, fc.boolean(), (value, flow) => {
        const text = stringify(value, { collectionStyle: flow ? 'any' : 'block' });
        expectSameAsWhole(text);
      }),
      { numRuns: 300 },
    );
  });
});
