import { describe, expect, it } from 'vitest';
import { caseFileText } from '../../shared/node/case-file-text.ts';
import { FollowupCaseReader } from '../../shared/src/cases/followup-cases.ts';
import { writeCases } from '@closer/shared';
import { makeCase } from './cases-fixtures.ts';

const partsOf = (text: string, partBytes: number) => {
  const read = caseFileText(Buffer.from(text, 'utf8'), partBytes);
  if ('problem' in read) throw new Error(read.problem);
  return read;
};

describe('a case file read as text one character a byte', () => {
  it('is cut in parts at newlines that join back into the file, a byte order mark taken off', () => {
    const text = ['{"a":1}', '', '王姐 "x"', '\r', 'a much longer line than the parts are', '', 'end'].join('\n');
    for (const partBytes of [1, 2, 5, 8, 16, 1000]) {
      for (const file of [text, `\ufeff${text}`, `${text}\n`, '', '\n', '\n\n']) {
        const { parts, utf8 } = partsOf(file, partBytes);
        expect(utf8(parts.join('\n'))).toBe(file.replace(/^\ufeff/, ''));
      }
    }
  });

  it('gives the reader the same lines, numbered alike, whatever the parts', () => {
    const good = writeCases([makeCase(), makeCase({ customer: '李四' })]).trimEnd().split('\n');
    const text = [good[0], 'bad', '', good[1], '{"version":2', good[0]].join('\n') + '\n';
    const readWith = (partBytes: number) => {
      const { parts, utf8 } = partsOf(text, partBytes);
      const reader = new FollowupCaseReader();
      reader.addFile(parts, utf8, 'a.jsonl');
      return reader.result();
    };
    const whole = readWith(1 << 20);
    expect(whole.problems.map((problem) => problem.line)).toEqual([2, 5]);
    for (const partBytes of [1, 10, 100, 300, 500]) expect(readWith(partBytes)).toEqual(whole);
  });

  it('names a file that is not UTF-8', () => {
    expect(caseFileText(Buffer.from([0x7b, 0xe9, 0x7d]))).toEqual({ problem: expect.stringContaining('not UTF-8') });
  });
});
