// The core reads Chinese aloud from a table made of pinyin-pro's dictionaries
// (shared/src/engine/pinyin-table.ts) instead of loading pinyin-pro at start. These checks keep
// the table current with the installed pinyin-pro and the readings equal to pinyin-pro's own.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { hasOtherReadings, readingOf, readingsOfRun } from '../../shared/src/engine/pinyin-converter.ts';
import { LineIndex } from '../../shared/src/engine/line-index.ts';
import { WORDS } from '../../shared/src/engine/pinyin-table.ts';
import { RANGES, pinyinTableSource } from '../scripts/pinyin-table-source.ts';

const root = path.resolve(import.meta.dirname, '../..');
const theirs = (text: string) => pinyin(text, { toneType: 'none', type: 'array' }).map((syllable) => syllable.replace(/ü/g, 'v'));
const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

/** Every distinct run of two or more Chinese characters in the files under these folders. */
function runsIn(folders: string[]): string[] {
  const runs = new Set<string>();
  for (const folder of folders) {
    for (const entry of readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(tsv|ya?ml)$/.test(entry.name)) continue;
      for (const [run] of readFileSync(path.join(entry.parentPath, entry.name), 'utf8').matchAll(CJK_RUN)) if (run.length >= 2) runs.add(run);
    }
  }
  return [...runs];
}

describe('pinyin converter', () => {
  it('the committed table is the one the installed pinyin-pro makes (npm run pinyin-table rewrites it)', () => {
    expect(readFileSync(path.join(root, 'shared/src/engine/pinyin-table.ts'), 'utf8')).toBe(pinyinTableSource());
  });

  it('lists its words sorted, as the converter that finds them by halving needs', () => {
    expect(new LineIndex(WORDS).isSorted()).toBe(true);
  });

  it('reads every character of the table as pinyin-pro does, and knows which have other readings', () => {
    const wrong: string[] = [];
    for (const [start, end] of RANGES) {
      for (let code = start; code <= end; code++) {
        const char = String.fromCharCode(code);
        const several = pinyin(char, { toneType: 'none', multiple: true, type: 'array' }).length > 1;
        if (readingOf(char) !== theirs(char).join(' ') || hasOtherReadings(char) !== several) wrong.push(char);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reads the runs of the playbooks and the base corpus in context as pinyin-pro does', () => {
    const runs = runsIn(['playbooks', 'shared/src/engine/base-intents']);
    expect(runs.length).toBeGreaterThan(3000);
    expect(runs.filter((run) => readingsOfRun(run).join(' ') !== theirs(run).join(' '))).toEqual([]);
  });

  it('cuts runs made of dictionary words that overlap as pinyin-pro does', () => {
    // Pairs of words whose ends overlap make ties between cuts, the hard case for agreeing.
    const words = ['便宜', '宜家', '长大', '大长', '重要', '要重', '银行', '行长', '长得', '得了', '了解', '解放', '放假', '假的', '的确', '确实'];
    const runs: string[] = [];
    for (const a of words) for (const b of words) runs.push(a + b, a + b.slice(1), a.slice(1) + b, a + '了' + b, '了' + a + b);
    expect(runs.filter((run) => readingsOfRun(run).join(' ') !== theirs(run).join(' '))).toEqual([]);
  });

  it('leaves what is not Chinese as it is, and 了 after a character is le', () => {
    expect(readingOf('a')).toBe('a');
    expect(readingOf('')).toBe('');
    expect(readingsOfRun('太贵了')).toEqual(['tai', 'gui', 'le']);
    expect(readingsOfRun('了解')).toEqual(theirs('了解'));
    expect(readingsOfRun('便宜点')).toEqual(['pian', 'yi', 'dian']);
    expect(readingOf('绿')).toBe('lv');
  });
});
