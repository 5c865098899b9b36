// The playbooks' intent triggers as the intent model learns from them, and their compact form in
// a bundle. Collecting them (every example and keyword normalised, each once per intent, with its
// n-grams and sounds worked out through the pinyin converter) is most of what building the model
// costs; the rest (weights, postings, naive Bayes counts) is quick arithmetic, so classify.ts
// rebuilds that part over what the bundle carries.
import { PrecompiledError, type PrecompiledIntent } from '../playbook/precompiled.ts';
import { INTENTS, type Intent } from '../playbook/schema.ts';

/** An example or keyword of a team's objection, with its features. */
export interface TriggerText {
  intent: Intent;
  objection?: string;
  source: 'team' | 'base';
  text: string;
  features: Map<string, number>;
}

/** A keyword to look for in a message, as the author wrote it and normalised. */
export interface KeywordText {
  intent: Intent;
  objection: string;
  text: string;
  normalized: string;
}

export interface CollectedTriggers {
  triggers: TriggerText[];
  keywords: KeywordText[];
  /** Per intent, its triggers normalised, one a line, each once: to tell a negated keyword from a trigger phrase with a negator. */
  triggerText: Map<Intent, string>;
}

const WHAT = 'the precompiled intent triggers';

export function encodeTriggers(collected: CollectedTriggers): PrecompiledIntent {
  const numbers = new Map<string, number>();
  const pairs = (features: Map<string, number>): string =>
    [...features].map(([feature, value]) => {
      let at = numbers.get(feature);
      if (at === undefined) numbers.set(feature, (at = numbers.size));
      // String(number) is the shortest text that reads back as the same double.
      return `${at}:${value}`;
    }).join(' ');
  const triggers = collected.triggers.map((trigger): [number, string, string, string] => [INTENTS.indexOf(trigger.intent), trigger.objection ?? '', trigger.text, pairs(trigger.features)]);
  return {
    features: [...numbers.keys()].join('\n'),
    triggers,
    keywords: collected.keywords.map((keyword): [number, string, string, string] => [INTENTS.indexOf(keyword.intent), keyword.objection, keyword.text, keyword.normalized]),
    triggerText: Object.fromEntries(collected.triggerText),
  };
}

/** The triggers a bundle carries; a PrecompiledError when the part does not add up. */
export function decodeTriggers(compiled: PrecompiledIntent): CollectedTriggers {
  const features = compiled.features === '' ? [] : compiled.features.split('\n');
  const intentAt = (at: number, where: string): Intent => {
    const intent = INTENTS[at];
    if (intent === undefined) throw new PrecompiledError(`${WHAT} are damaged: ${where} names intent number ${at}`);
    return intent;
  };
  const triggers = compiled.triggers.map(([intent, objection, text, line], at): TriggerText => {
    const map = new Map<string, number>();
    if (line !== '') {
      for (const pair of line.split(' ')) {
        const colon = pair.indexOf(':');
        const feature = features[Number(pair.slice(0, colon))];
        const value = Number(pair.slice(colon + 1));
        if (colon <= 0 || feature === undefined || !Number.isFinite(value)) throw new PrecompiledError(`${WHAT} are damaged at trigger ${at + 1}: "${pair.slice(0, 40)}"`);
        map.set(feature, value);
      }
    }
    return { intent: intentAt(intent, `trigger ${at + 1}`), ...(objection ? { objection } : {}), source: 'team', text, features: map };
  });
  const keywords = compiled.keywords.map(([intent, objection, text, normalized], at): KeywordText => ({ intent: intentAt(intent, `keyword ${at + 1}`), objection, text, normalized }));
  const triggerText = new Map<Intent, string>();
  for (const [intent, text] of Object.entries(compiled.triggerText)) {
    if (!(INTENTS as readonly string[]).includes(intent)) throw new PrecompiledError(`${WHAT} are damaged: "${intent.slice(0, 40)}" is not an intent`);
    triggerText.set(intent as Intent, text);
  }
  return { triggers, keywords, triggerText };
}
