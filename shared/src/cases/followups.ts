// The revisit plan applied to cases: which follow-ups of the playbooks' rules are due on a day,
// in the salesperson's time zone. Rules attach to a case (a sale, a loss, a hot-lead signal, a
// meeting) or to the customer (days without contact over all their cases); the stop rule is the
// customer's. What the salesperson did with a follow-up is kept in the case by (rule, due), so
// an edit of the case never makes a done follow-up due again.
import { bundleReplies, type Bundle, type BundledReply } from '../playbook/bundle.ts';
import { localSend } from '../playbook/local-send.ts';
import { localText } from '../playbook/local-text.ts';
import { renderReply } from '../playbook/render.ts';
import { replyLanguage } from '../playbook/reply-language.ts';
import type { CustomerTag, FollowupRule, Language, LadderRung, Story, TagTier } from '../playbook/schema.ts';
import { storyText } from '../playbook/story-text.ts';
import type { Case } from './case.ts';
import { customersOf, planCaseOf, standingFollowups, type PlanCase, type PlanFollowup } from './plan-case.ts';
import { addCalendarDays, dateInZone, startOfDay } from './zoned-time.ts';

export interface DueFollowup {
  case: string;
  customer: string;
  conversation: string;
  salesperson: string;
  rule: string;
  /** ISO time. */
  due: string;
  /** Why it is due, in words: the rule's label, the event and its date. */
  reason: string;
  /** The reply or story id to send: the rule's one for the language asked. */
  reply: string;
  /** Its text with variables filled, in the language asked (a reply keeps its own language). */
  text: string;
  /** Snoozed ones are listed only when their snooze has ended. */
  state: 'due' | 'overdue' | 'snoozed';
  /** For a rule that offers the next rung of the product ladder: that rung, and the reply that offers it. */
  nextRung?: { rung: string; label: string; reply: string; text: string };
}

export interface DueOptions {
  /** Any instant of the day asked about; that day is read in `timeZone`. */
  on: Date;
  /** An IANA time zone such as Asia/Shanghai: where days begin and end. */
  timeZone: string;
  language: Language;
  /** Variable values to fill the texts with, over the playbooks' defaults. */
  values?: Record<string, string>;
  /** Whether to name the ladder's next rung (nextRung); the panel shows it, the CLI prints none. Default true. */
  nextRung?: boolean;
}

/**
 * Two weeks: a care message or a visit's feedback later than that no longer reads as care, so a
 * follow-up overdue longer leaves the list (the idle rule wakes the customer instead). Without it,
 * a year of cases written before the plan existed would bury today's follow-ups.
 */
export const STALE_AFTER_DAYS = 14;
/**
 * A recorded follow-up belongs to the computed one of its rule within this distance: the panel
 * and the CLI may compute the same due in zones up to 26 hours apart (UTC+14 to UTC−12), plus a
 * daylight-saving hour.
 */
const SAME_FOLLOWUP_MS = 27 * 3_600_000;
const DAY = 86_400_000;

/** Every follow-up of the plan that is due on `options.on`'s day or overdue, oldest first. */
export function dueFollowups(cases: readonly Case[], bundle: Bundle, options: DueOptions): DueFollowup[] {
  return dueFollowupsOfCustomers(customersOf(cases.map(planCaseOf)), bundle, options);
}

/**
 * dueFollowups over each customer's cases as the plan reads them (plan-case.ts; customersOf), as
 * the CLI's reader gives them. The list does not depend on the order of the customers.
 */
