// Text as its UTF-8 bytes, one character a byte (every character below 256), which V8 keeps and
// IndexedDB stores one byte a character. A model's lines are mostly digits with a Chinese feature
// at the start of about half of them; with one Chinese character in it a string is kept two bytes
// a character, and the default bundle's two models took 1.6 MB of the worker's stored record
// instead of 0.9 MB (its read grows by about 3 ms a megabyte). A lone surrogate is written as its
// own three bytes, so that every string has one spelling and reads back as it was.

const NOT_ASCII = /[^\x00-\x7f]/;

export function toByteText(text: string): string {
  if (!NOT_ASCII.test(text)) return text;
  let bytes = '';
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) {
      bytes += text[index];
    } else if (unit < 0x800) {
      bytes += String.fromCharCode(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f));
    } else {
      const low = text.charCodeAt(index + 1);
      if (unit >= 0xd800 && unit <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        const point = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        bytes += String.fromCharCode(0xf0 | (point >> 18), 0x80 | ((point >> 12) & 0x3f), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
        index++;
      } else {
        bytes += String.fromCharCode(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
      }
    }
  }
  return bytes;
}

/** The text toByteText spelled; bytes that are not its spelling of anything read as some text, never a throw. */
export function fromByteText(bytes: string): string {
  if (!NOT_ASCII.test(bytes)) return bytes;
  const next = (at: number): number => bytes.charCodeAt(at) & 0x3f;
  let text = '';
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes.charCodeAt(index);
    if (byte < 0x80) {
      text += bytes[index];
      index++;
    } else if (byte < 0xe0) {
      text += String.fromCharCode(((byte & 0x1f) << 6) | next(index + 1));
      index += 2;
    } else if (byte < 0xf0) {
      text += String.fromCharCode(((byte & 0x0f) << 12) | (next(index + 1) << 6) | next(index + 2));
      index += 3;
    } else {
      const point = ((byte & 0x07) << 18) | (next(index + 1) << 12) | (next(index + 2) << 6) | next(index + 3);
      text += point <= 0x10ffff ? String.fromCodePoint(point) : '\ufffd';
      index += 4;
    }
  }
  return text;
}
