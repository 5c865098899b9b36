// A case file's bytes as text, decoded in one go: an ASCII file becomes a one-byte string
// (copied, not transcoded), which the readers scan fastest.
import { isAscii, isUtf8 } from 'node:buffer';

/** The text of a case file, or why it cannot be read as one. */
export function caseFileText(bytes: Buffer): { text: string } | { problem: string } {
  // isUtf8 checks a 100 MB file in milliseconds; a fatal TextDecoder takes half a second.
  if (!isUtf8(bytes)) return { problem: 'the file is not UTF-8 text; a case file is JSON Lines in UTF-8; the file is skipped' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { text: bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8', bom) };
}
