// Names declared in a playbook, read leniently from the plain YAML data so completion and hover
// keep working while the file does not yet match the schema.
import { LANGUAGES, localText, type Language, type ParsedPlaybook } from '@closer/shared';

type Data = Record<string, unknown>;

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): Data[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value['zh-CN'] === 'string') return localText(value as { 'zh-CN': string; en?: string }, 'zh-CN');
  return '';
}

/** The facts of several readings of a file, each once: the first reading's version of a name wins. */
export function uniqueFacts<T>(readings: readonly T[][], name: (fact: T) => string): T[] {
  const seen = new Set<string>();
  return readings.flat().filter((fact) => !seen.has(name(fact)) && Boolean(seen.add(name(fact))));
}

export interface VariableFact {
  name: string;
  label: string;
  /** The plain default (language undefined), or one per language as written. */
  defaults: { language?: Language; text: string }[];
}

function defaultsOf(value: unknown): VariableFact['defaults'] {
  if (typeof value === 'string') return [{ text: value }];
  if (!isRecord(value)) return [];
  return LANGUAGES.flatMap((language) => (typeof value[language] === 'string' ? [{ language, text: value[language] as string }] : []));
}

export function variablesOf(parsed: ParsedPlaybook): VariableFact[] {
  const variables = isRecord(parsed.data) ? parsed.data.variables : undefined;
  if (!isRecord(variables)) return [];
  return Object.entries(variables).map(([name, value]) => ({
    name,
    label: isRecord(value) ? text(value.label) : '',
    defaults: isRecord(value) ? defaultsOf(value.default) : [],
  }));
}

export interface StepFact {
  id: string;
  title: string;
  goal: string;
  sequence: string;
}

export function stepsOf(parsed: ParsedPlaybook): StepFact[] {
  const data = isRecord(parsed.data) ? parsed.data : {};
  return list(data.sequences).flatMap((sequence) =>
    list(sequence.steps)
      .filter((step) => typeof step.id === 'string')
      .map((step) => ({ id: step.id as string, title: text(step.title), goal: text(step.goal), sequence: String(sequence.id ?? '') })),
  );
}

export interface ReplyFact {
  id: string;
  label: string;
  text: string;
}

export function repliesOf(parsed: ParsedPlaybook): ReplyFact[] {
  const data = isRecord(parsed.data) ? parsed.data : {};
  const replies = [
    ...list(data.objections).flatMap((objection) => list(objection.replies)),
    ...list(data.sequences).flatMap((sequence) => list(sequence.steps).flatMap((step) => list(step.replies))),
    ...list(data.replies),
  ];
  return replies
    .filter((reply) => typeof reply.id === 'string')
    .map((reply) => ({ id: reply.id as string, label: text(reply.label), text: text(reply.text) }));
}

export interface TagFact {
  id: string;
  label: string;
}

export function tagsOf(parsed: ParsedPlaybook): TagFact[] {
  const tags = isRecord(parsed.data) ? parsed.data.tags : undefined;
  if (!isRecord(tags)) return [];
  return Object.entries(tags).map(([id, value]) => ({ id, label: isRecord(value) ? text(value.label) : '' }));
}

/** The intent of the objection at `index` of the document's objections, if it names one. */
export function objectionIntent(parsed: ParsedPlaybook, index: number): string | undefined {
  const data = isRecord(parsed.data) ? parsed.data : {};
  const objection = list(data.objections)[index];
  return typeof objection?.intent === 'string' ? objection.intent : undefined;
}
