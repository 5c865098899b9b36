// own-form.ts's pattern with every time checked for its shape only (its digits and separators),
// for the report's byte scanner, which then checks each time's calendar itself (month, day of
// that month, leap day, hour, minute, second: case-line-bytes.ts). The calendar alternatives were
// two fifths of the pattern's time over 100,000 cases of a dozen times each, where a few
// comparisons of digits the scanner passes anyway cost far less. The form itself is own-form.ts's
// (ownFormWith); test/unit/report-bytes.test.ts holds the scanner to that pattern, near misses included.
import { ownFormWith } from './own-form.ts';

/** A time as toISOString writes it, any digits: 24 characters. */
const SHAPE = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`;
const FORM = ownFormWith(SHAPE);
const AT = new RegExp(FORM, 'y');

/**
 * Where a case in the form Closer writes, its times' calendars not checked, that starts at `at`
 * in `text` ends, or -1 (see ownFormEnd).
 */
export function ownFormShapeEnd(text: string, at: number): number {
  AT.lastIndex = at;
  return AT.test(text) ? AT.lastIndex : -1;
}
