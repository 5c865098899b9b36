import { didYouMean } from '../../closest.ts';
import { repliesOf } from '../items.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

export const followupSend: LintRule = {
  id: 'followup-send',
  description: 'A follow-up rule sends a reply or a story of the playbooks, so the text a salesperson sends is approved.',
  acrossFiles: true,
  check: ({ valid }) => {
    const sendable = new Set(valid.flatMap(({ playbook }) => [...repliesOf(playbook).map(({ reply }) => reply.id), ...(playbook.stories ?? []).map((story) => story.id)]));
    return valid.flatMap(({ parsed, playbook }) =>
      (playbook.followups?.rules ?? []).flatMap((rule, r) =>
        sendable.has(rule.send)
          ? []
          : [diagnosticAt(parsed, ['followups', 'rules', r, 'send'], 'error', 'followup-send',
              `follow-up "${rule.id}" sends "${rule.send}", which is neither a reply nor a story of the playbooks${didYouMean(rule.send, sendable)}`)],
      ),
    );
  },
};
