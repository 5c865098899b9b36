// The precompiled part of a bundle (issue 12): the engine answers exactly as over indexes it
// rebuilt, a bundle without one (an older closer's) still loads and says it is slower, and a part
// that is cut short, from a newer closer or made from other playbooks is refused or set aside with
// a sentence saying which. Query edge cases answer without throwing.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type Io } from '@closer/shared/node';
import {
  BundleError,
  checkPrecompiled,
  contentHashOf,
  loadBundle,
  openBundle,
  precompileBundle,
  precompiledNotice,
  PRECOMPILED_VERSION,
  searchEntries,
  searchPlaybooks,
  suggestReplies,
  withPrecompiled,
  type Bundle,
} from '@closer/shared';
import { SortedRows } from '../../shared/src/engine/feature-rows.ts';
import { LineIndex } from '../../shared/src/engine/line-index.ts';
import { PackedLists } from '../../shared/src/engine/packed-lists.ts';
import { decodeSearchIndex, encodeSearchIndex } from '../../shared/src/engine/search-index.ts';
import { base64ToBytes, VarintReader, VarintWriter, type PrecompiledSearch } from '../../shared/src/playbook/precompiled.ts';
import { defaultBundle, readIntentSet, readSearchSet } from '../eval/evaluate.ts';
import { generatedBundle } from '../bench/_generated-bundle.ts';
import { engineBundle } from './engine-fixture.ts';

let plain: Bundle;
let precompiled: Bundle;
let bigPlain: Bundle;
let bigPrecompiled: Bundle;

/** A bundle as a worker meets it after a restart: a fresh object read from JSON text, no cache of the engine's. */
const reread = (bundle: Bundle): Bundle => openBundle(JSON.stringify(bundle)).bundle;

