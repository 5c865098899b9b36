import { describe, expect, it } from 'vitest';
import { fromByteText, toByteText } from '../../shared/src/engine/byte-text.ts';
import { AlignedRows, joinFeatureRows, SortedRows } from '../../shared/src/engine/feature-rows.ts';
import { seededRandom } from '../bench/_cases-generate.ts';

describe('a model’s rows by feature', () => {
  it('finds every feature and only those, by halving the text, as a map of the same lines would', () => {
    const random = seededRandom(12);
    const alphabet = ['a', 'b', 'z', '贵', '价', ':', '#', ' ', 'é', '\uff01', '😀', '\ud800'];
    for (let round = 0; round < 40; round++) {
      const features = new Set<string>();
      const size = round < 4 ? round : Math.floor(random() * 300);
      while (features.size < size) features.add(Array.from({ length: 1 + Math.floor(random() * 4) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
      const sorted = [...features].sort();
      const rows = sorted.map((feature, at) => `${at}|${feature.length}`);
      const table = new SortedRows(joinFeatureRows(sorted.map((feature, at) => [feature, rows[at]!] as const)));
      const aligned = new AlignedRows(sorted.join('\n'), rows.join('\n'), true);
      expect(table.problem()).toBeUndefined();
      // In the order of the features' UTF-8 bytes, which is JavaScript's order but for characters past the surrogates.
      expect(new Map(table.entries())).toEqual(new Map(sorted.map((feature, at) => [feature, rows[at]])));
      for (const probe of [...sorted, '', 'a', 'ab', 'zz', '贵贵', '\uffff', ...sorted.map((feature) => feature + 'a'), ...sorted.map((feature) => feature.slice(0, -1))]) {
        const expected = features.has(probe) ? rows[sorted.indexOf(probe)] : undefined;
        expect(table.row(probe), probe).toBe(expected);
        expect(aligned.row(probe), probe).toBe(expected);
      }
    }
  });

  it('names lines out of order and a line without its row; such a line is found with no row', () => {
    expect(new SortedRows('b\t1\na\t2').problem()).toBe('its features are not in order');
    expect(new SortedRows('a\t1\na\t2').problem()).toBe('its features are not in order');
    const damaged = new SortedRows('a\t1\nb\nc\t3');
    expect(damaged.problem()).toBe('line 2 has a feature and no row');
    expect([damaged.row('a'), damaged.row('b'), damaged.row('c')]).toEqual(['1', undefined, '3']);
    expect(new SortedRows('').row('a')).toBeUndefined();
    expect(new AlignedRows('a\nb', '1', true).problem()).toBe('1 rows for 2 features');
    expect(() => joinFeatureRows([['a\tb', '1']])).toThrow(/holds a tab or a newline/);
  });
});

describe('text as its UTF-8 bytes', () => {
  it('spells every string one byte a character and reads it back, lone surrogates included; other bytes read as some text', () => {
    for (const text of ['', 'abc', '价格太贵', 'é', '\uff01', '😀 x', '\ud800', 'a\udc00b', '\ud800\ud800', '#cmp i:aa 贵了']) {
      const bytes = toByteText(text);
      expect(/^[\x00-\xff]*$/.test(bytes), text).toBe(true);
      expect(fromByteText(bytes), text).toBe(text);
    }
    expect(toByteText('价')).toBe(Buffer.from('价', 'utf8').toString('latin1'));
    for (const bytes of ['\xff\xff', '\xe4', '\xf7\xbf\xbf\xbf', '\xc3']) expect(() => fromByteText(bytes)).not.toThrow();
  });
});
