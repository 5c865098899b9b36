// `closer report` over a case file's bytes: each line in Closer's own form that needs no warning
// goes straight from the bytes to the figures (case-line-bytes.ts); the reader stops at any
// other line, which the caller hands to the full reader (report-lines.ts, loaded only then), and
// then carries on. So the problems, the drill count and the figures are those of the full reader.
import { LOSS_REASONS } from './case-format.ts';
import { CaseLineScanner, type LineText } from './case-line-bytes.ts';
import type { CaseReportBuilder } from './report.ts';
import { hasSuspectTimes } from './suspect-times.ts';

/**
 * A file's bytes, all of them or a stretch read into a buffer that is then reused for the next,
 * and where reading stands in them.
 */
export class CaseFileBytes {
  /** The start of the next line to read. */
  at: number;
  /** The number of the line last read (1 for the first). */
  line = 0;
  /** The bounds of the line last read, without its line end. */
  lineStart = 0;
  lineEnd = 0;
  /** The file's offset of bytes[0]: a line's copy in the builder is found again by it in `source`. */
  offset = 0;
  /** Counts refills, so the scanner knows the stretch it decoded is gone. */
  version = 0;

  /**
   * `end`: where the bytes read so far end in `bytes`; `final`: whether they reach the file's
   * end, the bytes after the last line end then being its last line. `source` gives a stretch
   * of the file again by file offsets (the same as `text` when `bytes` are the whole file).
   */
  constructor(public bytes: Uint8Array, public text: LineText, readonly source: LineText = text, public end = bytes.length, public final = true) {
    this.at = end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  }

  /** The next stretch of the file, in `bytes` from 0 to `end`, which stand at `offset` in the file; reading goes on at its start. */
  refill(bytes: Uint8Array, text: LineText, end: number, final: boolean, offset: number): void {
    this.bytes = bytes;
    this.text = text;
    this.end = end;
    this.final = final;
    this.offset = offset;
    this.at = 0;
    this.version++;
  }
}

export class ReportBytesReader {
  private readonly scanner: CaseLineScanner;
  private readonly reasons: ReadonlySet<string>;

  constructor(private readonly builder: CaseReportBuilder, reasons: readonly string[] = LOSS_REASONS) {
    this.reasons = new Set(reasons);
    this.scanner = new CaseLineScanner(builder.replyKeys);
  }

  /**
   * Reads the file's lines from where it stands: true at a line the full reader must read (its
   * bounds and number are then in `file`, and reading goes on after it), false at the file's end.
   */
  readUntilFull(file: CaseFileBytes): boolean {
    const { bytes, text } = file;
    const scanner = this.scanner;
    scanner.use(bytes, text, file.version);
    // A file ending with a line end has one more, empty, line, as the line splitters count it;
    // the bytes after the last line end of a stretch that is not the file's last wait for the next.
    for (;;) {
      const lineStart = file.at;
      if (lineStart > file.end || (lineStart === file.end && !file.final)) return false;
      let lineEnd = bytes.indexOf(0x0a, lineStart);
      if (lineEnd === -1 || lineEnd >= file.end) {
        if (!file.final) return false;
        lineEnd = file.end;
      }
      file.at = lineEnd + 1;
      file.line++;
      let start = lineStart;
      let end = lineEnd;
      while (start < end && isSpace(bytes[start]!)) start++;
      while (end > start && isSpace(bytes[end - 1]!)) end--;
      if (start === end) continue;
      if (scanner.scan(start, end) && this.add(file, start, end)) continue;
      file.lineStart = lineStart;
      file.lineEnd = lineEnd;
      return true;
    }
    return false;
  }

  /** Adds the scanned line's case, unless it needs a warning, which the full reader words. */
  private add(file: CaseFileBytes, start: number, end: number): boolean {
    const { bytes, text } = file;
    const line = this.scanner.line;
    if (line.lossReason !== undefined && !this.reasons.has(line.lossReason)) return false;
    if (hasSuspectTimes(line.outcome, line)) return false;
    const customer = line.customerEscaped ? (JSON.parse(text.utf8(line.customerStart - 1, line.customerEnd + 1)) as string) : undefined;
    const amount = line.amountStart < 0 ? undefined : amountOf(bytes, text, line.amountStart, line.amountEnd);
    this.builder.addScanned(line, bytes, customer, amount, file.source, file.offset + start, file.offset + end);
    return true;
  }
}

/** A JSON number as JSON.parse reads it: whole numbers of up to 15 digits are exact in arithmetic, the rest go to Number. */
function amountOf(bytes: Uint8Array, text: LineText, start: number, end: number): number {
  if (end - start > 15) return Number(text.ascii(start, end));
  let value = 0;
  for (let at = start; at < end; at++) {
    const digit = bytes[at]! - 0x30;
    if (digit < 0 || digit > 9) return Number(text.ascii(start, end));
    value = value * 10 + digit;
  }
  return value;
}

/** The characters String.prototype.trim takes off that are one byte in UTF-8; a line with others at its ends goes to the full reader. */
function isSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}
