// The drills a bundle offers: the ones its playbooks write, or, when none is written, one
// generated from the team's objections and their example messages, walking the golden model's
// steps in order (small talk to open, then what the customer weighs, the buying signal, the doubt).
import type { Bundle } from '../../playbook/bundle.ts';
import { localText } from '../../playbook/local-text.ts';
import type { Drill, DrillTurn, GoldenStep, Intent, Language, LocalText, Objection } from '../../playbook/schema.ts';
import { CJK } from '../text.ts';

export const GENERATED_DRILL = 'generated';

// The golden model's order of what a customer does, with the step each one puts the chat in.
const WALK: readonly { intent: Intent; step: GoldenStep }[] = [
  { intent: 'other', step: 'icebreak' },
  { intent: 'price', step: 'consider' },
  { intent: 'comparison', step: 'consider' },
  { intent: 'hesitation', step: 'consider' },
  { intent: 'buy_signal', step: 'ask_close' },
  { intent: 'doubt', step: 'resolve_doubt' },
];
const VARIANTS = 3;

export interface BundleDrill {
  drill: Drill;
  /** The playbook it is written in; undefined for the generated one. */
  playbook?: string;
}

export type DrillsOf = { drills: BundleDrill[] } | { drills: []; missing: string };

/** The written drills of a bundle, or the generated one; `missing` says why there is none. */
export function drillsOf(bundle: Bundle, language: Language = 'zh-CN'): DrillsOf {
  const written = bundle.playbooks.flatMap(({ playbook }) => (playbook.drills ?? []).filter((drill) => drill.turns.length > 0).map((drill) => ({ drill, playbook: playbook.id })));
  if (written.length > 0) return { drills: written };
  const generated = generateDrill(bundle, language);
  return 'missing' in generated ? { drills: [], missing: generated.missing } : { drills: [{ drill: generated.drill }] };
}

/** A drill from the bundle's objections: the first of each intent, in the golden model's order, with its example messages. */
export function generateDrill(bundle: Bundle, language: Language = 'zh-CN'): { drill: Drill } | { missing: string } {
  const objections = bundle.playbooks.flatMap(({ playbook }) => playbook.objections ?? []);
  const zh = language === 'zh-CN';
  if (objections.length === 0) {
    return { missing: zh ? '这套话术没有异议（objections），模拟客户无话可说：先写异议和客户的例句，或写一个练习（drills）。' : 'this bundle has no objections, so the simulated customer has nothing to say: write objections with example customer messages, or a drill.' };
  }
  const turns: DrillTurn[] = [];
  for (const { intent, step } of WALK) {
    const objection = objections.find((candidate) => candidate.intent === intent && examplesIn(candidate, language).length > 0);
    if (!objection) continue;
    const [first, ...rest] = examplesIn(objection, language);
    turns.push({ step, intent, customer: first!, ...(rest.length > 0 ? { variants: rest.slice(0, VARIANTS) } : {}) });
  }
  if (turns.length === 0) {
    return { missing: zh ? '这套话术的异议没有中文的客户例句（triggers.examples），模拟客户无话可说。' : 'no objection of this bundle has an example customer message in English (triggers.examples), so the simulated customer has nothing to say.' };
  }
  return {
    drill: {
      id: GENERATED_DRILL,
      title: zh ? { 'zh-CN': '按黄金销售模型走一遍' } : 'A walk along the golden sales model',
      persona: zh ? '一位从打招呼到下单都按常见顺序走的客户，说的话来自团队写的异议例句。' : 'A customer who goes the usual way from hello to the order, in the words of the team’s own example messages.',
      turns,
    },
  };
}

function examplesIn(objection: Objection, language: Language): string[] {
  return (objection.triggers.examples ?? []).filter((example) => example.trim() !== '' && CJK.test(example) === (language === 'zh-CN'));
}

/** The customer's words of a turn for a run: the message or one of its variants, chosen by the run's seed so a run can be replayed. */
export function customerLine(turn: DrillTurn, language: Language, seed = 0): string {
  const options: LocalText[] = [turn.customer, ...(turn.variants ?? [])];
  const chosen = options[Math.abs(Math.floor(seed)) % options.length]!;
  return localText(chosen, language);
}
