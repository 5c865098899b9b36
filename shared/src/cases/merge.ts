// Merging case files from several salespeople (or the same file twice). For one id the newest
// copy's fields win and the timelines are united, so nothing recorded anywhere is lost.
// The merge is idempotent, commutative and associative: merging again changes nothing.
import { canonicalJson } from '../hash.ts';
import type { Case, CaseEvent } from './case.ts';

export function mergeCases(...lists: readonly (readonly Case[])[]): Case[] {
  const byId = new Map<string, Case>();
  for (const list of lists) {
    for (const record of list) {
      const earlier = byId.get(record.id);
      byId.set(record.id, earlier ? combine(earlier, record) : record);
    }
  }
  const merged = [...byId.values()].map((record) => (isNormal(record.timeline) ? record : { ...record, timeline: normalTimeline(record.timeline) }));
  // Sorted by creation, then id, so the result never depends on the order of the inputs.
  const keyed = merged.map((record) => ({ time: Date.parse(record.createdAt), record }));
  keyed.sort((a, b) => a.time - b.time || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  return keyed.map(({ record }) => record);
}

function combine(a: Case, b: Case): Case {
  const winner = newer(a, b) ? a : b;
  return { ...winner, timeline: [...a.timeline, ...b.timeline] };
}

/** Newest `updatedAt` wins; equal times are settled by content, so the order of the inputs never matters. */
function newer(a: Case, b: Case): boolean {
  const difference = Date.parse(a.updatedAt) - Date.parse(b.updatedAt);
  if (difference !== 0) return difference > 0;
  return fieldsKey(a) >= fieldsKey(b);
}

function fieldsKey(record: Case): string {
  const { timeline: _timeline, ...fields } = record;
  return canonicalJson(fields);
}

/** Events in time order, each once. */
function normalTimeline(timeline: readonly CaseEvent[]): CaseEvent[] {
  const keyed = new Map<string, { time: number; event: CaseEvent }>();
  for (const event of timeline) keyed.set(eventKey(event), { time: Date.parse(event.at), event });
  return [...keyed.entries()]
    .sort(([keyA, a], [keyB, b]) => a.time - b.time || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .map(([, { event }]) => event);
}

/** Already in time order with each event once: the usual case, checked without sorting. */
function isNormal(timeline: readonly CaseEvent[]): boolean {
  for (let index = 1; index < timeline.length; index++) {
    const a = timeline[index - 1]!;
    const b = timeline[index]!;
    const order = compareTimes(a.at, b.at);
    if (order > 0 || (order === 0 && eventKey(a) >= eventKey(b))) return false;
  }
  return true;
}

// Times written by Closer are UTC with milliseconds and compare as text; others are parsed.
function compareTimes(a: string, b: string): number {
  if (a.length === 24 && b.length === 24 && a.endsWith('Z') && b.endsWith('Z')) return a < b ? -1 : a > b ? 1 : 0;
  return Date.parse(a) - Date.parse(b);
}

function eventKey(event: CaseEvent): string {
  switch (event.type) {
    case 'message': return `${event.at}|message|${event.intent}`;
    case 'step': return `${event.at}|step|${event.step}`;
    case 'suggested': return `${event.at}|suggested|${event.replies.join(',')}`;
    case 'inserted': return `${event.at}|inserted|${event.reply}`;
  }
}
