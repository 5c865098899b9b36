// The lookup of a model's feature lines without splitting the text (engine/line-index.ts).
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../shared/src/engine/line-index.ts';

describe('LineIndex', () => {
  it('finds every line of a text as a Map of its split lines would', () => {
    const lines = Array.from({ length: 5000 }, (_, at) => (at % 3 === 0 ? `p:tai gui ${at}` : at % 3 === 1 ? `太贵${at}` : `w:${at}`));
    const index = new LineIndex(lines.join('\n'));
    expect(index.count).toBe(lines.length);
    lines.forEach((line, at) => {
      expect(index.find(line)).toBe(at);
      expect(index.line(at)).toBe(line);
    });
    for (const missing of ['', 'p:tai gui', '太贵', 'w:5000', 'w:1\n', 'p:tai gui 0 ']) expect(index.find(missing)).toBe(-1);
  });

  it('handles empty lines, a trailing newline, an empty text and a line met twice', () => {
    expect(new LineIndex('').count).toBe(0);
    expect(new LineIndex('').find('')).toBe(-1);
    const index = new LineIndex('a\n\nb\na\n');
    expect(index.count).toBe(5);
    expect([0, 1, 2, 3, 4].map((at) => index.line(at))).toEqual(['a', '', 'b', 'a', '']);
    expect(index.find('a')).toBe(0);
    expect(index.find('')).toBe(1);
    expect(index.find('b')).toBe(2);
  });

  it('tells apart lines that are prefixes of each other', () => {
    const index = new LineIndex('ab\nabc\na\nabcd');
    expect(['a', 'ab', 'abc', 'abcd', 'abcde'].map((key) => index.find(key))).toEqual([2, 0, 1, 3, -1]);
  });

  it('finds the lines of a sorted text by halving, as the table finds them', () => {
    const lines = [...new Set(Array.from({ length: 3000 }, (_, at) => (at % 3 === 0 ? `p:tai gui ${at}` : at % 3 === 1 ? `太贵${at % 700}` : `w:${at}`)))].sort();
    const text = lines.join('\n');
    const sorted = new LineIndex(text, true);
    const table = new LineIndex(text);
    expect(sorted.isSorted()).toBe(true);
    lines.forEach((line, at) => expect(sorted.find(line)).toBe(at));
    for (const key of ['', 'p:tai gui', '太贵', 'w:3000', 'w:1\n', '\uffff', 'a']) expect(sorted.find(key)).toBe(table.find(key));
    // A line met twice: the first, as with the table.
    expect(new LineIndex('a\nb\nb\nc', true).find('b')).toBe(1);
    expect(new LineIndex('', true).find('')).toBe(-1);
  });

  it('tells a text not sorted', () => {
    expect(new LineIndex('b\na').isSorted()).toBe(false);
    expect(new LineIndex('a\nab\nb').isSorted()).toBe(true);
    // JavaScript's order is by UTF-16 code unit: an astral character sorts before U+FFFF.
    expect(new LineIndex(['\uffff', '😀'].sort().join('\n')).isSorted()).toBe(true);
  });
});
