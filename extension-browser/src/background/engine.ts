import {
  bundleReplies,
  checkPrecompiled,
  classifyMessage,
  defaultIn,
  GOLDEN_SEQUENCE,
  GOLDEN_STEP_NAMES,
  GOLDEN_STEPS,
  INTENT_PRINCIPLES,
  loadBundle,
  localText,
  openBundle,
  precompiledNotice,
  preparationSteps,
  searchEntries,
  searchPlaybooks,
  suggestReplies,
  variableNames,
  type Bundle,
  type BundledReply,
  type GoldenStep,
  type Intent,
  type Language,
  type Sequence,
  type Story,
  type Variable,
} from '@closer/shared';
import type { SearchHit, SearchResult, StepView, StoryView, Suggestion, VariableField } from '../requests.ts';
import type { Conversation } from './store.ts';

// Adapts the core's answers (loadBundle, suggestReplies, search) into what the panel shows
// (requests.ts). Nothing is decided here that the core decides: the CLI, VS Code and the panel agree.

export { BundleError } from '@closer/shared';

export interface Engine {
  hash: string;
  /** The bundle itself, for what reads it whole (the team's adaptation policy, a reply to adapt). */
  bundle: Bundle;
  playbookIds: string[];
  replyCount: number;
  /** Set when the bundle's indexes are rebuilt on each start (no precompiled part this Closer reads): why, for Settings. */
  notice?: string;
  /** The checks a trusted load left out (schema, hash): throws the BundleError loadBundle would. */
  verify(): void;
  variables(lang: Language, defaults: Record<string, string>, values: Record<string, string>): VariableField[];
  /**
   * Builds the indexes every suggestion needs now (the core's prepareSuggestions) and classifies
   * these messages (the core keeps the last ones classified); suggestions stay the same. Between
   * its parts it waits for `between`, in which other work (storage's answers) can run.
   */
  prepareSuggestions(messages: readonly string[], between: () => Promise<void>): Promise<void>;
  /** tags: the customer's accepted tag ids (the profile), for the product ladder. */
  suggest(text: string, conversation: Conversation, values: Record<string, string>, lang: Language, tags?: readonly string[]): Suggestion;
  search(query: string, filter: { intent?: string; step?: string }, lang: Language): SearchResult;
}

function stepView(sequence: Sequence | undefined, id: string | null, lang: Language): StepView | null {
  const step = sequence?.steps.find((candidate) => candidate.id === id);
  if (step) return { id: step.id, title: localText(step.title, lang), goal: localText(step.goal, lang) };
  // A team bundle without a golden sequence: the method's own names for its steps.
  const named = id && (GOLDEN_STEPS as readonly string[]).includes(id) ? GOLDEN_STEP_NAMES[id as GoldenStep][lang] : undefined;
  return named ? { id: id!, ...named } : null;
}

function storyView(story: Story, lang: Language): StoryView {
  return {
    id: story.id,
    title: localText(story.title, lang),
    background: localText(story.background, lang),
    problem: localText(story.problem, lang),
    solution: localText(story.solution, lang),
    before: localText(story.feeling.before, lang),
    after: localText(story.feeling.after, lang),
  };
}

/** The panel's variable fields: every variable any playbook declares, first declaration wins. */
function declaredVariables(bundle: Bundle): [string, Variable][] {
  const seen = new Map<string, Variable>();
  for (const { playbook } of bundle.playbooks) {
    for (const [name, variable] of Object.entries(playbook.variables ?? {})) if (!seen.has(name)) seen.set(name, variable);
  }
  return [...seen];
}

/**
 * Checks a bundle (the core's loadBundle: format, version, schema, hash; and every precompiled
 * part read back) and prepares it. A `trusted` bundle, one checked completely before (stored at
 * import, or shipped in the extension), is only opened: its schema and hash are left to `verify`,
 * which the worker runs in idle time, off the first answer's path.
 */