export function dueFollowupsOfCustomers(customers: readonly (readonly PlanCase[])[], bundle: Bundle, options: DueOptions): DueFollowup[] {
  const { timeZone, language } = options;
  const dayEnd = startOfDay(options.on.getTime(), timeZone, 1);
  const dayStart = startOfDay(options.on.getTime(), timeZone);
  const staleBefore = dayStart - STALE_AFTER_DAYS * DAY;
  const texts = textsOf(bundle, language, options.values);
  const due: DueFollowup[] = [];
  for (const item of planOf(customers, bundle, dayEnd, timeZone, staleBefore)) {
    const { record, rule, at } = item;
    if (item.recorded?.state === 'snoozed') {
      if (item.recorded.until >= dayEnd) continue;
    } else if (item.recorded) continue;
    if (rule.when !== 'idle' && at < staleBefore && item.recorded === undefined) continue;
    const state = item.recorded?.state === 'snoozed' ? 'snoozed' : at < dayStart ? 'overdue' : 'due';
    const send = localSend(rule.send, language);
    const followup: DueFollowup = {
      case: record.id, customer: record.customer, conversation: record.conversation, salesperson: record.salesperson,
      rule: rule.id, due: new Date(at).toISOString(),
      reason: `${localText(rule.label, language)} — ${eventWords(item, timeZone, language)}`,
      reply: send, text: texts.text(send), state,
    };
    if (rule.offerNextRung && options.nextRung !== false) {
      const rung = nextRungOf(item.customerCases, bundle);
      if (rung) {
        // The rung's offer in the language asked, as the engine's ladder chooses it.
        const offer = rung.translations?.[language] ?? rung.reply;
        followup.nextRung = { rung: rung.id, label: localText(rung.label, language), reply: offer, text: texts.text(offer) };
      }
    }
    due.push(followup);
  }
  return due.sort((a, b) => compare(a.due, b.due) || compare(a.customer, b.customer) || compare(a.case, b.case) || compare(a.rule, b.rule));
}

export interface FollowupFigures {
  salesperson: string;
  done: number;
  /** Due before `on`'s day, not handled, and the customer not stopped (however long ago). */
  overdue: number;
  skipped: number;
  declined: number;
}

/** Per salesperson: the follow-ups done, skipped and declined up to the end of `on`'s day, and those overdue on it. */
export function followupFigures(cases: readonly Case[], bundle: Bundle, on: Date, timeZone: string): FollowupFigures[] {
  const dayEnd = startOfDay(on.getTime(), timeZone, 1);
  const dayStart = startOfDay(on.getTime(), timeZone);
  const figures = new Map<string, FollowupFigures>();
  const of = (salesperson: string): FollowupFigures => {
    let entry = figures.get(salesperson);
    if (!entry) figures.set(salesperson, (entry = { salesperson, done: 0, overdue: 0, skipped: 0, declined: 0 }));
    return entry;
  };
  for (const record of cases) {
    for (const followup of standingFollowups(record.followups)) {
      if (Date.parse(followup.at) >= dayEnd || followup.state === 'snoozed') continue;
      of(record.salesperson)[followup.state]++;
    }
  }
  for (const item of planOf(customersOf(cases.map(planCaseOf)), bundle, dayEnd, timeZone)) {
    const snoozedPast = item.recorded?.state === 'snoozed' && item.recorded.until < dayStart;
    if ((item.recorded === undefined || snoozedPast) && item.at < dayStart) of(item.record.salesperson).overdue++;
  }
  return [...figures.values()].sort((a, b) => compare(a.salesperson, b.salesperson));
}

/** One computed follow-up: the rule, the case it belongs to, when it falls due, and what was done with it. */
interface PlannedFollowup {
  record: PlanCase;
  customerCases: readonly PlanCase[];
  rule: FollowupRule;
  /** The event it counts from. */
  event: number;
  /** When it is due. */
  at: number;
  recorded: PlanFollowup | undefined;
}

/**
 * Every follow-up of every rule due before `dayEnd`, for customers the stop rule has not
 * stopped, with what was recorded for each (the latest action). A case rule's follow-up due
 * before `notBefore` with nothing recorded is left out: the list drops it as stale, and most of a
 * year of cases is that.
 */
