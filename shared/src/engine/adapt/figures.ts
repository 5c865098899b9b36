// The facts an adaptation may not touch: every number, price, percentage, discount, date, time,
// URL, e-mail address and phone number of a text, each reduced to one canonical key so that the
// same fact written two ways (¥3,900 / 3900元 / 三千九百元, 8折 / 八折) is the same key and a
// changed one (3900 → 3800, 8折 → 7折) is a different key.

export type FigureKind = 'number' | 'percent' | 'discount' | 'date' | 'time' | 'url' | 'email' | 'phone';

export interface Figure {
  kind: FigureKind;
  /** Equal keys mean the same fact. */
  key: string;
  /** The text as written, for the reason shown to the salesperson. */
  text: string;
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const PLACE: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000 };
const CN_NUMERAL = '零〇一二两三四五六七八九十百千万亿';

/**
 * The value of a Chinese numeral, written out (三千九百) or said the short way (三千九 = 3900,
 * 一万二 = 12000, 两百五 = 250: a last digit after a place counts in the place below it).
 * Undefined for text that is not a numeral.
 */
export function chineseNumeralValue(text: string): number | undefined {
  if (text.length === 0 || [...text].some((char) => !CN_NUMERAL.includes(char))) return undefined;
  let total = 0; // sections closed by 万 or 亿
  let section = 0; // within the current 万 section
  let digit: number | undefined;
  let lastPlace = 1;
  for (const char of text) {
    if (char in DIGIT) {
      // Two digits in a row (一二三) read as digit strings are not one numeral.
      if (digit !== undefined && digit !== 0 && DIGIT[char] !== 0) return undefined;
      digit = DIGIT[char]!;
      continue;
    }
    const place = PLACE[char]!;
    if (place >= 10_000) {
      section += digit ?? 0;
      total = (total + (section === 0 && total === 0 ? 1 : section)) * place;
      section = 0;
      lastPlace = place;
    } else {
      section += (digit ?? (place === 10 ? 1 : 0)) * place;
      if (digit === undefined && place !== 10) return undefined;
      lastPlace = place;
    }
    digit = undefined;
  }
  if (digit !== undefined) {
    // 三千九: the digit after a place is that place's tenth; 一百零五: after 零 it is units.
    const endsAfterZero = /零.$/.test(text);
    section += lastPlace > 1 && !endsAfterZero ? digit * (lastPlace >= 10_000 ? lastPlace / 10 : lastPlace / 10) : digit;
  }
  return total + section;
}

// Units after which a lone 一 is a count ("一周", "一年") rather than a word ("一下", "一起").
const COUNT_UNITS = '天周年月日号次件台套个位元块岁斤克米折倍期瓶盒箱张份节课小时分钟秒';
// Words with numeral characters that are not numbers.
const NOT_NUMBERS = /万一|千万(?![元块件台个])|一一|十分|一点(?![半钟]|\d)|一些|一下|一起|一定|一样|一直|一般|一切|一致|一旦|统一|唯一|一向|一共|一律|之一|一边|一方面|一会儿?|一些|第一/g;

