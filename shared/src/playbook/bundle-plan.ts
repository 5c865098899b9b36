// What a bundle carries merged over all its playbooks, beside the playbooks themselves: the
// customer tag tree, the revisit plan and the product ladder. Derived from the playbooks alone,
// so it needs no hash of its own: a bundle whose merged parts differ from its playbooks was changed.
// Types only, so that deriving the plan at start builds no zod schema (bundle-schema.ts has them).
import type { CustomerTag, FollowupRule, FollowupStop, LadderRung, Playbook } from './schema.ts';

/** The stop rule when no playbook gives one: the third refusal, or a case lost because the customer had no need. */
export const DEFAULT_FOLLOWUP_STOP: Required<FollowupStop> = { refusals: 3, lossReasons: ['no_need'] };

export interface BundlePlan {
  customerTags: CustomerTag[];
  followups: { stop: Required<FollowupStop>; rules: FollowupRule[] };
  ladder: LadderRung[];
}

export type BundledFollowups = BundlePlan['followups'];

/**
 * The tag trees, follow-up rules and ladder rungs of all playbooks, in playbook order. Several
 * stop rules merge to the strictest: the fewest refusals, and every loss reason any of them names.
 * The rungs are put cheapest first across playbooks (a stable sort, so one playbook's order stays).
 */
export function bundlePlanOf(playbooks: readonly { playbook: Playbook }[]): BundlePlan {
  const customerTags: CustomerTag[] = [];
  const rules: FollowupRule[] = [];
  const ladder: LadderRung[] = [];
  let refusals: number | undefined;
  let lossReasons: string[] | undefined;
  for (const { playbook } of playbooks) {
    customerTags.push(...(playbook.customerTags ?? []));
    rules.push(...(playbook.followups?.rules ?? []));
    ladder.push(...(playbook.ladder?.rungs ?? []));
    const stop = playbook.followups?.stop;
    if (stop?.refusals !== undefined) refusals = Math.min(refusals ?? Infinity, stop.refusals);
    if (stop?.lossReasons !== undefined) lossReasons = [...new Set([...(lossReasons ?? []), ...stop.lossReasons])];
  }
  ladder.sort((a, b) => a.price.min - b.price.min || a.price.max - b.price.max);
  return {
    customerTags,
    followups: { stop: { refusals: refusals ?? DEFAULT_FOLLOWUP_STOP.refusals, lossReasons: lossReasons ?? [...DEFAULT_FOLLOWUP_STOP.lossReasons] }, rules },
    ladder,
  };
}