/** The older form of a model's features and rows (bundles built before 2026-12-04): two aligned texts, said to be sorted. */
function olderForm(lines: string): { features: string; rows: string } {
  const pairs = [...new SortedRows(lines).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { features: pairs.map(([feature]) => feature).join('\n'), rows: pairs.map(([, row]) => row).join('\n') };
}
function olderIntent(intent: Record<string, unknown>): Record<string, unknown> & { features: string; rows: string } {
  const { lines, ...rest } = intent;
  return { ...rest, ...olderForm(lines as string), sorted: true };
}
function olderBaseModel(model: NonNullable<NonNullable<Bundle['base']>['model']>): Record<string, unknown> & { features: string; counts: string } {
  const { lines, ...rest } = model;
  const { features, rows } = olderForm(lines!);
  return { ...rest, features, counts: rows, sorted: true };
}

beforeAll(async () => {
  plain = await defaultBundle();
  precompiled = precompileBundle(plain);
  bigPlain = generatedBundle(plain, 2000);
  bigPrecompiled = precompileBundle(bigPlain);
}, 120_000);

const messages = (): string[] => readIntentSet().map((row) => row.message);
const extraQueries = ['jg', 'yh', 'jiage', 'jia ge', 'kaichangbai', 'pricing', 'discout', 'how do I answer too expensive', '客户说太贵了怎么回', '价', 'j', '？？？', '犹豫'];
const queries = (): string[] => [...readSearchSet().map((row) => row.query), ...extraQueries];

describe('precompiled indexes', () => {
  it('are written with this version and name the content they were compiled from', () => {
    expect(precompiled.precompiled).toMatchObject({ version: PRECOMPILED_VERSION, source: plain.hash });
    expect(precompiled.hash).not.toBe(plain.hash);
    expect(precompiledNotice(precompiled)).toBeUndefined();
    // The full check passes: hash, source and every part read back.
    expect(() => checkPrecompiled(loadBundle(JSON.stringify(precompiled)))).not.toThrow();
  });

  for (const [label, small] of [['the default playbooks', true], ['2,000 generated replies', false]] as const) {
    it(`give the same suggestions as rebuilt indexes, over every message of the intent set (${label})`, () => {
      const fast = reread(small ? precompiled : bigPrecompiled);
      const slow = reread(small ? plain : bigPlain);
      for (const message of [...messages(), 'jg', 'yh ma', '']) {
        expect(suggestReplies(message, { customerMessages: ['你好'] }, fast), message).toEqual(suggestReplies(message, { customerMessages: ['你好'] }, slow));
      }
    });

    it(`give the same search results as rebuilt indexes, over every query of the search set (${label})`, () => {
      const fast = reread(small ? precompiled : bigPrecompiled);
      const slow = reread(small ? plain : bigPlain);
      for (const query of queries()) {
        expect(searchPlaybooks(query, fast, { limit: 20 }), query).toEqual(searchPlaybooks(query, slow, { limit: 20 }));
      }
    });
  }

  it('a bundle whose models are in the older form (features and rows as two aligned texts) passes the import check and answers as the current form does', () => {
    const { hash: _hash, precompiled: _parts, ...rest } = plain;
    const base = { ...plain.base!, model: olderBaseModel(plain.base!.model!) } as NonNullable<Bundle['base']>;
    const withOlderBase = precompileBundle({ ...rest, base, hash: contentHashOf({ ...rest, base } as Bundle) } as Bundle);
    const parts = withOlderBase.precompiled as { intent: Record<string, unknown> } & Bundle['precompiled'];
    const loaded = loadBundle(JSON.stringify(withPrecompiled(withOlderBase, { ...parts, intent: olderIntent(parts.intent) } as Bundle['precompiled'] & object)));
    expect([loaded.base?.model?.lines, (loaded.precompiled as { intent: { lines?: string } }).intent.lines]).toEqual([undefined, undefined]);
    expect(() => checkPrecompiled(loaded)).not.toThrow();
    const current = reread(precompiled);
    for (const message of [...messages(), 'jg', '']) {
      expect(suggestReplies(message, { customerMessages: ['你好'] }, reread(loaded)), message).toEqual(suggestReplies(message, { customerMessages: ['你好'] }, current));
    }
  });

  it('a bundle without them (an older closer) loads, answers the same and says it is rebuilt', () => {
    const old = loadBundle(JSON.stringify(plain));
    expect(old.precompiled).toBeUndefined();
    expect(precompiledNotice(old)).toMatch(/no precompiled indexes .*older closer.*rebuilt on every start.*closer build/);
    expect(() => checkPrecompiled(old)).not.toThrow();
  });

  it('a part from a newer closer is kept, not read: the bundle loads, answers the same and says so', () => {
    const future = withPrecompiled(plain, { version: PRECOMPILED_VERSION + 1, source: plain.hash, search: { whatever: 'a newer layout' } });
    const loaded = loadBundle(JSON.stringify(future));
    expect(precompiledNotice(loaded)).toMatch(new RegExp(`version ${PRECOMPILED_VERSION + 1}, written by a newer closer; this one reads version ${PRECOMPILED_VERSION}`));
    expect(() => checkPrecompiled(loaded)).not.toThrow();
    expect(searchPlaybooks('太贵了', loaded)).toEqual(searchPlaybooks('太贵了', reread(plain)));
  });

  it('a part changed after the build fails the hash, like any other change', () => {
    const changed = JSON.parse(JSON.stringify(precompiled)) as Bundle & { precompiled: { search: { weights: number[] } } };
    changed.precompiled.search.weights[0] = 9;
    expect(() => loadBundle(JSON.stringify(changed))).toThrow(/does not match its hash/);
  });

  it('a part compiled from other playbooks is refused, even under a hash that matches', () => {
    const other = engineBundle();
    const mixed = withPrecompiled(other, precompiled.precompiled!);
    expect(() => loadBundle(JSON.stringify(mixed))).toThrow(BundleError);
    expect(() => loadBundle(JSON.stringify(mixed))).toThrow(/precompiled indexes were compiled from other playbooks .*rebuild it with "closer build"/);
  });

  it('a part cut short is refused by the import check, naming what is cut; a start that meets one rebuilds', () => {
    const parts = precompiled.precompiled as { search: Record<string, unknown>; intent: Record<string, unknown> } & Bundle['precompiled'];
    // The fourth: whether a start (no check) can tell, and rebuilds. A model's lines cut after a
    // row's first field read as a smaller model until the idle-time check of the hash; an import refuses them.
    const cuts: [string, Record<string, unknown>, RegExp, boolean?][] = [
      ['postings', { ...parts, search: { ...parts.search, postings: (parts.search.postings as string).slice(0, 4000) } }, /search index's postings is cut short/],
      ['length factors', { ...parts, search: { ...parts.search, lengthFactor: (parts.search.lengthFactor as string).slice(0, 400) } }, /length factors are cut short/],
      ['not base64', { ...parts, search: { ...parts.search, sounds: '!!!!' } }, /sounds is not base64/],
      ['a trigger row cut', { ...parts, intent: { ...parts.intent, lines: (parts.intent.lines as string).slice(0, (parts.intent.lines as string).indexOf('|', 5000) + 1) } }, /intent model is damaged at the row of/, false],
      ['a trigger row', { ...parts, intent: { ...parts.intent, lines: (parts.intent.lines as string).replace(/\|[^|\n]*\n/, '|x:y\n') } }, /intent model is damaged at the postings of/],
      ['a trigger without its row', { ...parts, intent: { ...parts.intent, lines: (parts.intent.lines as string).replace(/\t[^\n]*\n/, '\n') } }, /intent model is damaged: line 1 has a feature and no row/],
      // The older form (two aligned texts), which bundles built before 2026-12-04 carry.
      ['older trigger features', { ...parts, intent: { ...olderIntent(parts.intent), features: olderIntent(parts.intent).features.split('\n').slice(0, 10).join('\n') } }, /intent model is cut short: \d+ rows for 10 features/],
      ['an older trigger row', { ...parts, intent: { ...olderIntent(parts.intent), rows: olderIntent(parts.intent).rows.replace(/\|[^|\n]*\n/, '|x:y\n') } }, /intent model is damaged at the postings of/],
    ];
    for (const [what, part, reason, startTells = true] of cuts) {
      const cut = loadBundle(JSON.stringify(withPrecompiled(plain, part as Bundle['precompiled'] & object)));
      expect(() => checkPrecompiled(cut), what).toThrow(BundleError);
      expect(() => checkPrecompiled(cut), what).toThrow(reason);
      expect(() => checkPrecompiled(cut), what).toThrow(/cannot be used: .*rebuild it with "closer build"/);
      if (!startTells) continue;
      // Past the import (a stored bundle damaged later): the engine rebuilds rather than answer wrong.
      expect(searchPlaybooks('太贵了', cut), what).toEqual(searchPlaybooks('太贵了', reread(plain)));
      expect(suggestReplies('太贵了', {}, cut).replies, what).toEqual(suggestReplies('太贵了', {}, reread(plain)).replies);
    }
  });

  it('a damaged list the search index reads only when a query asks for it is refused by the import check; a query that meets it is answered over a rebuilt index', () => {
    const parts = precompiled.precompiled as Bundle['precompiled'] & object;
    const index = decodeSearchIndex(parts.search, searchEntries(precompiled), true);
    const postings = new Map(index.postings);
    const list = postings.get('贵')!;
    const entries = Int32Array.from(list.entries);
    entries[entries.length - 1] = index.entries.length + 3;
    postings.set('贵', { entries, weights: list.weights });
    const damaged = loadBundle(JSON.stringify(withPrecompiled(plain, { ...parts, search: encodeSearchIndex({ ...index, postings }) })));
    expect(() => checkPrecompiled(damaged)).toThrow(/search index is damaged: "贵" points past the last entry/);
    // Opened as a trusted bundle is (no check), the damage is met by the first query reading that list.
    expect(() => decodeSearchIndex(parts.search, searchEntries(precompiled))).not.toThrow();
    expect(searchPlaybooks('太贵了', reread(damaged))).toEqual(searchPlaybooks('太贵了', reread(plain)));
  });

  it('a packed list map reads each list once, in its order, framed by its length in bytes or by its number of items, and refuses a stream cut short or running on', () => {
    const lists = [[1, 2, 300], [], [7]];
    const framed = new VarintWriter();
    const counted = new VarintWriter();
    for (const list of lists) {
      framed.framed((inner) => list.forEach((item) => inner.write(item)));
      for (const value of [list.length, ...list]) counted.write(value);
    }
    let reads = 0;
    const decode = (reader: VarintReader, end: number): number[] => {
      reads++;
      const items: number[] = [];
      while (reader.at < end) items.push(reader.read());
      return items;
    };
    for (const [isFramed, writer] of [[true, framed], [false, counted]] as const) {
      const bytes = base64ToBytes(writer.base64(), 'lists');
      reads = 0;
      const map = new PackedLists(new LineIndex('a\nb\nc', true), bytes, 'the lists', isFramed, decode);
      expect(reads).toBe(0);
      expect([map.size, map.has('b'), map.has('d'), map.get('d')]).toEqual([3, true, false, undefined]);
      expect(map.get('a')).toEqual([1, 2, 300]);
      expect(map.get('a')).toBe(map.get('a'));
      expect(reads).toBe(1);
      expect([...map]).toEqual([['a', [1, 2, 300]], ['b', []], ['c', [7]]]);
      expect([...map.keys()]).toEqual(['a', 'b', 'c']);
      expect(reads).toBe(3);
      expect(() => new PackedLists(new LineIndex('a\nb\nc\nd', true), bytes, 'the lists', isFramed, decode)).toThrow(/the lists is cut short/);
      expect(() => new PackedLists(new LineIndex('a\nb', true), bytes, 'the lists', isFramed, decode)).toThrow(/the lists is damaged: its lists go on past their 2 keys/);
    }
    // A framed list whose last item runs over its length is cut short when it is read.
    // One byte long, and that byte (200) says the number goes on into the next.
    const map = new PackedLists(new LineIndex('a', true), Uint8Array.from([1, 200]), 'the lists', true, decode);
    expect(() => map.get('a')).toThrow(/the lists is cut short/);
  });

  it('features out of order (the lines reversed, each with its row) are refused by the import check, in either form', () => {
    const parts = precompiled.precompiled as { intent: Record<string, string> } & Bundle['precompiled'];
    const reversed = (text: string) => text.split('\n').reverse().join('\n');
    const withIntent = (intent: object) => loadBundle(JSON.stringify(withPrecompiled(plain, { ...parts, intent } as Bundle['precompiled'] & object)));
    expect(() => checkPrecompiled(withIntent({ ...parts.intent, lines: reversed(parts.intent.lines!) }))).toThrow(/intent model is damaged: its features are not in order; rebuild it with "closer build"/);
    const older = olderIntent(parts.intent);
    expect(() => checkPrecompiled(withIntent({ ...older, features: reversed(older.features), rows: reversed(older.rows) }))).toThrow(/intent model is damaged: its features are said to be sorted and are not; rebuild it with "closer build"/);
    const model = plain.base!.model!;
    const { hash: _hash, precompiled: _parts, ...rest } = plain;
    const withModel = (changed: object) => {
      const base = { ...plain.base!, model: changed } as NonNullable<Bundle['base']>;
      return loadBundle(JSON.stringify(precompileBundle({ ...rest, base, hash: contentHashOf({ ...rest, base } as Bundle) } as Bundle)));
    };
    expect(() => checkPrecompiled(withModel({ ...model, lines: reversed(model.lines!) }))).toThrow(/base model is damaged: its features are not in order/);
    const olderModel = olderBaseModel(model);
    expect(() => checkPrecompiled(withModel({ ...olderModel, features: reversed(olderModel.features), counts: reversed(olderModel.counts) }))).toThrow(/base model is damaged: its features are said to be sorted and are not/);
    // The search index's keys too: a map's keys reversed, each with its list.
    const search = (precompiled.precompiled as { search: PrecompiledSearch }).search;
    const lists = search.pinyinBigrams;
    const stream = new VarintReader(base64ToBytes(lists.lists, 'pinyin'), 'pinyin');
    const encoded: number[][] = lists.keys.split('\n').map(() => {
      const end = stream.read() + stream.at;
      const items: number[] = [];
      while (stream.at < end) items.push(stream.read());
      return items;
    });
    const writer = new VarintWriter();
    for (const list of encoded.reverse()) writer.framed((inner) => list.forEach((item) => inner.write(item)));
    const unsortedSearch = { ...search, pinyinBigrams: { keys: reversed(lists.keys), lists: writer.base64() } };
    const unsortedKeys = loadBundle(JSON.stringify(withPrecompiled(plain, { ...parts, search: unsortedSearch } as Bundle['precompiled'] & object)));
    expect(() => checkPrecompiled(unsortedKeys)).toThrow(/search index is damaged: its keys are said to be sorted and are not/);
    // The same keys not said to be sorted are read, and answer as the sorted ones do.
    const { sorted: _sorted, ...unclaimed } = unsortedSearch;
    const honest = loadBundle(JSON.stringify(withPrecompiled(plain, { ...parts, search: unclaimed } as Bundle['precompiled'] & object)));
    expect(() => checkPrecompiled(honest)).not.toThrow();
    expect(searchPlaybooks('jiage', honest)).toEqual(searchPlaybooks('jiage', reread(precompiled)));
    // Written sorted by the build, so the check passes on what it wrote.
    expect(() => checkPrecompiled(precompiled)).not.toThrow();
    expect([model.lines, parts.intent.lines].every((lines) => typeof lines === 'string' && lines.includes('\t'))).toBe(true);
    expect(search.sorted).toBe(true);
    expect(search.framed).toBe(true);
  });

  it('a part of the wrong shape is a malformed bundle at its path', () => {
    const bad = withPrecompiled(plain, { version: PRECOMPILED_VERSION, source: plain.hash, search: { entries: 'many' } } as unknown as Bundle['precompiled'] & object);
    expect(() => loadBundle(JSON.stringify(bad))).toThrow(/malformed at precompiled/);
  });

  it('a model with both forms of its rows, or half of the older one, is malformed, saying which', () => {
    const parts = precompiled.precompiled as { intent: Record<string, unknown> } & Bundle['precompiled'];
    const older = olderIntent(parts.intent);
    for (const intent of [{ ...parts.intent, features: older.features }, { ...older, rows: undefined }]) {
      const bad = withPrecompiled(plain, { ...parts, intent } as Bundle['precompiled'] & object);
      expect(() => loadBundle(JSON.stringify(bad))).toThrow(/malformed at precompiled\.intent.*either its lines, or its features and rows/s);
    }
    const { hash: _hash, precompiled: _parts, ...rest } = plain;
    const model = { ...plain.base!.model!, counts: olderBaseModel(plain.base!.model!).counts };
    const base = { ...plain.base!, model } as NonNullable<Bundle['base']>;
    expect(() => loadBundle(JSON.stringify({ ...rest, base, hash: contentHashOf({ ...rest, base } as Bundle) }))).toThrow(/malformed at base\.model.*either its lines, or its features and counts/s);
  });

  it('openBundle reads without the schema or hash, and its verify runs them later with the same errors', () => {
    const tampered = JSON.stringify(precompiled).replace('"version":1,"source"', '"version":1,"source":"sha256:x","was"');
    const opened = openBundle(JSON.stringify({ ...JSON.parse(JSON.stringify(precompiled)), hash: 'sha256:' + '0'.repeat(64) }));
    expect(opened.bundle.playbooks.length).toBe(precompiled.playbooks.length);
    expect(() => opened.verify()).toThrow(/does not match its hash/);
    expect(() => openBundle(tampered).verify()).toThrow(BundleError);
    expect(() => openBundle('{"format":"closer-bundle","version":1}')).toThrow(/malformed at playbooks/);
    expect(() => openBundle(JSON.stringify(precompiled)).verify()).not.toThrow();
  });
});

describe('query edge cases', () => {
  const cases: [string, string][] = [
    ['10,000 characters', '太贵了便宜点jiage价格'.repeat(625)],
    ['only punctuation', '？？！！。。，，…… ?!.,;:"()[]{}'],
    ['a one-letter pinyin initial', 'j'],
    ['one-letter initials', 'j g y h'],
  ];
  for (const [what, query] of cases) {
    it(`answers a query of ${what} without throwing (precompiled and rebuilt alike)`, () => {
      for (const bundle of [reread(precompiled), reread(plain)]) {
        const results = searchPlaybooks(query, bundle);
        expect(Array.isArray(results)).toBe(true);
        expect(results.length).toBeLessThanOrEqual(10);
        expect(suggestReplies(query, {}, bundle).intents.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('the CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'closer-precompiled-'));
  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), lines: async function* () {}, cwd: dir };
    return { code: await runCli(args, io), stdout, stderr };
  }

  it('closer build writes the precompiled indexes; suggest and search read them with nothing on stderr', async () => {
    const out = path.join(dir, 'built.json');
    expect((await cli(['build', path.resolve('test/fixtures/playbooks/valid'), '--no-base', '-o', out])).code).toBe(0);
    const built = loadBundle(readFileSync(out, 'utf8'));
    expect(built.precompiled).toMatchObject({ version: PRECOMPILED_VERSION, search: { entries: expect.any(Number) }, intent: { lines: expect.any(String) } });
    for (const args of [['suggest', '--json', '--bundle', out, '太贵了'], ['search', '--json', '--bundle', out, '价格']]) {
      const result = await cli(args);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
    }
  });

  it('a bundle from an older closer still answers, with the notice on stderr and clean JSON on stdout', async () => {
    const old = path.join(dir, 'old.json');
    writeFileSync(old, JSON.stringify(plain));
    const result = await cli(['suggest', '--json', '--bundle', 'old.json', '太贵了']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^closer: old\.json: this bundle has no precompiled indexes/);
    expect(JSON.parse(result.stdout).intent).toBe('price');
  });

  it('a bundle whose precompiled part comes from other playbooks exits 1 with the reason', async () => {
    const mixed = path.join(dir, 'mixed.json');
    writeFileSync(mixed, JSON.stringify(withPrecompiled(engineBundle(), precompiled.precompiled!)));
    const result = await cli(['suggest', '--bundle', mixed, '太贵了']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/mixed\.json: the bundle's precompiled indexes were compiled from other playbooks/);
  });
});
