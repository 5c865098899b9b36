import type { Language, SearchResult, StepView, Suggestion, VariableField } from '../requests.ts';
import type { Conversation } from './store.ts';

// TEMPORARY: a keyword matcher over the bundle so the extension works end to end until the core's
// loadBundle / classifyMessage / suggestReplies / search land; then this file only adapts their
// answers into the panel's view (requests.ts).

type Text = string | { 'zh-CN': string; en?: string };
interface Reply { id: string; label: string; text: string }
interface Playbook {
  id: string;
  variables?: Record<string, { label: Text; default?: string }>;
  objections?: { id: string; intent: string; title: Text; principle: Text; triggers: { keywords?: string[]; examples?: string[] }; replies: Reply[] }[];
  sequences?: { id: string; title: Text; steps: { id: string; title: Text; goal: Text; intents?: string[]; next?: string; replies?: Reply[] }[] }[];
  stories?: { id: string; title: Text; background: Text; problem: Text; solution: Text; feeling: { before: Text; after: Text } }[];
}
interface Bundle { format: string; version: number; hash: string; playbooks: { file: string; playbook: Playbook; lines: Record<string, number> }[] }

export class BundleError extends Error {}

function localText(value: Text | undefined, lang: Language): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : ((lang === 'en' ? value.en : undefined) ?? value['zh-CN']);
}

function render(text: string, variables: Record<string, { default?: string }>, values: Record<string, string>) {
  const missing: string[] = [];
  const out = text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = values[name]?.trim() || variables[name]?.default;
    if (value === undefined) missing.push(name);
    return value ?? '';
  });
  return { text: out, missing };
}

export interface Engine {
  hash: string;
  playbookIds: string[];
  replyCount: number;
  variables(lang: Language, defaults: Record<string, string>, values: Record<string, string>): VariableField[];
  suggest(text: string, conversation: Conversation, values: Record<string, string>, lang: Language): Suggestion;
  search(query: string, filter: { intent?: string; step?: string }, lang: Language): SearchResult;
}

/** Checks a bundle and prepares it; throws BundleError with the reason when it is not one. */
export function loadEngine(input: string): Engine {
  let bundle: Bundle;
  try {
    bundle = JSON.parse(input) as Bundle;
  } catch (error) {
    throw new BundleError(`not JSON: ${(error as Error).message}`);
  }
  if (bundle?.format !== 'closer-bundle') throw new BundleError('not a Closer bundle (format is not "closer-bundle")');
  if (bundle.version !== 1) throw new BundleError(`unsupported bundle version ${String(bundle.version)}; this extension reads version 1`);
  if (!Array.isArray(bundle.playbooks)) throw new BundleError('malformed bundle: "playbooks" is not a list');
  const books = bundle.playbooks.map((entry) => entry.playbook);
  const variables = Object.assign({}, ...books.map((book) => book.variables ?? {})) as Record<string, { label: Text; default?: string }>;
  const objections = books.flatMap((book) => book.objections ?? []);
  const golden = books.flatMap((book) => book.sequences ?? []).find((sequence) => sequence.id === 'golden');
  const stories = books.flatMap((book) => book.stories ?? []);

  const stepView = (id: string | undefined, lang: Language): StepView | null => {
    const step = golden?.steps.find((candidate) => candidate.id === id);
    return step ? { id: step.id, title: localText(step.title, lang), goal: localText(step.goal, lang) } : null;
  };

  return {
    hash: bundle.hash,
    playbookIds: books.map((book) => book.id),
    replyCount: objections.reduce((sum, objection) => sum + objection.replies.length, 0),
    variables(lang, defaults, values) {
      return Object.entries(variables).map(([name, variable]) => ({
        name,
        label: localText(variable.label, lang),
        fallback: defaults[name] ?? variable.default ?? '',
        value: values[name] ?? '',
      }));
    },
    suggest(text, conversation, values, lang) {
      const lower = text.toLowerCase();
      const scored = objections
        .map((objection) => {
          const hits = (objection.triggers.keywords ?? []).filter((keyword) => lower.includes(keyword.toLowerCase()));
          return { objection, hits };
        })
        .filter((entry) => entry.hits.length > 0)
        .sort((a, b) => b.hits.length - a.hits.length);
      const best = scored[0];
      const intent = best?.objection.intent ?? 'other';
      const step = golden?.steps.find((candidate) => candidate.intents?.includes(intent));
      const replies = (best?.objection.replies ?? [])
        .map((reply, index) => {
          const filled = render(reply.text, variables, values);
          return { id: reply.id, label: reply.label, text: filled.text, missing: filled.missing, score: 1 - index * 0.1, why: localText(best!.objection.principle, lang) };
        })
        .sort((a, b) => Number(conversation.used.includes(a.id)) - Number(conversation.used.includes(b.id)));
      return {
        message: text,
        intent,
        intents: [{ intent, score: best ? 1 : 0 }],
        evidence: best?.hits ?? [],
        step: stepView(step?.id, lang),
        next: stepView(step?.next, lang),
        replies,
        stories:
          intent === 'doubt'
            ? stories.map((story) => ({
                id: story.id,
                title: localText(story.title, lang),
                background: localText(story.background, lang),
                problem: localText(story.problem, lang),
                solution: localText(story.solution, lang),
                before: localText(story.feeling.before, lang),
                after: localText(story.feeling.after, lang),
              }))
            : [],
      };
    },
    search(query, filter, lang) {
      const needle = query.trim().toLowerCase();
      const hits = objections
        .filter((objection) => !filter.intent || objection.intent === filter.intent)
        .flatMap((objection) =>
          objection.replies.map((reply) => ({
            id: reply.id,
            title: reply.label,
            text: reply.text,
            category: objection.intent,
            score: 1,
            principle: localText(objection.principle, lang),
            file: '',
          })),
        )
        .filter((hit) => !needle || `${hit.title} ${hit.text}`.toLowerCase().includes(needle));
      return {
        hits,
        intents: [...new Set(objections.map((objection) => objection.intent))],
        steps: (golden?.steps ?? []).map((step) => ({ id: step.id, title: localText(step.title, lang), goal: localText(step.goal, lang) })),
      };
    },
  };
}
