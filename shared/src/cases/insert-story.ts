// Adding a promoted story to a playbook's text. The author's file is edited as text (their
// comments, order and quoting stay exactly as written), and the result is checked by parsing.
import { isMap, isSeq, parseDocument, stringify, type Pair, type YAMLSeq } from 'yaml';
import type { Story } from '../playbook/schema.ts';

export interface InsertedStory {
  /** The whole playbook text with the story added. */
  text: string;
  /** 1-based line of the new story's `- id:` line, to reveal it to the author. */
  line: number;
  /** The story's id, made unique within the playbook. */
  id: string;
}

/** A story as a YAML list item, indented for a `stories:` list. */
export function storyYaml(story: Story, indent = 2): string {
  const item = stringify([story], { lineWidth: 0 });
  const pad = ' '.repeat(indent);
  return item.split('\n').filter((line) => line !== '').map((line) => pad + line + '\n').join('');
}

/** The playbook text with `story` appended to its `stories:` list (created when missing). Throws when the text is not a playbook. */
export function insertStory(playbookText: string, story: Story): InsertedStory {
  const doc = parseDocument(playbookText);
  if (doc.errors.length > 0) throw new Error(`the playbook has YAML errors (${doc.errors[0]!.message.split('\n')[0]}); fix them before adding a story`);
  if (!isMap(doc.contents)) throw new Error('the file is not a playbook: its top level is not a mapping of keys');
  const id = uniqueId(story.id, doc.toJS() as { stories?: { id?: unknown }[] });
  const unique = { ...story, id };
  const pair = doc.contents.items.find((item) => String((item.key as { value?: unknown } | null)?.value) === 'stories') as Pair | undefined;
  const seq = pair && isSeq(pair.value) ? (pair.value as YAMLSeq) : undefined;

  let text: string;
  let offset: number;
  if (seq && !seq.flow && seq.items.length > 0 && seq.range) {
    // After the last item's line, at the indentation of the existing items.
    const start = seq.range[0];
    const indent = start - (playbookText.lastIndexOf('\n', start - 1) + 1);
    const lineEnd = playbookText.indexOf('\n', Math.max(0, seq.range[1] - 1));
    const head = lineEnd === -1 ? playbookText + '\n' : playbookText.slice(0, lineEnd + 1);
    offset = head.length;
    text = head + storyYaml(unique, indent) + (lineEnd === -1 ? '' : playbookText.slice(lineEnd + 1));
  } else if (!pair) {
    const base = playbookText === '' || playbookText.endsWith('\n') ? playbookText : playbookText + '\n';
    text = base + 'stories:\n';
    offset = text.length;
    text += storyYaml(unique, 2);
  } else {
    // `stories: []`, `stories:` with nothing or a flow list: rewrite it through the YAML document API.
    const items = seq ? seq.items.length : 0;
    const list = doc.createNode([...(seq ? (seq.toJS(doc) as unknown[]) : []), unique]) as YAMLSeq;
    list.flow = false;
    pair.value = list;
    text = doc.toString({ lineWidth: 0 });
    const written = parseDocument(text);
    const node = (written.get('stories') as YAMLSeq).items[items] as { range?: [number, number, number] };
    offset = node.range ? text.lastIndexOf('\n', node.range[0]) + 1 : text.length;
  }

  const check = parseDocument(text);
  const stories = (check.toJS() as { stories?: { id?: unknown }[] } | null)?.stories;
  if (check.errors.length > 0 || !Array.isArray(stories) || !stories.some((entry) => entry?.id === id)) {
    throw new Error('adding the story would break the playbook; add it by hand under "stories:"');
  }
  return { text, line: lineAt(text, offset), id };
}

function uniqueId(wanted: string, data: { stories?: { id?: unknown }[] } | null): string {
  const taken = new Set((data?.stories ?? []).map((entry) => entry?.id));
  if (!taken.has(wanted)) return wanted;
  let n = 2;
  while (taken.has(`${wanted}-${n}`)) n++;
  return `${wanted}-${n}`;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
