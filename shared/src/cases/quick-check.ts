// Reading a case file of 100,000 cases must take well under two seconds, and zod spends most
// of that time building a copy of each record. This hand-written check accepts only records
// the schema accepts (a property test holds it to that), and anything it doubts goes to zod,
// which then decides and explains. So it changes the speed, never the verdict.
import { INTENTS } from '../playbook/ids.ts';
import { CASE_SIGNALS, CASE_VERSION, FOLLOWUP_STATES, LIFECYCLE_STAGES, OUTCOMES, PERSONAL_DETAIL_KINDS, TIME_PATTERN, UUID_PATTERN } from './case-format.ts';
import type { Case } from './case.ts';

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const INTENT_SET = new Set<unknown>(INTENTS);
const OUTCOME_SET = new Set<unknown>(OUTCOMES);
const DETAIL_KIND_SET = new Set<string>(PERSONAL_DETAIL_KINDS);
const STAGE_SET = new Set<unknown>(LIFECYCLE_STAGES);
const FOLLOWUP_STATE_SET = new Set<unknown>(FOLLOWUP_STATES);
const SIGNAL_SET = new Set<unknown>(CASE_SIGNALS);
const CASE_KEYS = new Set(['version', 'id', 'conversation', 'salesperson', 'customer', 'product', 'amount', 'outcome', 'lossReason', 'notes', 'tags', 'lifecycle', 'source', 'followups', 'timeline', 'createdAt', 'updatedAt', 'closedAt']);
const REQUIRED = ['version', 'id', 'conversation', 'salesperson', 'customer', 'outcome', 'notes', 'tags', 'followups', 'timeline', 'createdAt', 'updatedAt'];

/** True only for a plain record the case schema certainly accepts unchanged. */
export function isCertainlyCase(data: unknown): data is Case {
  if (!isRecord(data)) return false;
  let keys = 0;
  for (const key in data) {
    if (!CASE_KEYS.has(key)) return false;
    keys++;
  }
  let present = 0;
  for (const key of REQUIRED) if (key in data) present++;
  if (present !== REQUIRED.length) return false;
  const record = data as Record<string, unknown>;
  if (record.version !== CASE_VERSION || !isText(record.id, UUID_PATTERN)) return false;
  if (typeof record.conversation !== 'string' || typeof record.salesperson !== 'string' || typeof record.customer !== 'string' || typeof record.notes !== 'string') return false;
  if (!OUTCOME_SET.has(record.outcome)) return false;
  if (!isTime(record.createdAt) || !isTime(record.updatedAt)) return false;
  let optional = 0;
  if ('product' in record && (++optional, typeof record.product !== 'string')) return false;
  if ('amount' in record && (++optional, typeof record.amount !== 'number' || !Number.isFinite(record.amount) || record.amount < 0)) return false;
  if ('lossReason' in record && (++optional, record.outcome !== 'lost' || !isId(record.lossReason))) return false;
  if ('closedAt' in record && (++optional, !isTime(record.closedAt))) return false;
  if ('lifecycle' in record && (++optional, !STAGE_SET.has(record.lifecycle))) return false;
  if ('source' in record && (++optional, !isId(record.source))) return false;
  if (keys !== REQUIRED.length + optional) return false;
  if (!Array.isArray(record.tags) || !record.tags.every(isId)) return false;
  if (!Array.isArray(record.followups)) return false;
  for (const followup of record.followups) if (!isCertainlyFollowup(followup)) return false;
  if (!Array.isArray(record.timeline)) return false;
  for (const event of record.timeline) if (!isCertainlyEvent(event)) return false;
  return true;
}

/**
 * A drill result shares the case files (the browser exports both together) and is told apart
 * by `kind: "drill"`, which no case has. The drill reader in engine/ has the same test; this
 * folder may not import engine/, and the marker is all either needs.
 */
export function isDrillResultLine(data: object): boolean {
  return (data as { kind?: unknown }).kind === 'drill';
}

function isCertainlyEvent(event: unknown): boolean {
  if (!isRecord(event)) return false;
  let keys = 0;
  for (const _key in event) keys++;
  // An adapted insert and a tag change carry one more key, what was sent to a hosted model two more; any other count goes to zod.
  const adapted = event.type === 'inserted' && 'adapted' in event;
  if (keys !== (event.type === 'sent' ? 5 : adapted || event.type === 'tag' ? 4 : event.type === 'meeting' ? 2 : 3) || !isTime(event.at)) return false;
  switch (event.type) {
    case 'meeting': return true;
    case 'signal': return SIGNAL_SET.has(event.signal);
    case 'message': return INTENT_SET.has(event.intent);
    case 'step': return isId(event.step);
    case 'inserted': return isId(event.reply) && (!adapted || isAdapted(event.adapted));
    case 'suggested': return Array.isArray(event.replies) && event.replies.every(isId);
    case 'sent': return isId(event.reply) && typeof event.message === 'string' && isReplaced(event.replaced);
    case 'tag': return isId(event.tag) && typeof event.added === 'boolean';
    default: return false;
  }
}

function isCertainlyFollowup(value: unknown): boolean {
  if (!isRecord(value)) return false;
  let keys = 0;
  for (const _key in value) keys++;
  const snoozed = value.state === 'snoozed';
  if (keys !== (snoozed ? 5 : 4) || !FOLLOWUP_STATE_SET.has(value.state) || !isId(value.rule) || !isTime(value.due) || !isTime(value.at)) return false;
  return !snoozed || isTime(value.until);
}

function isAdapted(value: unknown): boolean {
  if (!isRecord(value)) return false;
  let keys = 0;
  for (const _key in value) keys++;
  return keys === 2 && (value.backend === 'openai-compatible' || value.backend === 'chrome-built-in') && typeof value.hosted === 'boolean';
}

function isReplaced(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) {
    const count = value[key];
    if (!DETAIL_KIND_SET.has(key) || typeof count !== 'number' || !Number.isInteger(count) || count < 1) return false;
  }
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function isText(value: unknown, pattern: RegExp): boolean {
  return typeof value === 'string' && pattern.test(value);
}

// Reply and step ids repeat across thousands of cases: ids that passed are remembered (bounded).
const knownIds = new Set<string>();
const REMEMBERED_IDS = 50_000;

function isId(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (knownIds.has(value)) return true;
  if (!ID_PATTERN.test(value)) return false;
  if (knownIds.size >= REMEMBERED_IDS) knownIds.clear();
  knownIds.add(value);
  return true;
}

// A customer message and the step it moved the chat to share their time: check it once.
let lastTime = '';

function isTime(value: unknown): boolean {
  if (value === lastTime) return true;
  if (!isText(value, TIME_PATTERN)) return false;
  lastTime = value as string;
  return true;
}
