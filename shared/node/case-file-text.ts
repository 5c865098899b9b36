// A case file's bytes as text one character a byte, for a reader that decodes only the parts it
// needs (closer followups, through cases/followup-cases.ts). Apart from case-files.ts, which
// imports the case schema and the report, so that closer followups starts without either.
import { isUtf8 } from 'node:buffer';
import type { Utf8Decoder } from '../src/cases/followup-cases.ts';

export const CASE_SUFFIXES = ['.jsonl', '.ndjson'];

export const NOT_UTF8 = 'the file is not UTF-8 text; a case file is JSON Lines in UTF-8; the file is skipped';

/**
 * The file's bytes as latin1 text (copied, not transcoded: a few milliseconds for 10 MB, where
 * decoding UTF-8 takes four times that), a byte order mark taken off, with the decoder of its
 * parts; or why it cannot be read as a case file.
 */
export function caseFileText(bytes: Buffer): { text: string; utf8: Utf8Decoder } | { problem: string } {
  // isUtf8 checks a 100 MB file in milliseconds; a fatal TextDecoder takes half a second.
  if (!isUtf8(bytes)) return { problem: NOT_UTF8 };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { text: bytes.toString('latin1', bom), utf8: (part) => Buffer.from(part, 'latin1').toString('utf8') };
}
