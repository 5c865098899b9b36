import * as vscode from 'vscode';
import type { Segment } from './yaml-context.ts';

export interface PlaybookSnippet {
  name: string;
  description: string;
  body: string;
  /** Where the snippet belongs: an item of the list under this key, or the whole file ('file'). */
  belongs: 'objections' | 'replies' | 'stories' | 'steps' | 'customerTags' | 'rules' | 'rungs' | 'file';
}

// A placeholder is selected when the cursor reaches it, and VS Code's auto-surround wraps a
// selection in the quote or brace typed over it: an author who typed `"` or `{{` over an unquoted
// placeholder got `"{{price}}…"}}"`. So prose placeholders are written inside their quotes (nothing
// to quote by hand), and a reply's text, where `{{` is typed most, is an empty stop: nothing is
// selected there, so nothing is wrapped.

/** Skeletons of the items an author adds most, each a list item ready to fill in, and a first playbook. */
export function playbookSnippets(): PlaybookSnippet[] {
  return [
    {
      name: 'playbook',
      description: vscode.l10n.t('A new playbook: id, title and a first objection with a reply'),
      belongs: 'file',
      body: [
        'id: ${1:my-playbook}',
        'title: "${2:What this playbook is for}"',
        'objections:',
        '  - id: ${3:new-objection}',
        '    intent: ${4|price,comparison,hesitation,doubt,buy_signal,other|}',
        '    title: "${5:What the customer says}"',
        '    principle: "${6:Why the replies work}"',
        '    triggers:',
        '      keywords: ["${7:keyword}"]',
        '      examples:',
        '        - "${8:A real customer message}"',
        '    replies:',
        '      - id: ${9:$3-reply}',
        '        label: "${10:Short label}"',
        '        text: "$11"',
        '$0',
      ].join('\n'),
    },
    {
      name: 'objection',
      description: vscode.l10n.t('A new objection: intent, principle, triggers and a first reply'),
      belongs: 'objections',
      body: [
        '- id: ${1:new-objection}',
        '  intent: ${2|price,comparison,hesitation,doubt,buy_signal,other|}',
        '  title: "${3:What the customer says}"',
        '  principle: "${4:Why the replies work}"',
        '  triggers:',
        '    keywords: ["${5:keyword}"]',
        '    examples:',
        '      - "${6:A real customer message}"',
        '  replies:',
        '    - id: ${7:$1-reply}',
        '      label: "${8:Short label}"',
        '      text: "$9"',
        '$0',
      ].join('\n'),
    },
    {
      name: 'reply',
      description: vscode.l10n.t('A new reply: id, label and text with {{variables}}'),
      belongs: 'replies',
      body: ['- id: ${1:new-reply}', '  label: "${2:Short label}"', '  text: "$3"', '$0'].join('\n'),
    },
    {
      name: 'story',
      description: vscode.l10n.t('A new customer story: background, problem, solution, feeling'),
      belongs: 'stories',
      body: [
        '- id: ${1:new-story}',
        '  title: "${2:Who it is about}"',
        '  background: "${3:Who the customer was}"',
        '  problem: "${4:The concrete problem they had}"',
        '  solution: "${5:What you offered}"',
        '  feeling:',
        '    before: "${6:How it was before}"',
        '    after: "${7:How it felt after}"',
        '$0',
      ].join('\n'),
    },
    {
      name: 'step',
      description: vscode.l10n.t('A new step of a sequence: title, goal, intents and a reply'),
      belongs: 'steps',
      body: [
        '- id: ${1:new-step}',
        '  title: "${2:Step title}"',
        '  goal: "${3:What this step should achieve}"',
        '  intents: [${4|other,price,comparison,hesitation,doubt,buy_signal|}]',
        '  replies:',
        '    - id: ${5:$1-reply}',
        '      label: "${6:Short label}"',
        '      text: "$7"',
        '$0',
      ].join('\n'),
    },
    {
      name: 'customer tag',
      description: vscode.l10n.t('A new customer tag: its group, label and a hint on when to use it'),
      belongs: 'customerTags',
      body: ['- id: ${1:new-tag}', '  parent: ${2:group-id}', '  label: "${3:What the salesperson reads}"', '  hint: "${4:When to use it}"', '$0'].join('\n'),
    },
    {
      name: 'follow-up rule',
      description: vscode.l10n.t('A new follow-up: after which event, how long after, which approved reply to send'),
      belongs: 'rules',
      body: [
        '- id: ${1:new-followup}',
        '  label: "${2:Why it is due}"',
        '  when: ${3|won,lost,hot_lead,meeting,idle|}',
        '  after: { days: ${4:1} }',
        '  send: ${5:reply-id}',
        '$0',
      ].join('\n'),
    },
    {
      name: 'ladder rung',
      description: vscode.l10n.t('A new rung of the product ladder: kind, price band, tier and the reply that offers it'),
      belongs: 'rungs',
      body: [
        '- id: ${1:new-rung}',
        '  label: "${2:The product}"',
        '  kind: ${3|lead_magnet,recorded,live,camp,community,coaching,consulting|}',
        '  price: { min: ${4:0}, max: ${5:99} }',
        '  tier: ${6|entry,middle,top|}',
        '  reply: ${7:reply-id}',
        '$0',
      ].join('\n'),
    },
  ];
}

/**
 * The snippets that fit the cursor's line: a list item's snippet where an item of that list
 * belongs (a line under the list's key, or a "- " typed in it), the playbook's skeleton at the
 * top of a file that has no keys yet.
 */
export function snippetsAt(parent: readonly Segment[], lineHasDash: boolean, fileIsEmpty: boolean): PlaybookSnippet[] {
  // With "- " typed, the parent ends in the item's index; without, in the list's key.
  const inList = lineHasDash ? parent.at(-1) === 0 : true;
  const list = lineHasDash ? parent.at(-2) : parent.at(-1);
  return playbookSnippets().filter((snippet) =>
    snippet.belongs === 'file' ? parent.length === 0 && !lineHasDash && fileIsEmpty : inList && list === snippet.belongs,
  );
}
