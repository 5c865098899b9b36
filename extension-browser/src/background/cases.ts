// Win/loss cases in the browser: recorded as the salesperson works (each new customer message's
// intent, the step, the replies suggested and inserted), marked won or lost in the Cases view,
// exported as JSON Lines (customer names aliased unless the user opts in) and imported back.
// The records are the core's Case, kept in PouchDB through sync/case-store.ts (one document a case,
// replicated to the team's CouchDB once the salesperson sets team sync up).
import {
  addEvent, aliasCases, canonicalJson, upgradeCase, editCase, formatCaseProblem, INTENTS, LOSS_REASONS, mergeCases, newCase, readCases, setOutcome, writeCases,
  type AdaptBackend, type Case, type CaseEvent, type Intent, type ReplacedDetails,
} from '@closer/shared';
import { exportDrillResults } from './drills.ts';
import { getConversation, getSetting, setSetting } from './store.ts';
import { allCaseRecords, caseRecordsById, casesOfConversation, casesOfCustomer, getStoredCase, putCaseRecords, putStoredCase, type StoredCase } from './sync/case-store.ts';

/** A case closed longer ago than this is left alone: a new message starts a new case. */
const REOPEN_WITHIN_MS = 24 * 60 * 60 * 1000;
/** How many cases the panel's list receives, newest first. */
const LIST_LIMIT = 2000;
const SUGGESTED_KEPT = 5;

export interface CaseChange {
  outcome?: Case['outcome'];
  amount?: number;
  lossReason?: string;
  notes?: string;
  customer?: string;
  product?: string;
}

export interface CaseProfile {
  salesperson: string;
  /** The team's own loss reasons, beside the built-in ones. */
  reasons: string[];
}

export async function caseProfile(): Promise<CaseProfile> {
  return { salesperson: (await getSetting<string>('salesperson')) ?? '', reasons: (await getSetting<string[]>('lossReasons')) ?? [] };
}

export async function setCaseProfile(change: Partial<CaseProfile>): Promise<void> {
  if (change.salesperson !== undefined) await setSetting('salesperson', change.salesperson.trim());
  if (change.reasons !== undefined) await setSetting('lossReasons', [...new Set(change.reasons.map((reason) => reason.trim()).filter(Boolean))]);
}

export async function allReasons(): Promise<string[]> {
  return [...new Set([...LOSS_REASONS, ...(await caseProfile()).reasons])];
}

/** Customer text never goes into a case; this digest only tells a new message from one already recorded. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(16);
}

/** The case a conversation's events go to: its newest, unless that one was closed long ago. */
async function currentCase(conversation: string, now: Date): Promise<StoredCase> {
  const stored = await casesOfConversation(conversation);
  const newest = stored.sort((a, b) => Date.parse(b.record.createdAt) - Date.parse(a.record.createdAt))[0];
  const closedLongAgo = newest?.record.closedAt !== undefined && now.getTime() - Date.parse(newest.record.closedAt) > REOPEN_WITHIN_MS;
  if (newest && !closedLongAgo) return newest;
  const { salesperson } = await caseProfile();
  const values = (await getConversation(conversation)).values;
  const record = newCase({ conversation, salesperson, customer: values.customer ?? values.name ?? '', product: values.product, now });
  return { id: record.id, conversation, record };
}

async function save(stored: StoredCase): Promise<void> {
  await putStoredCase(stored);
}

export interface SuggestionSeen {
  intent: string;
  step: { id: string } | null;
  replies: { id: string }[];
}

// Reading a conversation's case and writing it back are two steps; two messages of a new
// conversation arriving together (a chat switched in the page, and the panel reading it) would
// each make a case. Changes to cases therefore run one after another.
let pending: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const result = pending.then(work, work);
  pending = result.catch(() => undefined);
  return result;
}

/** A customer message the engine answered: its intent, the step, the replies offered. Once per message. */
export function recordSuggestion(conversation: string, text: string, suggestion: SuggestionSeen, now = new Date()): Promise<void> {
  return oneAtATime(() => recordSuggestionNow(conversation, text, suggestion, now));
}

async function recordSuggestionNow(conversation: string, text: string, suggestion: SuggestionSeen, now: Date): Promise<void> {
  if (!text.trim()) return;
  const stored = await currentCase(conversation, now);
  const seen = digest(text);
  if (stored.lastMessage === seen) return;
  const at = now.toISOString();
  let record = stored.record;
  if ((INTENTS as readonly string[]).includes(suggestion.intent)) record = addEvent(record, { type: 'message', at, intent: suggestion.intent as Intent });
  const lastStep = [...record.timeline].reverse().find((event): event is Extract<CaseEvent, { type: 'step' }> => event.type === 'step');
  if (suggestion.step && lastStep?.step !== suggestion.step.id) record = addEvent(record, { type: 'step', at, step: suggestion.step.id });
  if (suggestion.replies.length > 0) record = addEvent(record, { type: 'suggested', at, replies: suggestion.replies.slice(0, SUGGESTED_KEPT).map((reply) => reply.id) });
  await save({ ...stored, record, lastMessage: seen });
}

/** The salesperson inserted (or copied) a reply into the chat. */
export function recordInserted(conversation: string, reply: string, adapted?: { backend: AdaptBackend; hosted: boolean }, now = new Date()): Promise<void> {
  return oneAtATime(async () => {
    const stored = await currentCase(conversation, now);
    await save({ ...stored, record: addEvent(stored.record, { type: 'inserted', at: now.toISOString(), reply, ...(adapted ? { adapted } : {}) }) });
  });
}

