// Property tests of the adaptation gate: for any approved text, a faithful adaptation passes, and
// any change of a figure or any added promise is rejected.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { gateAdaptation } from '@closer/shared';

type Figure = (value: number) => string;
const ZH_FIGURES: Figure[] = [(v) => `${v}元`, (v) => `¥${v}`, (v) => `${v}%`, (v) => `${(v % 9) + 1}折`, (v) => `${(v % 12) + 1}月${(v % 28) + 1}日`, (v) => `${v}天`, (v) => `138${String(v).padStart(8, '0')}`, (v) => `https://shop.example.com/p/${v}`];
const EN_FIGURES: Figure[] = [(v) => `$${v}`, (v) => `${v} dollars`, (v) => `${v}% off`, (v) => `March ${(v % 28) + 1}`, (v) => `${v} days`, (v) => `+1 555 ${String(v).padStart(7, '0')}`, (v) => `https://shop.example.com/p/${v}`];
const ZH_WORDS = ['这款课程', '现在', '只要', '您放心', '我们的老师', '可以先试听', '适合孩子', '报名后', '开课', '有问题随时找我'];
const EN_WORDS = ['the course', 'is now', 'only', 'our teachers', 'you can try a class', 'suits kids', 'after you sign up', 'starts', 'ask me anything'];
const ZH_CLAIMS = ['保证有效', '100%有效', '全网最便宜', '无效退款', '零风险', '稳赚不赔', '仅剩最后一件', '第一品牌'];
const EN_CLAIMS = ['guaranteed results', 'risk-free', 'the cheapest anywhere', 'money-back', 'it cures everything', 'today only', 'number one'];

interface Piece {
  text: string;
  figure?: { make: Figure; value: number };
}

function approved(language: 'zh' | 'en') {
  const words = language === 'zh' ? ZH_WORDS : EN_WORDS;
  const figures = language === 'zh' ? ZH_FIGURES : EN_FIGURES;
  const piece: fc.Arbitrary<Piece> = fc.oneof(
    fc.constantFrom(...words).map((text) => ({ text })),
    fc.tuple(fc.constantFrom(...figures), fc.integer({ min: 10, max: 99_999 })).map(([make, value]) => ({ text: make(value), figure: { make, value } })),
  );
  // Words between figures keep two figures from running into one.
  return fc.array(piece, { minLength: 3, maxLength: 10 }).map((pieces) =>
    pieces.flatMap((p, i) => (i === 0 ? [p] : [{ text: language === 'zh' ? '，' + words[i % words.length]! : ', ' + words[i % words.length]! + ' ' }, p])),
  );
}
const joined = (pieces: readonly Piece[], language: 'zh' | 'en') => pieces.map((p) => p.text).join('') + (language === 'zh' ? '。' : '.');
const language = fc.constantFrom<'zh' | 'en'>('zh', 'en');
const customerOf = (l: 'zh' | 'en') => (l === 'zh' ? '太贵了，能便宜点吗' : 'that is too expensive for me');

test('a faithful adaptation (a greeting added) of any approved text is accepted', () => {
  fc.assert(
    fc.property(language.chain((l) => fc.tuple(fc.constant(l), approved(l))), ([l, pieces]) => {
      const original = joined(pieces, l);
      const adapted = (l === 'zh' ? '您好！' : 'Hi there! ') + original;
      const result = gateAdaptation({ original, adapted, customerMessage: customerOf(l) });
      expect(result.reasons).toEqual([]);
      expect(result.text).toBe(adapted);
    }),
    { numRuns: 300 },
  );
});

test('any change of any figure is rejected by figures-kept', () => {
  const withFigure = language.chain((l) =>
    fc.tuple(fc.constant(l), approved(l).filter((pieces) => pieces.some((p) => p.figure)), fc.nat(), fc.integer({ min: 1, max: 9 })),
  );
  fc.assert(
    fc.property(withFigure, ([l, pieces, pick, delta]) => {
      const indexes = pieces.flatMap((p, i) => (p.figure ? [i] : []));
      const at = indexes[pick % indexes.length]!;
      const { make, value } = pieces[at]!.figure!;
      const changed = make(value + delta);
      // Figures that wrap (a day of the month, a discount) may come back to the same text.
      fc.pre(changed !== pieces[at]!.text && !pieces.some((p) => p.text === changed));
      const mutated = pieces.map((p, i) => (i === at ? { text: changed } : p));
      const result = gateAdaptation({ original: joined(pieces, l), adapted: joined(mutated, l), customerMessage: customerOf(l) });
      expect(result.accepted).toBe(false);
      expect(result.reasons.map((r) => r.check)).toContain('figures-kept');
      expect(result.text).toBe(joined(pieces, l));
    }),
    { numRuns: 400 },
  );
});

test('any figure added is rejected by figures-kept', () => {
  fc.assert(
    fc.property(language.chain((l) => fc.tuple(fc.constant(l), approved(l), fc.constantFrom(...(l === 'zh' ? ZH_FIGURES : EN_FIGURES)), fc.integer({ min: 100_000, max: 999_999 }))), ([l, pieces, make, value]) => {
      const original = joined(pieces, l);
      // A figure that wraps (a day of the month) may come out as one the reply already has: that is not a new one.
      fc.pre(!pieces.some((p) => p.text === make(value)));
      const result = gateAdaptation({ original, adapted: original + (l === 'zh' ? '另外' : ' Also ') + make(value), customerMessage: customerOf(l) });
      expect(result.reasons.map((r) => r.check)).toContain('figures-kept');
    }),
    { numRuns: 300 },
  );
});

test('any promise added anywhere is rejected by no-new-claims', () => {
  const claim = language.chain((l) => fc.tuple(fc.constant(l), approved(l), fc.constantFrom(...(l === 'zh' ? ZH_CLAIMS : EN_CLAIMS)), fc.nat()));
  fc.assert(
    fc.property(claim, ([l, pieces, promise, where]) => {
      const at = where % (pieces.length + 1);
      const inserted = [...pieces.slice(0, at), { text: l === 'zh' ? promise + '，' : ` ${promise}, ` }, ...pieces.slice(at)];
      const result = gateAdaptation({ original: joined(pieces, l), adapted: joined(inserted, l), customerMessage: customerOf(l) });
      expect(result.accepted).toBe(false);
      expect(result.reasons.map((r) => r.check)).toContain('no-new-claims');
    }),
    { numRuns: 400 },
  );
});

test('the gate never throws, and rejects exactly when it gives reasons', () => {
  const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }));
  fc.assert(
    fc.property(anyText, anyText, anyText, fc.option(fc.oneof(fc.boolean(), fc.record({ maxLength: fc.integer({ min: 1, max: 500 }), maxChange: fc.double({ min: 0, max: 1, noNaN: true }) })), { nil: undefined }), (original, adapted, customerMessage, bounds) => {
      const result = gateAdaptation({ original, adapted, customerMessage, bounds });
      expect(result.accepted).toBe(result.reasons.length === 0);
      expect(result.text).toBe(result.accepted ? adapted.trim() : original);
      for (const reason of result.reasons) expect(reason.message.length).toBeGreaterThan(0);
    }),
    { numRuns: 300 },
  );
});
