// The revisit plan's figures for the case review: follow-ups done, overdue, skipped and declined
// per salesperson (the core's followupFigures, as closer report --bundle prints them), counted to
// the end of today in this computer's time zone under the workspace playbooks' plan.
import { dateInZone, followupFigures, type Bundle, type Case, type FollowupFigures } from '@closer/shared';

export interface FollowupsModel {
  /** The day counted to (YYYY-MM-DD in the zone) and the zone. */
  on: string;
  timeZone: string;
  rows: FollowupFigures[];
}

/** Nothing when the playbooks have no follow-up rules: the review then shows no such section. */
export function followupsOf(cases: readonly Case[], plan: Bundle, now = new Date(), timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): { followups?: FollowupsModel } {
  if (plan.followups.rules.length === 0) return {};
  return { followups: { on: dateInZone(now.getTime(), timeZone), timeZone, rows: followupFigures(cases, plan, now, timeZone) } };
}

/** The tags (third level) under the tree's `source` category: a case tagged with one has that source. */
export function sourceTagsOf(plan: Bundle): string[] {
  const groups = new Set(plan.customerTags.filter((node) => node.parent === 'source').map((node) => node.id));
  return plan.customerTags.filter((node) => node.parent !== undefined && groups.has(node.parent)).map((node) => node.id);
}
