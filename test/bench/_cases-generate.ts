// Generates realistic case records for the cases benchmark and tests: a seeded random team of
// salespeople working through the golden model, with objections, replies and outcomes.
import { CASE_VERSION, GOLDEN_STEPS, INTENTS, LOSS_REASONS, type Case, type CaseEvent } from '@closer/shared';

/** A small deterministic generator (mulberry32), so every run measures the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REPLIES = Array.from({ length: 120 }, (_, index) => `reply-${index}`);
const SALESPEOPLE = ['alice', 'bo', 'chen', 'dana', 'eli', 'fang', 'gus', 'hui'];
const PRODUCTS = ['annual-plan', 'starter-kit', 'coaching', 'workshop'];

export function generateCases(count: number, seed = 7): Case[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  const cases: Case[] = [];
  for (let index = 0; index < count; index++) {
    const created = start + Math.floor(random() * 300 * 86_400_000);
    let time = created;
    const timeline: CaseEvent[] = [];
    const steps = 1 + Math.floor(random() * GOLDEN_STEPS.length);
    for (let step = 0; step < steps; step++) {
      time += Math.floor(random() * 3_600_000);
      timeline.push({ type: 'message', at: new Date(time).toISOString(), intent: pick(INTENTS) });
      timeline.push({ type: 'step', at: new Date(time).toISOString(), step: GOLDEN_STEPS[step]! });
      time += 30_000;
      timeline.push({ type: 'inserted', at: new Date(time).toISOString(), reply: pick(REPLIES) });
    }
    const roll = random();
    const outcome = roll < 0.15 ? 'open' : roll < 0.15 + 0.1 * steps ? 'won' : 'lost';
    const closed = new Date(time + Math.floor(random() * 7 * 86_400_000)).toISOString();
    cases.push({
      version: CASE_VERSION,
      id: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
      conversation: `https://chat.example.com/c/${index}`,
      salesperson: pick(SALESPEOPLE),
      customer: `customer-${hex(8)}`,
      product: pick(PRODUCTS),
      ...(outcome === 'won' ? { amount: 100 + Math.floor(random() * 5000) } : {}),
      outcome,
      ...(outcome === 'lost' ? { lossReason: pick(LOSS_REASONS) } : {}),
      notes: random() < 0.3 ? '客户开了两家店，最后选了年卡' : '',
      tags: [],
      followups: [],
      timeline,
      createdAt: new Date(created).toISOString(),
      updatedAt: outcome === 'open' ? new Date(time).toISOString() : closed,
      ...(outcome === 'open' ? {} : { closedAt: closed }),
    });
  }
  return cases;
}
