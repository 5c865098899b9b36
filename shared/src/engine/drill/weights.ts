// How a drill's 100 points are shared among the checks of a turn. The answer to the customer's
// intent weighs most because it is what the playbooks teach; compliance weighs as much as the
// step because one promise the seller cannot keep costs more than a clumsy order.
import type { Drill, DrillWeights } from '../../playbook/schema.ts';

export const DRILL_CHECKS = ['answer', 'moves', 'step', 'compliance', 'length', 'time'] as const;
export type DrillCheck = (typeof DRILL_CHECKS)[number];

export const DEFAULT_DRILL_WEIGHTS: Readonly<Record<DrillCheck, number>> = {
  answer: 45,
  moves: 15,
  step: 15,
  compliance: 15,
  length: 5,
  time: 5,
};

/** The time to answer one turn when the drill does not say (seconds). */
export const DEFAULT_DRILL_SECONDS = 90;

/** The drill's weights over the defaults, scaled so they add up to 100 (all zero: the defaults). */
export function drillWeights(weights: DrillWeights | undefined): Record<DrillCheck, number> {
  const merged = { ...DEFAULT_DRILL_WEIGHTS, ...Object.fromEntries(Object.entries(weights ?? {}).filter(([, value]) => value !== undefined)) } as Record<DrillCheck, number>;
  const sum = DRILL_CHECKS.reduce((total, check) => total + merged[check], 0);
  if (!(sum > 0)) return { ...DEFAULT_DRILL_WEIGHTS };
  return Object.fromEntries(DRILL_CHECKS.map((check) => [check, (merged[check] * 100) / sum])) as Record<DrillCheck, number>;
}

export function drillSeconds(drill: Pick<Drill, 'seconds'> | undefined): number {
  return drill?.seconds ?? DEFAULT_DRILL_SECONDS;
}
