// A bundle file a member a line (bundle-text.ts): read member by member it must give exactly what
// JSON.parse gives the whole file, and any other layout must be told apart and read whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleText, groupSpans, lazyRecord, memberSpans, precompileBundle, readMembers, type Span } from '@closer/shared';
import { engineBundle } from './engine-fixture.ts';

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const decoder = new TextDecoder();

/** readMembers over the text's bytes, as the CLI reads a file. */
function members(text: string): Record<string, unknown> | undefined {
  const bytes = bytesOf(text);
  const spans = memberSpans(bytes);
  return spans && readMembers(spans, ([start, end]: Span) => decoder.decode(bytes.subarray(start, end)), (span) => groupSpans(bytes, span));
}

const KEY = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);

describe('bundle text, a member a line', () => {
  it('is the JSON of the bundle, one line a member, and reads back member by member', () => {
    const bundle = precompileBundle(engineBundle());
    const text = bundleText(bundle);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(bundle)));
    // The base corpus and the precompiled indexes a part a line, between their own opening and closing lines.
    const parts = (key: 'base' | 'precompiled') => (bundle[key] ? Object.keys(bundle[key]).length + 1 : 0);
    expect(text.split('\n').length - 1).toBe(Object.keys(bundle).length + parts('base') + parts('precompiled'));
    expect(members(text)).toEqual(JSON.parse(text));
  });

  it('reads a group a part at a time: the search index is not parsed for the intent model', () => {
    const bundle = precompileBundle(engineBundle());
    const bytes = bytesOf(bundleText(bundle));
    const spans = memberSpans(bytes)!;
    const parts = groupSpans(bytes, spans.get('precompiled')!)!;
    expect([...parts.keys()]).toEqual(Object.keys(bundle.precompiled!));
    expect(groupSpans(bytes, spans.get('playbooks')!)).toBeUndefined();
    const read: string[] = [];
    const record = lazyRecord(parts, (key, [start, end]) => {
      read.push(key);
      return JSON.parse(decoder.decode(bytes.subarray(start, end)));
    });
    expect(record.intent).toEqual(bundle.precompiled!.intent);
    expect(read).toEqual(['intent']);
  });

  it('reads any group written so as JSON.parse does', () => {
    fc.assert(fc.property(fc.dictionary(KEY, fc.jsonValue()), fc.dictionary(KEY, fc.jsonValue(), { minKeys: 1 }), fc.boolean(), (object, group, last) => {
      const whole = last ? { ...object, precompiled: group } : { precompiled: group, ...object };
      const text = bundleText(whole);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(whole)));
      expect(members(text)).toEqual(JSON.parse(text));
    }));
  });

  it('reads any object written so as JSON.parse does, lazily too, each member parsed once', () => {
    fc.assert(fc.property(fc.dictionary(KEY, fc.jsonValue(), { minKeys: 1 }), (object) => {
      const text = bundleText(object);
      expect(members(text)).toEqual(JSON.parse(text));
      const bytes = bytesOf(text);
      const read: string[] = [];
      const record = lazyRecord(memberSpans(bytes)!, (key, [start, end]) => {
        read.push(key);
        return JSON.parse(decoder.decode(bytes.subarray(start, end)));
      });
      expect(read).toEqual([]);
      const key = Object.keys(object)[0]!;
      expect(record[key]).toEqual(JSON.parse(text)[key]);
      expect(record[key]).toBe(record[key]);
      expect(read).toEqual([key]);
      expect({ ...record }).toEqual(JSON.parse(text));
    }));
  });

  it('never reads a text into anything but what JSON.parse makes of it, whatever the layout', () => {
    const layouts = (text: string): string[] => [
      text,
      JSON.stringify(JSON.parse(text), null, 1),
      // A newline before every key at any depth, and after every comma, inside strings too.
      text.replaceAll(',"', ',\n"'),
      text.replaceAll(',', ',\n'),
      `\uFEFF${text}`,
    ];
    fc.assert(fc.property(fc.dictionary(KEY, fc.jsonValue(), { minKeys: 1 }), (object) => {
      for (const text of layouts(JSON.stringify(object))) {
        const read = members(text);
        if (read === undefined) continue;
        expect(read).toEqual(JSON.parse(text));
      }
    }));
  });

  it('tells other layouts apart: one line of several members, pretty-printed, a repeated key, __proto__, cut short', () => {
    expect(members('{"a":1,"b":2}\n')).toBeUndefined();
    expect(members('{\n  "a": 1\n}\n')).toBeUndefined();
    expect(members('{"a":1,\n"a":2}\n')).toBeUndefined();
    expect(members('{"__proto__":{"x":1},\n"b":2}\n')).toBeUndefined();
    expect(members('{"a":1,\n"b":2')).toBeUndefined();
    expect(members('{"a":1,\n"b":[1,\n2]}\n')).toBeUndefined();
    expect(members('')).toBeUndefined();
    expect(members('{"a":1,\n"b":"x"}\n')).toEqual({ a: 1, b: 'x' });
    expect(members('{"a":1,\n"b":"x"}')).toEqual({ a: 1, b: 'x' });
    // Groups: well formed, then a part cut, a closing line with more on it, a part repeated, a pretty-printed part.
    expect(members('{"a":1,\n"base":{\n"x":1,\n"y":[2]\n},\n"b":2}\n')).toEqual({ a: 1, base: { x: 1, y: [2] }, b: 2 });
    expect(members('{"a":1,\n"base":{\n"x":1,\n"y":[2]\n}}\n')).toEqual({ a: 1, base: { x: 1, y: [2] } });
    expect(members('{"a":1,\n"base":{\n"x":1,\n"y":[2\n},\n"b":2}\n')).toBeUndefined();
    expect(members('{"a":1,\n"base":{\n"x":1\n}, "b":2}\n')).toBeUndefined();
    // A part repeated: the group is parsed whole, as JSON.parse reads it (the last copy).
    expect(members('{"a":1,\n"base":{\n"x":1,\n"x":2\n},\n"b":2}\n')).toEqual({ a: 1, base: { x: 2 }, b: 2 });
    expect(members('{"a":1,\n"base":{\n"x":{\n"z":1\n}\n},\n"b":2}\n')).toBeUndefined();
    expect(members('{"a":1,\n"base":{\n"x":1,\n"y":2,\n},\n"b":2}\n')).toBeUndefined();
  });
});
