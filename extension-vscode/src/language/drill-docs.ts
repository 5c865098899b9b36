// What completion and hover say inside a playbook's drills: a turn's step is one of the golden
// model's, named as the method names it, and a customer line is shown as the engine reads it,
// so an author sees at once a turn whose words would be scored against another intent.
import { GOLDEN_STEP_NAMES, GOLDEN_STEPS, localText, type GoldenStep, type Playbook } from '@closer/shared';
import type { Segment } from './yaml-context.ts';

export function isInDrill(parent: readonly Segment[]): boolean {
  return parent[0] === 'drills';
}

export function isGoldenStep(value: string): value is GoldenStep {
  return (GOLDEN_STEPS as readonly string[]).includes(value);
}

/** The golden steps, in order, with their names and goals, for a turn's `step:`. */
export function drillSteps(): { id: GoldenStep; title: string; goal: string }[] {
  return GOLDEN_STEPS.map((id) => ({ id, ...GOLDEN_STEP_NAMES[id].en, ...{ title: `${GOLDEN_STEP_NAMES[id].en.title} · ${GOLDEN_STEP_NAMES[id]['zh-CN'].title}` } }));
}

/** Whether the value at the cursor is what the simulated customer says (a turn's customer or one of its variants, in either form). */
export function isCustomerLine(parent: readonly Segment[], key: string | undefined): boolean {
  if (!isInDrill(parent)) return false;
  const names = [...parent.filter((segment): segment is string => typeof segment === 'string'), ...(key ? [key] : [])];
  const last = names.at(-1);
  if (last === 'customer' || last === 'variants') return true;
  return (last === 'zh-CN' || last === 'en') && (names.includes('customer') || names.includes('variants'));
}

/** The intent the drill gives the turn whose customer says `line`, if any. */
export function turnIntentOf(playbook: Playbook | undefined, line: string): string | undefined {
  for (const drill of playbook?.drills ?? []) {
    for (const turn of drill.turns) {
      const texts = [turn.customer, ...(turn.variants ?? [])].flatMap((text) => [localText(text, 'zh-CN'), localText(text, 'en')]);
      if (texts.includes(line)) return turn.intent;
    }
  }
  return undefined;
}
