import * as vscode from 'vscode';

export interface PlaybookSnippet {
  name: string;
  description: string;
  body: string;
}

/** Skeletons of the items an author adds most, each a list item ready to fill in. */
export function playbookSnippets(): PlaybookSnippet[] {
  return [
    {
      name: 'objection',
      description: vscode.l10n.t('A new objection: intent, principle, triggers and a first reply'),
      body: [
        '- id: ${1:new-objection}',
        '  intent: ${2|price,comparison,hesitation,doubt,buy_signal,other|}',
        '  title: ${3:What the customer says}',
        '  principle: ${4:Why the replies work}',
        '  triggers:',
        '    keywords: [${5:keyword}]',
        '    examples:',
        '      - ${6:A real customer message}',
        '  replies:',
        '    - id: ${7:$1-reply}',
        '      label: ${8:Short label}',
        '      text: ${9:What the salesperson sends}',
        '$0',
      ].join('\n'),
    },
    {
      name: 'reply',
      description: vscode.l10n.t('A new reply: id, label and text with {{variables}}'),
      body: ['- id: ${1:new-reply}', '  label: ${2:Short label}', '  text: ${3:What the salesperson sends}', '$0'].join('\n'),
    },
    {
      name: 'story',
      description: vscode.l10n.t('A new customer story: background, problem, solution, feeling'),
      body: [
        '- id: ${1:new-story}',
        '  title: ${2:Who it is about}',
        '  background: ${3:Who the customer was}',
        '  problem: ${4:The concrete problem they had}',
        '  solution: ${5:What you offered}',
        '  feeling:',
        '    before: ${6:How it was before}',
        '    after: ${7:How it felt after}',
        '$0',
      ].join('\n'),
    },
    {
      name: 'step',
      description: vscode.l10n.t('A new step of a sequence: title, goal, intents and a reply'),
      body: [
        '- id: ${1:new-step}',
        '  title: ${2:Step title}',
        '  goal: ${3:What this step should achieve}',
        '  intents: [${4|other,price,comparison,hesitation,doubt,buy_signal|}]',
        '  replies:',
        '    - id: ${5:$1-reply}',
        '      label: ${6:Short label}',
        '      text: ${7:What the salesperson sends}',
        '$0',
      ].join('\n'),
    },
  ];
}
