// closer report reads a case file a stretch at a time (case-files.ts): whatever the stretch, the
// same figures, problems and drill count as reading the file in one go, with lines cut across
// stretches, a line longer than a stretch, a byte order mark, copies that tie, and a file that is
// not UTF-8 only near its end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCases, type Case } from '@closer/shared';
import { reportCaseFiles } from '../../shared/node/case-files.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'closer-report-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (minutes: number) => new Date(Date.parse('2026-03-01T00:00:00.000Z') + minutes * 60_000).toISOString();
const record = (n: number, notes: string, updated: number): Case => ({
  version: 2, id: `00000000-0000-4000-8000-${String(n % 7).padStart(12, '0')}`, conversation: 'c', salesperson: 'mei', customer: n % 2 ? '李姐' : 'Ann "A."',
  outcome: n % 3 === 0 ? 'open' : n % 3 === 1 ? 'won' : 'lost', notes, tags: n % 4 ? [] : ['vip'], followups: [], createdAt: at(n), updatedAt: at(100 + updated),
  timeline: [{ type: 'message', at: at(n), intent: 'price' }, { type: 'inserted', at: at(n + 1), reply: `r-${n % 5}` }, { type: 'tag', at: at(n + 2), tag: 'vip', added: n % 2 === 0 }],
});
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.nat(40), fc.constantFrom('', 'a', '长长', 'x'.repeat(300)), fc.nat(2)).map(([n, notes, updated]) => writeCases([record(n, notes, updated)]).trimEnd()) },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '{"kind":"drill"}', 'nonsense', '\u00a0', '{"version":1,"id":"00000000-0000-4000-8000-000000000001","conversation":"c","salesperson":"s","customer":"k","outcome":"won","notes":"","timeline":[],"createdAt":"2026-03-01T00:00:00.000Z","updatedAt":"2026-03-01T00:00:00.000Z"}') },
);
const content = fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), fc.constantFrom('none', 'early', 'late')).map(([lines, end, bom, trailing, broken]) => {
  const text = (bom ? '\ufeff' : '') + lines.join(end) + (trailing ? end : '');
  const bytes = Buffer.from(text);
  if (broken === 'none' || bytes.length === 0) return bytes;
  const where = broken === 'early' ? 0 : bytes.length;
  return Buffer.concat([bytes.subarray(0, where), Buffer.from([0xff]), bytes.subarray(where)]);
});

let files = 0;
async function report(contents: Buffer[], stretch?: number) {
  const names = contents.map((bytes) => {
    // Zero-padded: the files are read in the order of their names, which must not change when the count gains a digit (f99, f100).
    const name = path.join(dir, `f${String(files++).padStart(6, '0')}.jsonl`);
    writeFileSync(name, bytes);
    return name;
  });
  const read = await reportCaseFiles(names, { cwd: dir, reasons: ['price', 'other'], stretch });
  // The same contents in other files: their names differ only in number.
  return JSON.stringify({ ...read, files: read.files.length }).replace(/f\d+\.jsonl/g, 'f.jsonl');
}

describe('closer report reading files a stretch at a time', () => {
  it('gives what reading each file in one go gives, whatever the stretch', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(content, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 400 }), async (contents, stretch) => {
        expect(await report(contents, stretch)).toBe(await report(contents, 1 << 24));
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
