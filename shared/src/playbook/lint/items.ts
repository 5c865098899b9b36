import type { Path } from '../parse.ts';
import type { Playbook, Reply } from '../schema.ts';

export interface ItemAt {
  kind: 'playbook' | 'objection' | 'sequence' | 'step' | 'story' | 'reply' | 'guide' | 'drill' | 'tag' | 'followup' | 'rung';
  id: string;
  path: Path;
}

export interface ReplyAt {
  reply: Reply;
  path: Path;
}

/** Every reply of a playbook, wherever it is written, with its path in the file. */
export function repliesOf(playbook: Playbook): ReplyAt[] {
  const found: ReplyAt[] = [];
  playbook.objections?.forEach((objection, o) =>
    objection.replies.forEach((reply, r) => found.push({ reply, path: ['objections', o, 'replies', r] })),
  );
  playbook.sequences?.forEach((sequence, s) =>
    sequence.steps.forEach((step, t) =>
      step.replies?.forEach((reply, r) => found.push({ reply, path: ['sequences', s, 'steps', t, 'replies', r] })),
    ),
  );
  playbook.replies?.forEach((reply, r) => found.push({ reply, path: ['replies', r] }));
  return found;
}

/** Every item with an id (objections, sequences, steps, stories, replies, guides, drills, customer tags, follow-up rules, ladder rungs); ids share one namespace. */
export function itemsOf(playbook: Playbook): ItemAt[] {
  const items: ItemAt[] = [];
  playbook.objections?.forEach((objection, o) => items.push({ kind: 'objection', id: objection.id, path: ['objections', o] }));
  playbook.sequences?.forEach((sequence, s) => {
    items.push({ kind: 'sequence', id: sequence.id, path: ['sequences', s] });
    sequence.steps.forEach((step, t) => items.push({ kind: 'step', id: step.id, path: ['sequences', s, 'steps', t] }));
  });
  playbook.stories?.forEach((story, s) => items.push({ kind: 'story', id: story.id, path: ['stories', s] }));
  playbook.guides?.forEach((guide, g) => items.push({ kind: 'guide', id: guide.id, path: ['guides', g] }));
  playbook.drills?.forEach((drill, d) => items.push({ kind: 'drill', id: drill.id, path: ['drills', d] }));
  for (const { reply, path } of repliesOf(playbook)) items.push({ kind: 'reply', id: reply.id, path });
  playbook.customerTags?.forEach((tag, t) => items.push({ kind: 'tag', id: tag.id, path: ['customerTags', t] }));
  playbook.followups?.rules.forEach((rule, r) => items.push({ kind: 'followup', id: rule.id, path: ['followups', 'rules', r] }));
  playbook.ladder?.rungs.forEach((rung, r) => items.push({ kind: 'rung', id: rung.id, path: ['ladder', 'rungs', r] }));
  return items;
}
