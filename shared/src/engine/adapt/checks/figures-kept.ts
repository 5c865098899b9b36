import type { AdaptationCheck } from '../check.ts';
import { figuresOf, type Figure, type FigureKind } from '../figures.ts';

const NAMES: Record<FigureKind, string> = {
  number: 'number', percent: 'percentage', discount: 'discount', date: 'date', time: 'time', url: 'link', email: 'e-mail address', phone: 'phone number',
};

function byKey(figures: readonly Figure[]): Map<string, Figure> {
  const map = new Map<string, Figure>();
  for (const figure of figures) if (!map.has(figure.key)) map.set(figure.key, figure);
  return map;
}

/** Every number, price, percentage, discount, date, link and phone of the approved reply is still there, and no new one appears. */
export const figuresKept: AdaptationCheck = {
  id: 'figures-kept',
  check({ original, adapted }) {
    const before = byKey(figuresOf(original));
    const after = byKey(figuresOf(adapted));
    const reasons = [];
    for (const [key, figure] of before) {
      if (!after.has(key)) reasons.push({ check: 'figures-kept', code: 'figures-kept.missing' as const, params: [figure.kind, figure.text], message: `the ${NAMES[figure.kind]} "${figure.text}" of the approved reply is missing or changed` });
    }
    for (const [key, figure] of after) {
      if (!before.has(key)) reasons.push({ check: 'figures-kept', code: 'figures-kept.added' as const, params: [figure.kind, figure.text], message: `it adds the ${NAMES[figure.kind]} "${figure.text}", which the approved reply does not give` });
    }
    return reasons;
  },
};
