import { didYouMean } from '../../closest.ts';
import type { Diagnostic } from '../../diagnostic.ts';
import type { ParsedPlaybook } from '../../parse.ts';
import type { Playbook } from '../../schema.ts';
import { repliesOf } from '../items.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

/** A reference whose target may be in another file: a reply a step uses, a story's tag. */
type Reference =
  | { kind: 'within'; diagnostic: Diagnostic }
  | { kind: 'reply'; id: string; step: string; path: (string | number)[] }
  | { kind: 'tag'; id: string; story: string; path: (string | number)[] };

interface FileReferences {
  parsed: ParsedPlaybook;
  replyIds: string[];
  tagIds: string[];
  /** In the order the rule reports them; a step's next step is in its own sequence, so already checked. */
  references: Reference[];
}

/**
 * Each file's ids and references, kept with its parse: an editor lints the whole workspace at
 * each keystroke but re-parses only the edited file, so only its references are listed again.
 */
const referencesByFile = new WeakMap<Playbook, FileReferences>();

function fileReferences(parsed: ParsedPlaybook, playbook: Playbook): FileReferences {
  const known = referencesByFile.get(playbook);
  if (known?.parsed === parsed) return known;
  const references: Reference[] = [];
  playbook.sequences?.forEach((sequence, s) => {
    const stepIds = sequence.steps.map((step) => step.id);
    sequence.steps.forEach((step, t) => {
      const at = ['sequences', s, 'steps', t] as const;
      if (step.next !== undefined && !stepIds.includes(step.next)) {
        references.push({ kind: 'within', diagnostic: diagnosticAt(parsed, [...at, 'next'], 'error', 'dangling-reference',
          `step "${step.id}" goes next to "${step.next}", which is not a step of sequence "${sequence.id}"${didYouMean(step.next, stepIds)}`) });
      }
      step.uses?.forEach((id, u) => references.push({ kind: 'reply', id, step: step.id, path: [...at, 'uses', u] }));
    });
  });
  playbook.stories?.forEach((story, s) =>
    story.tags?.forEach((tag, t) => references.push({ kind: 'tag', id: tag, story: story.id, path: ['stories', s, 'tags', t] })),
  );
  const found: FileReferences = {
    parsed,
    replyIds: repliesOf(playbook).map(({ reply }) => reply.id),
    tagIds: Object.keys(playbook.tags ?? {}),
    references,
  };
  referencesByFile.set(playbook, found);
  return found;
}

export const danglingReference: LintRule = {
  id: 'dangling-reference',
  description: "References must point at something that exists: a step's next step, the replies a step uses, a story's tags.",
  acrossFiles: true,
  check: ({ valid }) => {
    const files = valid.map(({ parsed, playbook }) => fileReferences(parsed, playbook));
    const replyIds = new Set(files.flatMap((file) => file.replyIds));
    const tagIds = new Set(files.flatMap((file) => file.tagIds));
    const diagnostics: Diagnostic[] = [];
    for (const { parsed, references } of files) {
      for (const reference of references) {
        if (reference.kind === 'within') diagnostics.push(reference.diagnostic);
        else if (reference.kind === 'reply' && !replyIds.has(reference.id)) {
          diagnostics.push(diagnosticAt(parsed, reference.path, 'error', 'dangling-reference',
            `step "${reference.step}" uses reply "${reference.id}", which does not exist${didYouMean(reference.id, replyIds)}`));
        } else if (reference.kind === 'tag' && !tagIds.has(reference.id)) {
          diagnostics.push(diagnosticAt(parsed, reference.path, 'error', 'dangling-reference',
            `story "${reference.story}" has tag "${reference.id}", which is not declared under "tags"${didYouMean(reference.id, tagIds)}`));
        }
      }
    }
    return diagnostics;
  },
};