function numberKey(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

interface Scan {
  figures: Figure[];
  /** The text with what was already read blanked out, so it is not read twice. */
  rest: string;
}

function take(scan: Scan, pattern: RegExp, read: (match: RegExpExecArray) => Figure | undefined): void {
  let rest = '';
  let from = 0;
  for (const match of scan.rest.matchAll(pattern) as IterableIterator<RegExpExecArray>) {
    const found = read(match);
    if (found === undefined) continue;
    scan.figures.push(found);
    rest += scan.rest.slice(from, match.index) + ' '.repeat(match[0].length);
    from = match.index + match[0].length;
  }
  scan.rest = rest + scan.rest.slice(from);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS_EN = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAYS_ZH: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
// Days said relative to today: as much a date as "3月15日" (an offer that ends 今天 ends today).
const RELATIVE_DAYS = /今天|今日|今晚|明天|明日|明晚|后天|昨天|本周末?|这周末?|下周末?|下个?星期|下个?月|本月|这个月|月底|月初|年底|周末|双十一|双11|双十二|618|\b(?:today|tonight|tomorrow|yesterday|this (?:week|weekend|month)|next (?:week|weekend|month)|weekend|end of (?:the )?(?:month|year))\b/g;
const EN_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, thousand: 1000, half: 0.5, once: 1, twice: 2,
};

/** Every figure in a text. The text is read as written; {{slots}} should be filled first. */
export function figuresOf(text: string): Figure[] {
  const scan: Scan = { figures: [], rest: typeof text === 'string' ? text.normalize('NFKC') : '' };
  // Addresses first: they are full of digits that are not amounts.
  take(scan, /\b(?:https?:\/\/|www\.)[^\s<>"'，。！？、；）】]+/gi, (m) => {
    const url = m[0]!.replace(/[.,;:!?)\]]+$/, '');
    return { kind: 'url', key: 'url:' + url.toLowerCase().replace(/^https?:\/\//, '').replace(/\/$/, ''), text: url };
  });
  take(scan, /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, (m) => ({ kind: 'email', key: 'email:' + m[0]!.toLowerCase(), text: m[0]! }));
  // Dates and times before phones: 2024-03-15 has eight digits and dashes.
  take(scan, /(?<!\d)(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?!\d)/g, (m) => ({ kind: 'date', key: `date:${+m[2]!}-${+m[3]!}@${m[1]}`, text: m[0]! }));
  take(scan, /(?<![\d:])([01]?\d|2[0-3])[:：]([0-5]\d)(?![\d:])/g, (m) => ({ kind: 'time', key: `time:${+m[1]!}:${m[2]}`, text: m[0]! }));
  // A phone, ID or card number: seven digits or more, maybe split by spaces, dashes or brackets;
  // a thousands separator (12,000,000) is an amount, not a phone.
  take(scan, /(?<![\d.,])\+?\(?\d[\d\s().-]{5,}\d(?![\d.,]\d)/g, (m) => {
    const digits = m[0]!.replace(/\D/g, '');
    if (digits.length < 7 || /^\d{1,3}(?:,\d{3})+$/.test(m[0]!.trim())) return undefined;
    if (/\s/.test(m[0]!.trim()) && !/^[+(]|^\d{3,4}[\s-]/.test(m[0]!.trim())) return undefined;
    return { kind: 'phone', key: 'phone:' + digits, text: m[0]!.trim() };
  });
  take(scan, /(?<!\d)(\d{1,2})[/月](\d{1,2})(?:日|号)?(?![\d/])/g, (m) => {
    if (m[0]!.includes('/') && (+m[1]! > 12 || +m[2]! > 31)) return undefined;
    return { kind: 'date', key: `date:${+m[1]!}-${+m[2]!}`, text: m[0]! };
  });
  take(scan, new RegExp(String.raw`\b(${MONTHS.join('|')})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b`, 'gi'), (m) => ({
    kind: 'date', key: `date:${MONTHS.indexOf(m[1]!.toLowerCase().slice(0, 3)) + 1}-${+m[2]!}`, text: m[0]!,
  }));
  take(scan, new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTHS.join('|')})[a-z]*\b`, 'gi'), (m) => ({
    kind: 'date', key: `date:${MONTHS.indexOf(m[2]!.toLowerCase().slice(0, 3)) + 1}-${+m[1]!}`, text: m[0]!,
  }));
  take(scan, /\b(january|february|march|april|june|july|august|september|october|november|december)\b/gi, (m) => ({
    kind: 'date', key: `month:${MONTHS.indexOf(m[1]!.toLowerCase().slice(0, 3)) + 1}`, text: m[0]!,
  }));
  take(scan, new RegExp(String.raw`\b(${WEEKDAYS_EN.join('|')})(?:day|s|nesday|rsday|urday|\.)?\b`, 'gi'), (m) => {
    if (!/day|^\w{3}\.?$/i.test(m[0]!) || /^(?:sat|sun|mon|wed)$/i.test(m[0]!)) return undefined;
    return { kind: 'date', key: `weekday:${WEEKDAYS_EN.indexOf(m[1]!.toLowerCase())}`, text: m[0]! };
  });
  take(scan, /(?:周|星期|礼拜)([日天一二三四五六])/g, (m) => ({ kind: 'date', key: `weekday:${WEEKDAYS_ZH[m[1]!]}`, text: m[0]! }));
  take(scan, RELATIVE_DAYS, (m) => ({ kind: 'date', key: 'day:' + m[0]!.toLowerCase().replace(/^这/, '本').replace(/个/, ''), text: m[0]! }));
  scan.rest = scan.rest.replace(NOT_NUMBERS, (word) => ' '.repeat(word.length));

  // The pieces with Chinese in them are literals, whose Chinese the build escapes (the worker's
  // script stays ASCII: extension-browser/scripts/build.js); String.raw's text it cannot.
  const ARABIC = /\d+(?:[,，]\d{3})*(?:\.\d+)?/.source;
  const PERCENT_OF = /百分之/.source;
  const MULTIPLIER = /(百万|万|千|[kK](?![a-zA-Z]))?/.source;
  const CN = `[${CN_NUMERAL}]+`;
  const valueOf = (written: string): number | undefined => {
    const arabic = written.replace(/[,，\s]/g, '');
    const multiplied = /^(\d+(?:\.\d+)?)([万千kK]|百万)?$/.exec(arabic);
    if (multiplied) return Number(multiplied[1]) * ({ 万: 10_000, 千: 1000, k: 1000, K: 1000, 百万: 1_000_000 }[multiplied[2] ?? ''] ?? 1);
    return chineseNumeralValue(written);
  };
  // Discounts: 8折, 8.5折, 八五折, 八折, 半价; "20% off" stays a percentage.
  take(scan, /(?<![\d.])(\d(?:\.\d)?|[一二三四五六七八九两]{1,2})\s?折(?![叠扣])|半价/g, (m) => {
    if (m[0] === '半价') return { kind: 'discount', key: 'discount:50', text: m[0] };
    const written = m[1]!;
    const tenths = /\d/.test(written) ? Number(written) * 10 : written.length === 2 ? DIGIT[written[0]!]! * 10 + DIGIT[written[1]!]! : DIGIT[written]! * 10;
    return { kind: 'discount', key: `discount:${numberKey(tenths)}`, text: m[0]! };
  });
  take(scan, new RegExp(String.raw`(${ARABIC})\s?(?:%|percent\b|per cent\b)|${PERCENT_OF}(${CN}|${ARABIC})`, 'gi'), (m) => {
    const value = m[1] !== undefined ? Number(m[1].replace(/[,，]/g, '')) : valueOf(m[2]!);
    return value === undefined ? undefined : { kind: 'percent', key: `percent:${numberKey(value)}`, text: m[0]! };
  });
  // Amounts: digits (with 万/千/k), Chinese numerals, English number words before a unit.
  take(scan, new RegExp(String.raw`(${ARABIC})\s?${MULTIPLIER}`, 'g'), (m) => {
    const value = valueOf(m[1]!.replace(/[,，]/g, '') + (m[2] ?? ''));
    return value === undefined ? undefined : { kind: 'number', key: `number:${numberKey(value)}`, text: m[0]!.trim() };
  });
  take(scan, new RegExp(CN, 'g'), (m) => {
    const written = m[0]!;
    const value = chineseNumeralValue(written);
    if (value === undefined) return undefined;
    // A lone 一 is a number only before a unit ("一周"); "一" in "统一" or "一下" is a word.
    if (written === '一') {
      const after = scan.rest.slice(m.index + 1, m.index + 3);
      const before = scan.rest.slice(Math.max(0, m.index - 1), m.index);
      const counts = (new RegExp(`^[${COUNT_UNITS}]`).test(after) && !/^个(?!月)/.test(after)) || /[送买加减赠]/.test(before);
      if (!counts) return undefined;
    }
    return { kind: 'number', key: `number:${numberKey(value)}`, text: written };
  });
  take(scan, new RegExp(String.raw`\b(${Object.keys(EN_NUMBERS).join('|')})\b(?=[\s-]+(?:days?|weeks?|months?|years?|hours?|minutes?|times?|items?|pieces?|sessions?|percent|dollars?|yuan|free|off|price)\b)`, 'gi'), (m) => ({
    kind: 'number', key: `number:${numberKey(EN_NUMBERS[m[1]!.toLowerCase()]!)}`, text: m[0]!,
  }));
  return scan.figures;
}
