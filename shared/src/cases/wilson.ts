// A win rate from few cases says little: a reply used twice and won twice is not "100%".
// The Wilson score interval gives the range the true rate likely lies in (95%).

export interface Rate {
  /** Closed cases counted. */
  cases: number;
  wins: number;
  /** wins / cases, or 0 when there are none. */
  rate: number;
  /** The 95% Wilson interval around the rate. */
  low: number;
  high: number;
}

const Z = 1.959964;

export function wilsonRate(wins: number, cases: number): Rate {
  if (cases <= 0) return { cases: 0, wins: 0, rate: 0, low: 0, high: 1 };
  const p = wins / cases;
  const z2 = Z * Z;
  const denominator = 1 + z2 / cases;
  const centre = (p + z2 / (2 * cases)) / denominator;
  const margin = (Z * Math.sqrt((p * (1 - p)) / cases + z2 / (4 * cases * cases))) / denominator;
  return { cases, wins, rate: p, low: Math.max(0, centre - margin), high: Math.min(1, centre + margin) };
}