function planOf(customers: readonly (readonly PlanCase[])[], bundle: Bundle, dayEnd: number, timeZone: string, notBefore = -Infinity): PlannedFollowup[] {
  const planned: PlannedFollowup[] = [];
  const { stop, rules } = bundle.followups ?? { stop: { refusals: 3, lossReasons: ['no_need'] }, rules: [] };
  if (rules.length === 0) return planned;
  const caseRules = rules.filter((rule) => rule.when !== 'idle');
  const idleRules = rules.filter((rule) => rule.when === 'idle');
  const stopReasons = new Set(stop.lossReasons);
  // A follow-up due a day or more before `notBefore` by the plain sum (a zone's offset moves the
  // calendar arithmetic by hours, never a day) with nothing recorded is stale: left out without
  // the zone's arithmetic, and a case whose every event is that old is passed over whole.
  const reaches = caseRules.map((rule) => ((rule.after.days ?? 0) + 1) * DAY + (rule.after.hours ?? 0) * 3_600_000);
  const longestReach = Math.max(...reaches);
  for (const customerCases of customers) {
    if (isStopped(customerCases, stop.refusals, stopReasons)) continue;
    for (const record of customerCases) {
      const nothingRecorded = record.followups.length === 0;
      if (nothingRecorded && latestEventOf(record) + longestReach < notBefore) continue;
      for (let index = 0; index < caseRules.length; index++) {
        const rule = caseRules[index]!;
        const count = rule.when === 'meeting' ? record.meetings.length : 1;
        for (let which = 0; which < count; which++) {
          const event = rule.when === 'meeting' ? record.meetings[which]! : eventOf(record, rule);
          if (event === undefined || (nothingRecorded && event + reaches[index]! < notBefore)) continue;
          const at = dueAt(event, rule, timeZone);
          if (at >= dayEnd) continue;
          const recorded = recordedFor(record.followups, rule.id, at);
          if (recorded !== undefined || at >= notBefore) planned.push({ record, customerCases, rule, event, at, recorded });
        }
      }
    }
    if (idleRules.length === 0) continue;
    // The customer's latest case carries their idle follow-ups; any of their cases may hold what was done.
    let latest = customerCases[0]!;
    let lastContact = -Infinity;
    for (const record of customerCases) {
      if (record.lastContact > lastContact) {
        latest = record;
        lastContact = record.lastContact;
      }
    }
    const recorded = customerCases.length === 1 ? latest.followups : customerCases.flatMap((record) => record.followups);
    for (const rule of idleRules) {
      const at = dueAt(lastContact, rule, timeZone);
      if (at < dayEnd) planned.push({ record: latest, customerCases, rule, event: lastContact, at, recorded: recordedFor(recorded, rule.id, at) });
    }
  }
  return planned;
}

/**
 * The stop rule: the customer declined `refusals` follow-ups over all their cases, or a case
 * was lost for a stop reason and they have not bought since (a customer who came back and
 * bought is followed up again).
 */
function isStopped(cases: readonly PlanCase[], refusals: number, stopReasons: ReadonlySet<string>): boolean {
  let declined = 0;
  let stoppedAt = -Infinity;
  let lastWon = -Infinity;
  for (const record of cases) {
    declined += record.declined;
    if (record.outcome === 'lost' && record.lossReason !== undefined && stopReasons.has(record.lossReason)) stoppedAt = Math.max(stoppedAt, record.closed);
    if (record.outcome === 'won') lastWon = Math.max(lastWon, record.closed);
  }
  return declined >= refusals || stoppedAt > lastWon;
}

/** The latest time in a case any case rule counts from; -Infinity for none. */
function latestEventOf(record: PlanCase): number {
  let latest = record.outcome === 'open' ? -Infinity : record.closed;
  for (const meeting of record.meetings) latest = Math.max(latest, meeting);
  return Math.max(latest, record.buySoon);
}

/** The one time in a case a rule other than the meeting rule counts from, if any. */
function eventOf(record: PlanCase, rule: FollowupRule): number | undefined {
  switch (rule.when) {
    case 'won':
      return record.outcome === 'won' ? record.closed : undefined;
    case 'lost':
      if (record.outcome !== 'lost') return undefined;
      return rule.lossReasons === undefined || rule.lossReasons.includes(record.lossReason ?? 'other') ? record.closed : undefined;
    case 'hot_lead':
      // A hot lead matters while the case is open; its latest signal counts (a repeated "soon" is one lead).
      return record.outcome === 'open' && record.buySoon !== -Infinity ? record.buySoon : undefined;
    default:
      return undefined;
  }
}

/** The event time plus the rule's delay: days as calendar days in the zone (the hour holds across a daylight-saving change), then hours. */
function dueAt(event: number, rule: FollowupRule, timeZone: string): number {
  return addCalendarDays(event, rule.after.days ?? 0, timeZone) + (rule.after.hours ?? 0) * 3_600_000;
}

