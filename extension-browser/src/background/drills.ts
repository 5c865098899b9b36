// Practice drills in the browser: the drills the bundle offers (the customer's words chosen for
// the run), the score of a played one from the core, and the results, kept in the worker's
// IndexedDB beside the cases and exported as JSON Lines the same way.
import { customerLine, drillsOf, DrillResultSchema, DRILL_RESULT_VERSION, localText, randomUuid, scoreDrill, type Bundle, type DrillResult } from '@closer/shared';
import type { DrillAnswerInput, DrillListView, DrillScoreView, Language } from '../requests.ts';
import { database, getSetting } from './store.ts';

/** The drills to offer, each turn's customer line picked by the run's seed, or what is missing. */
export function drillList(bundle: Bundle, lang: Language, seed: number): DrillListView {
  const offered = drillsOf(bundle, lang);
  if ('missing' in offered) return { drills: [], missing: offered.missing };
  return {
    drills: offered.drills.map(({ drill }) => ({
      id: drill.id,
      title: localText(drill.title, lang),
      ...(drill.trade ? { trade: localText(drill.trade, lang) } : {}),
      ...(drill.persona ? { persona: localText(drill.persona, lang) } : {}),
      seconds: drill.seconds ?? 90,
      turns: drill.turns.map((turn, index) => ({ customer: customerLine(turn, lang, seed + index), intent: turn.intent, ...(turn.step ? { step: turn.step } : {}) })),
    })),
  };
}

/** The core's score of the answers so far; with `save`, the finished run is kept as a result. */
export async function drillScore(bundle: Bundle, lang: Language, drillId: string, answers: DrillAnswerInput[], save: boolean, started: string): Promise<DrillScoreView> {
  const offered = drillsOf(bundle, lang);
  const drill = offered.drills.find((entry) => entry.drill.id === drillId)?.drill;
  if (!drill) throw new Error('missing' in offered ? offered.missing : `the bundle has no drill "${drillId}" any more: start again`);
  // The intent and step come from the drill as written, not from the panel.
  const played = answers.map((answer, index) => {
    const turn = drill.turns[index];
    return { ...answer, ...(turn ? { intent: turn.intent, ...(turn.step ? { step: turn.step } : {}) } : {}) };
  });
  const score = scoreDrill(played, bundle, { drill, language: lang });
  const view: DrillScoreView = {
    total: score.total,
    turns: score.turns.map((turn) => ({
      customer: turn.customer,
      reply: turn.reply,
      intent: turn.intent,
      step: turn.step,
      score: turn.score,
      checks: turn.checks.map(({ check, points, of, why }) => ({ check, points, of, why })),
      ...(turn.best ? { best: turn.best } : {}),
      principle: turn.principle,
    })),
  };
  if (!save) return view;
  const result: DrillResult = DrillResultSchema().parse({
    kind: 'drill',
    version: DRILL_RESULT_VERSION,
    id: randomUuid(),
    drill: drill.id,
    title: localText(drill.title, lang),
    salesperson: (await getSetting<string>('salesperson')) ?? '',
    started,
    finished: new Date().toISOString(),
    total: score.total,
    turns: score.turns.map((turn, index) => ({ customer: turn.customer, reply: turn.reply, intent: turn.intent, step: turn.step, score: turn.score, ...(answers[index]?.seconds !== undefined ? { seconds: answers[index]!.seconds } : {}) })),
  });
  await (await database()).put('drills', result);
  return { ...view, saved: result.id };
}

export async function listDrillResults(): Promise<DrillResult[]> {
  const results = await (await database()).getAll('drills');
  return results.sort((a, b) => a.finished.localeCompare(b.finished));
}

/** Every kept result as JSON Lines, oldest first, the format `closer` and VS Code's review read. */
export async function exportDrillResults(): Promise<{ text: string; count: number }> {
  const results = await listDrillResults();
  return { text: results.map((result) => JSON.stringify(result) + '\n').join(''), count: results.length };
}