/** A request to adapt a reply went to a hosted model: the message as it was sent (masked) and what was replaced. */
export function recordSent(conversation: string, reply: string, sent: { message: string; replaced: ReplacedDetails }, now = new Date()): Promise<void> {
  return oneAtATime(async () => {
    const stored = await currentCase(conversation, now);
    await save({ ...stored, record: addEvent(stored.record, { type: 'sent', at: now.toISOString(), reply, message: sent.message, replaced: sent.replaced }) });
  });
}

export async function listCases(conversation?: string): Promise<{ cases: Case[]; current: string | null; profile: CaseProfile; reasons: string[] }> {
  const cases = (await allCaseRecords()).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const current = conversation ? (cases.find((record) => record.conversation === conversation)?.id ?? null) : null;
  return { cases: cases.slice(0, LIST_LIMIT), current, profile: await caseProfile(), reasons: await allReasons() };
}

/** Mark the outcome or edit a case; `conversation` without `id` means "this chat's case" (made if needed). */
export function updateCase(target: { id?: string; conversation?: string }, change: CaseChange, now = new Date()): Promise<Case> {
  return oneAtATime(() => updateCaseNow(target, change, now));
}

async function updateCaseNow(target: { id?: string; conversation?: string }, change: CaseChange, now: Date): Promise<Case> {
  let stored = target.id ? await getStoredCase(target.id) : undefined;
  if (!stored && target.conversation) stored = await currentCase(target.conversation, now);
  if (!stored) throw new Error(`no case ${target.id ?? ''} here`);
  let record = stored.record;
  if (change.outcome !== undefined || change.amount !== undefined || change.lossReason !== undefined) {
    const outcome = change.outcome ?? record.outcome;
    if (change.lossReason !== undefined && !(await allReasons()).includes(change.lossReason)) throw new Error(`"${change.lossReason}" is not one of the team's loss reasons`);
    record = setOutcome(record, { outcome, amount: change.amount ?? record.amount, lossReason: change.lossReason, now });
  }
  const fields = Object.fromEntries(Object.entries({ notes: change.notes, customer: change.customer, product: change.product }).filter(([, value]) => value !== undefined));
  if (Object.keys(fields).length > 0) record = editCase(record, fields, now);
  await save({ ...stored, record });
  return record;
}

/** Every case kept here, in no order (follow-ups and the customer's stage look across all of them), as version 2. */
export async function allCases(): Promise<Case[]> {
  return allCaseRecords();
}

/**
 * The cases a chat's profile is made of: the chat's own, and when its customer has a name, every
 * case of that customer. Found through the store's index, not by reading every case, since the
 * profile is read on every suggestion and a salesperson keeps thousands of cases.
 */
export async function casesAround(conversation: string, customerOf: (own: Case[]) => string | Promise<string>): Promise<{ own: Case[]; customer: string; cases: Case[] }> {
  const own = (await casesOfConversation(conversation)).map((entry) => entry.record);
  const customer = await customerOf(own);
  return { own, customer, cases: customer === '' ? own : await casesOfCustomer(customer) };
}

/**
 * Changes one case with a pure edit (tags, follow-up states, a signal): `conversation` without `id`
 * means this chat's case (made if needed). An edit returning the same record writes nothing.
 */
export function editCaseRecord(target: { id?: string; conversation?: string }, edit: (record: Case) => Case, now = new Date()): Promise<Case> {
  return oneAtATime(async () => {
    let stored = target.id ? await getStoredCase(target.id) : undefined;
    if (!stored && target.conversation) stored = await currentCase(target.conversation, now);
    if (!stored) throw new Error(`no case ${target.id ?? ''} here`);
    // A case recorded before version 2 has no tags or follow-ups yet; the edit sees it upgraded.
    const before = upgradeCase(stored.record) as Case;
    const record = edit(before);
    if (record !== before) await save({ ...stored, record });
    return record;
  });
}

/**
 * Every case as JSON Lines, customer names aliased unless `keepNames`, then the drill results
 * (their customer is the simulated one, so there is no name to alias), so a team lead gets a
 * new hire's practice in the same file as the real chats; every case reader skips them.
 */
export async function exportCases(keepNames: boolean): Promise<{ text: string; count: number; drills: number }> {
  const stored = await allCaseRecords();
  // Cases recorded before the salesperson typed their name carry it from now on.
  const { salesperson } = await caseProfile();
  const cases = mergeCases(stored.map((record) => (record.salesperson || !salesperson ? record : { ...record, salesperson })));
  const drills = await exportDrillResults();
  return { text: writeCases(aliasCases(cases, { keepNames })) + drills.text, count: cases.length, drills: drills.count };
}

/** Merge a case file in: the same case keeps its newest copy, and nothing already here is lost. */
export async function importCases(text: string, source: string): Promise<{ added: number; updated: number; unchanged: number; problems: string[] }> {
  const read = readCases(text, source, { reasons: await allReasons() });
  const incoming = mergeCases(read.cases);
  const here = await caseRecordsById(incoming.map((record) => record.id));
  const writes: { record: Case; rev?: string; before?: string }[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const record of incoming) {
    const existing = here.get(record.id);
    if (!existing) {
      added++;
      writes.push({ record });
      continue;
    }
    const [merged] = mergeCases([existing.record], [record]);
    if (canonicalJson(merged) === canonicalJson(existing.record)) {
      unchanged++;
      continue;
    }
    updated++;
    writes.push({ record: merged!, rev: existing.rev, before: existing.record.conversation });
  }
  await putCaseRecords(writes);
  return { added, updated, unchanged, problems: read.problems.map(formatCaseProblem) };
}
