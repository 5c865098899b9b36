// A case file's bytes as text one character a byte, for a reader that decodes only the parts it
// needs (closer followups, through cases/followup-cases.ts). Apart from case-files.ts, which
// imports the case schema and the report, so that closer followups starts without either.
import { isUtf8 } from 'node:buffer';
import type { Utf8Decoder } from '../src/cases/followup-cases.ts';

export const CASE_SUFFIXES = ['.jsonl', '.ndjson'];

export const NOT_UTF8 = 'the file is not UTF-8 text; a case file is JSON Lines in UTF-8; the file is skipped';

/** A part of a file read as one string: V8's strings end at about 512 MB, and case files need not. */
const PART_BYTES = 64 * 1024 * 1024;

/**
 * The file's bytes as latin1 text (copied, not transcoded: a few milliseconds for 10 MB, where
 * decoding UTF-8 takes four times that), a byte order mark taken off, in parts cut at newlines
 * (the newline dropped), with the decoder of its parts; or why it cannot be read as a case file.
 */
export function caseFileText(bytes: Buffer, partBytes = PART_BYTES): { parts: string[]; utf8: Utf8Decoder } | { problem: string } {
  // isUtf8 checks a 100 MB file in milliseconds; a fatal TextDecoder takes half a second.
  if (!isUtf8(bytes)) return { problem: NOT_UTF8 };
  const parts: string[] = [];
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (;;) {
    const long = bytes.length - start > partBytes;
    const cut = long ? bytes.lastIndexOf(10, start + partBytes) : -1;
    // A line longer than a part stays whole: the part ends at the newline after it.
    const end = cut >= start ? cut : long ? bytes.indexOf(10, start + partBytes) : -1;
    if (end === -1) {
      parts.push(bytes.toString('latin1', start));
      return { parts, utf8: (part) => Buffer.from(part, 'latin1').toString('utf8') };
    }
    parts.push(bytes.toString('latin1', start, end));
    start = end + 1;
  }
}