export function loadEngine(input: string | object, options: { trusted?: boolean } = {}): Engine {
  const opened = options.trusted ? openBundle(input) : { bundle: loadBundle(input), verify: () => {} };
  const { bundle } = opened;
  if (!options.trusted) checkPrecompiled(bundle);
  const notice = precompiledNotice(bundle);
  const sequences = bundle.playbooks.flatMap(({ playbook }) => playbook.sequences ?? []);
  // The same choice the engine makes: the golden model, else the first sequence.
  const golden = sequences.find((sequence) => sequence.id === GOLDEN_SEQUENCE) ?? sequences[0];
  const stories = new Map(bundle.playbooks.flatMap(({ playbook }) => (playbook.stories ?? []).map((story) => [story.id, story] as const)));
  const replies = bundleReplies(bundle);
  const variables = declaredVariables(bundle);
  const sourceText = new Map(replies.map((entry) => [entry.reply.id, entry.reply.text]));

  return {
    bundle,
    hash: bundle.hash,
    playbookIds: bundle.playbooks.map((entry) => entry.playbook.id),
    replyCount: replies.length,
    ...(notice ? { notice } : {}),
    verify: opened.verify,
    variables(lang, defaults, values) {
      return variables.map(([name, variable]) => ({
        name,
        label: localText(variable.label, lang),
        // The panel's language: a per-language default shows the one its replies would get.
        fallback: defaults[name] ?? defaultIn(variable.default, lang) ?? '',
        value: values[name] ?? '',
      }));
    },
    async prepareSuggestions(messages, between) {
      for (const step of [...preparationSteps(bundle), ...messages.map((message) => () => void classifyMessage(message, bundle))]) {
        await between();
        step();
      }
    },
    suggest(text, conversation, values, lang, tags = []) {
      // The stored messages end with this one when it was recorded; the engine wants the earlier ones.
      const earlier = conversation.messages.map((message) => message.text);
      if (earlier.at(-1) === text) earlier.pop();
      const result = suggestReplies(text, { customerMessages: earlier, usedReplies: conversation.used, tags }, bundle, { values });
      const top = result.intents[0];
      const evidence = [...new Set([top?.keyword, top?.example].filter((item): item is string => Boolean(item)))];
      return {
        message: text,
        intent: result.intent,
        intents: result.intents.map(({ intent, score }) => ({ intent, score })),
        evidence: result.intent === 'other' ? [] : evidence,
        step: stepView(golden, result.step, lang),
        next: stepView(golden, result.nextStep, lang),
        ...(result.uncovered ? { uncovered: { intent: result.uncovered.intent, principle: INTENT_PRINCIPLES[result.uncovered.intent as keyof typeof INTENT_PRINCIPLES][lang] } } : {}),
        replies: result.replies.map(({ id, label, text: filled, why, missing, score }) => ({ id, label, text: filled, why, missing, score })),
        variables: [...new Set(result.replies.flatMap((reply) => [...variableNames(sourceText.get(reply.id) ?? '')]))],
        stories: result.stories.flatMap((suggested) => {
          const story = stories.get(suggested.id);
          return story ? [storyView(story, lang)] : [];
        }),
      };
    },
    search(query, filter, lang) {
      return searchBundle(bundle, replies, golden, query, filter, lang);
    },
  };
}

const SEARCH_POOL = 300;
const SEARCH_SHOWN = 40;

/**
 * The engine's search, narrowed by intent and step. An empty query lists everything in playbook
 * order, so a new hire can browse. Each hit carries the principle behind it for the detail view.
 */
function searchBundle(
  bundle: Bundle,
  replies: BundledReply[],
  golden: Sequence | undefined,
  query: string,
  filter: { intent?: string; step?: string },
  lang: Language,
): SearchResult {
  const principles = new Map<string, string>();
  const stepsOfReply = new Map<string, Set<string>>();
  for (const entry of replies) {
    const principle = entry.objection?.principle ?? entry.step?.goal;
    if (principle && !principles.has(entry.reply.id)) principles.set(entry.reply.id, localText(principle, lang));
    if (entry.step) stepsOfReply.set(entry.reply.id, new Set([entry.step.id]));
  }
  const intents = new Set<Intent>();
  for (const { playbook } of bundle.playbooks) {
    for (const objection of playbook.objections ?? []) {
      intents.add(objection.intent);
      principles.set(objection.id, localText(objection.principle, lang));
    }
    for (const sequence of playbook.sequences ?? []) {
      for (const step of sequence.steps) {
        principles.set(step.id, localText(step.goal, lang));
        for (const id of step.uses ?? []) stepsOfReply.set(id, (stepsOfReply.get(id) ?? new Set()).add(step.id));
      }
    }
  }
  const found = query.trim()
    ? searchPlaybooks(query, bundle, { limit: SEARCH_POOL, language: lang })
    : searchEntries(bundle).map((entry) => ({ ...entry, title: localText(entry.title, lang), text: localText(entry.text, lang), score: 0 }));
  const hits: SearchHit[] = found
    .filter((hit) => !filter.intent || hit.category === filter.intent)
    .filter((hit) => !filter.step || hit.category === filter.step || stepsOfReply.get(hit.id)?.has(filter.step))
    .slice(0, SEARCH_SHOWN)
    .map((hit) => ({
      id: hit.id,
      title: hit.title,
      text: hit.text,
      category: hit.category,
      score: hit.score,
      principle: principles.get(hit.id) ?? '',
      file: hit.file,
      line: hit.line,
    }));
  return {
    hits,
    intents: [...intents],
    steps: (golden?.steps ?? []).map((step) => ({ id: step.id, title: localText(step.title, lang), goal: localText(step.goal, lang) })),
  };
}
