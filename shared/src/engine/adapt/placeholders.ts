// Before a message goes to a hosted model, the customer's personal details in it are replaced by
// placeholders ([PHONE_1], [NAME_1]…) and put back in the model's answer, so a hosted service
// never reads who the customer is or how to reach them.

export type DetailKind = 'EMAIL' | 'CARD' | 'ID' | 'PHONE' | 'ADDRESS' | 'NAME';

/** Placeholder → the detail it stands for, shared by every text of one request. */
export type Placeholders = Record<string, string>;

export interface Masked {
  text: string;
  placeholders: Placeholders;
  /** What was replaced, by kind (for the case's timeline: what was sent, never the details). */
  replaced: Partial<Record<DetailKind, number>>;
}

// In this order: a card or ID number would otherwise be read as a phone number.
const DETAILS: readonly [DetailKind, RegExp][] = [
  ['EMAIL', /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g],
  // Mainland resident ID: 17 digits and a digit or X.
  ['ID', /(?<![\dA-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g],
  // Bank cards: 13 to 19 digits, maybe in groups of four.
  ['CARD', /(?<![\d-])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,4}(?:[ -]?\d{1,3})?(?![\d-])/g],
  ['PHONE', /(?<![\d\w])(?:\+?\d{1,3}[\s-]?)?(?:\(\d{2,4}\)[\s-]?)?\d{2,4}(?:[\s-]?\d{3,4}){1,3}(?![\d\w])/g],
  ['ADDRESS', /(?:[\u4e00-\u9fff]{2,8}(?:省|市|区|县|镇|乡))*[\u4e00-\u9fff\dA-Za-z]{1,20}?(?:路|街|大道|道|巷|弄|村|小区|花园|大厦)\s*\d+\s*(?:号|弄|栋|幢)(?:\s*[\dA-Za-z-]+\s*(?:号楼|栋|幢|单元|楼|室|号))*/g],
  ['ADDRESS', /\b\d{1,6}\s+(?:[A-Z][a-z]+\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Court|Ct|Place|Pl)\b\.?(?:,?\s*(?:Apt|Apartment|Suite|Unit|Flat)\.?\s*[\w-]+)?/g],
];
// Names a customer gives in the message itself.
const SELF_NAMED = [/(?<=我(?:叫|的名字是|姓名是)\s?)[\u4e00-\u9fff]{2,4}?(?=[，,。.！!\s]|$|，|的)/g, /(?<=\b(?:[Mm]y name is|I am|I'm|[Tt]his is)\s+)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?/g];

function countDigits(text: string): number {
  return text.replace(/\D/g, '').length;
}

/**
 * Replace personal details in `text`: e-mails, ID and card numbers, phone numbers, addresses, and
 * the customer's names (those given, and those the customer states). Reuse `placeholders` across
 * the texts of one request so one detail gets one placeholder.
 */
export function maskPersonalDetails(text: string, options: { names?: readonly string[]; placeholders?: Placeholders } = {}): Masked {
  const placeholders: Placeholders = { ...(options.placeholders ?? {}) };
  const replaced: Masked['replaced'] = {};
  const counters = new Map<DetailKind, number>();
  for (const key of Object.keys(placeholders)) {
    const [, kind, n] = /^\[([A-Z]+)_(\d+)\]$/.exec(key) ?? [];
    if (kind) counters.set(kind as DetailKind, Math.max(counters.get(kind as DetailKind) ?? 0, Number(n)));
  }
  const placeholderOf = (kind: DetailKind, detail: string): string => {
    const known = Object.entries(placeholders).find(([key, value]) => value === detail && key.startsWith(`[${kind}_`));
    replaced[kind] = (replaced[kind] ?? 0) + 1;
    if (known) return known[0];
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const key = `[${kind}_${n}]`;
    placeholders[key] = detail;
    return key;
  };
  let masked = typeof text === 'string' ? text : '';
  for (const [kind, pattern] of DETAILS) {
    masked = masked.replace(pattern, (detail) => {
      // A price or a year is not a phone number: phones have seven digits or more.
      if (kind === 'PHONE' && countDigits(detail) < 7) return detail;
      if (kind === 'CARD' && (countDigits(detail) < 13 || countDigits(detail) > 19)) return detail;
      // "地址北京市…": the word that announces an address is not part of it.
      const announced = kind === 'ADDRESS' ? /^(?:收货地址|地址|住址|寄到|送到|住在|发到)[:：]?/.exec(detail)?.[0] ?? '' : '';
      return announced + placeholderOf(kind, detail.slice(announced.length));
    });
  }
  const names = new Set((options.names ?? []).map((name) => name.trim()).filter((name) => name.length >= 2 || /[\u4e00-\u9fff]/.test(name)));
  for (const pattern of SELF_NAMED) for (const match of masked.matchAll(pattern)) names.add(match[0]);
  // Longest first, so "王小明" is replaced before "王".
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    if (/^\[[A-Z]+_\d+\]$/.test(name)) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = /^[A-Za-z]/.test(name) ? new RegExp(`\\b${escaped}\\b`, 'gi') : new RegExp(escaped, 'g');
    masked = masked.replace(pattern, (detail) => placeholderOf('NAME', detail));
  }
  return { text: masked, placeholders, replaced };
}

/** Put the details back where the model kept their placeholders (it may change their case or spacing). */
export function restorePersonalDetails(text: string, placeholders: Placeholders): string {
  return text.replace(/\[\s*(EMAIL|CARD|ID|PHONE|ADDRESS|NAME)\s*_\s*(\d+)\s*\]/gi, (written, kind: string, n: string) => placeholders[`[${kind.toUpperCase()}_${n}]`] ?? written);
}
