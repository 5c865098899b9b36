// The features of the playbooks' intent triggers, as the bundle carries them: working them out
// (n-grams and the sounds of every example and keyword, through the pinyin converter) is most of
// what building the intent model costs, and the rest of the model (weights, postings, naive Bayes
// counts) is quick arithmetic over them, so classify.ts rebuilds that part and reads these.
import { PrecompiledError, type PrecompiledIntent } from '../playbook/precompiled.ts';

const WHAT = 'the precompiled intent triggers';

/** Each trigger's features in order: a table of features, and per trigger a line of "feature:value" numbers. */
export function encodeTriggerFeatures(triggers: readonly ReadonlyMap<string, number>[]): PrecompiledIntent {
  const numbers = new Map<string, number>();
  const lines = triggers.map((features) =>
    [...features].map(([feature, value]) => {
      let at = numbers.get(feature);
      if (at === undefined) numbers.set(feature, (at = numbers.size));
      // String(number) is the shortest text that reads back as the same double.
      return `${at}:${value}`;
    }).join(' '),
  );
  return { count: triggers.length, features: [...numbers.keys()].join('\n'), triggers: lines.join('\n') };
}

/** The features of each trigger, in order; a PrecompiledError when the part does not add up. */
export function decodeTriggerFeatures(compiled: PrecompiledIntent): Map<string, number>[] {
  const features = compiled.features === '' ? [] : compiled.features.split('\n');
  const lines = compiled.count === 0 ? [] : compiled.triggers.split('\n');
  if (lines.length !== compiled.count) throw new PrecompiledError(`${WHAT} are cut short: ${lines.length} of ${compiled.count} triggers`);
  return lines.map((line, at) => {
    const map = new Map<string, number>();
    if (line === '') return map;
    for (const pair of line.split(' ')) {
      const colon = pair.indexOf(':');
      const feature = features[Number(pair.slice(0, colon))];
      const value = Number(pair.slice(colon + 1));
      if (colon <= 0 || feature === undefined || !Number.isFinite(value)) throw new PrecompiledError(`${WHAT} are damaged at trigger ${at + 1}: "${pair.slice(0, 40)}"`);
      map.set(feature, value);
    }
    return map;
  });
}
