import { didYouMean } from '../../closest.ts';
import { allSends } from '../../local-send.ts';
import { repliesOf } from '../items.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

export const followupSend: LintRule = {
  id: 'followup-send',
  description: 'A follow-up rule sends a reply or a story of the playbooks (in each language it names one for), so the text a salesperson sends is approved.',
  acrossFiles: true,
  check: ({ valid }) => {
    const sendable = new Set(valid.flatMap(({ playbook }) => [...repliesOf(playbook).map(({ reply }) => reply.id), ...(playbook.stories ?? []).map((story) => story.id)]));
    return valid.flatMap(({ parsed, playbook }) =>
      (playbook.followups?.rules ?? []).flatMap((rule, r) =>
        allSends(rule.send).flatMap(({ language, id }) =>
          sendable.has(id)
            ? []
            : [diagnosticAt(parsed, ['followups', 'rules', r, 'send', ...(language ? [language] : [])], 'error', 'followup-send',
                `follow-up "${rule.id}" sends "${id}"${language ? ` in ${language}` : ''}, which is neither a reply nor a story of the playbooks${didYouMean(id, sendable)}`)],
        ),
      ),
    );
  },
};