/** The latest action recorded for this rule's follow-up due at `at` (allowing for another time zone's arithmetic). */
function recordedFor(followups: readonly PlanFollowup[], rule: string, at: number): PlanFollowup | undefined {
  let found: PlanFollowup | undefined;
  for (const followup of followups) {
    if (followup.rule !== rule || Math.abs(followup.due - at) > SAME_FOLLOWUP_MS) continue;
    if (!found || followup.at >= found.at) found = followup;
  }
  return found;
}

const EVENT_WORDS: Record<FollowupRule['when'], Record<Language, string>> = {
  won: { 'zh-CN': '成交', en: 'won' },
  lost: { 'zh-CN': '未成交', en: 'lost' },
  hot_lead: { 'zh-CN': '客户说很快就买', en: 'said they will buy soon' },
  meeting: { 'zh-CN': '拜访', en: 'met' },
  idle: { 'zh-CN': '最后联系', en: 'last contact' },
};

/** "won on 2026-11-02" / "2026-11-02 成交", the date in the zone. */
function eventWords(item: PlannedFollowup, timeZone: string, language: Language): string {
  const date = dateInZone(item.event, timeZone);
  const words = EVENT_WORDS[item.rule.when][language];
  const reason = item.rule.when === 'lost' && item.record.lossReason ? ` (${item.record.lossReason})` : '';
  return language === 'en' ? `${words}${reason} on ${date}` : `${date} ${words}${reason}`;
}

interface Texts {
  text(id: string): string;
}

const textsCache = new WeakMap<Bundle, { replies: Map<string, BundledReply>; stories: Map<string, Story> }>();

/**
 * The approved text of a reply (its variables filled with `values`) or a story, in `language`,
 * by id; '' for an id the bundle lacks (lint names it).
 */
function textsOf(bundle: Bundle, language: Language, values: Record<string, string> = {}): Texts {
  let known = textsCache.get(bundle);
  if (!known) {
    const replies = new Map(bundleReplies(bundle).map((bundled) => [bundled.reply.id, bundled]));
    const stories = new Map<string, Story>();
    for (const { playbook } of bundle.playbooks) for (const story of playbook.stories ?? []) stories.set(story.id, story);
    textsCache.set(bundle, (known = { replies, stories }));
  }
  const { replies, stories } = known;
  // Thousands of follow-ups send a few texts: each is made once.
  const made = new Map<string, string>();
  const make = (id: string): string => {
    const bundled = replies.get(id);
    if (bundled) return renderReply(bundled.reply.text, bundled.variables, values, replyLanguage(bundled.reply)).text;
    const story = stories.get(id);
    return story ? storyText(story, language) : '';
  };
  return {
    text(id) {
      let text = made.get(id);
      if (text === undefined) made.set(id, (text = make(id)));
      return text;
    },
  };
}

const TIER_RANK: Record<TagTier, number> = { entry: 0, middle: 1, top: 2 };

/**
 * The next rung of the ladder for this customer: after the rung they last bought (a won case
 * whose product is a rung's id), else the first rung above the tier their tags imply.
 */
function nextRungOf(cases: readonly PlanCase[], bundle: Bundle): LadderRung | undefined {
  const ladder = bundle.ladder ?? [];
  if (ladder.length === 0) return undefined;
  let bought = -1;
  for (const record of cases) {
    if (record.outcome !== 'won' || record.product === undefined) continue;
    bought = Math.max(bought, ladder.findIndex((rung) => rung.id === record.product));
  }
  if (bought >= 0) return ladder[bought + 1];
  const tiers = new Map<string, TagTier>();
  for (const tag of (bundle.customerTags ?? []) as CustomerTag[]) if (tag.tier) tiers.set(tag.id, tag.tier);
  let tier = -1;
  for (const record of cases) for (const tag of record.tags) tier = Math.max(tier, TIER_RANK[tiers.get(tag)!] ?? -1);
  if (tier < 0) return undefined;
  return ladder.find((rung) => TIER_RANK[rung.tier] > tier);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
