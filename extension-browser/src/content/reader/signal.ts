// The reader works like Mozilla Readability: it does not take the first element that looks
// right, it scores every candidate with small named signals and keeps the best. Each signal is
// one file, one idea, and its name is shown in Settings so a salesperson can see why.

export interface Signal<Subject, Context> {
  /** A short name for what the signal recognises (shown in Settings). */
  name: string;
  /** Points for (positive) or against (negative) the subject; 0 when the signal has nothing to say. */
  score(subject: Subject, context: Context): number;
}

/** The sum of the signals' scores, and the names of those that spoke, strongest first. */
export function scoreWith<S, C>(signals: readonly Signal<S, C>[], subject: S, context: C): { score: number; reasons: string[] } {
  let score = 0;
  const spoke: Array<[string, number]> = [];
  for (const signal of signals) {
    const points = signal.score(subject, context);
    if (points === 0 || Number.isNaN(points)) continue;
    score += points;
    spoke.push([signal.name, points]);
  }
  spoke.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  return { score, reasons: spoke.map(([name, points]) => `${name} ${points > 0 ? '+' : ''}${Math.round(points * 10) / 10}`) };
}
