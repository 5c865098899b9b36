import { INTENTS, suggestReplies, type Conversation, type Suggestion } from '../../src/index.ts';
import { parseCommandArgs, parseLanguage, parseLimit } from '../args.ts';
import { EXIT, UsageError, type Command } from '../io.ts';
import { bundleForCommand } from '../load-bundle.ts';

export const suggest: Command = {
  name: 'suggest',
  summary: 'recognise the intent of a customer message and rank the replies to send',
  usage: `closer suggest [--json] [--bundle FILE] [--limit N] MESSAGE
closer suggest --jsonl [--bundle FILE] [--limit N] < messages.txt

Recognises what the customer is doing (${INTENTS.join(', ')}), where the chat stands on
the golden sales model, and ranks the replies to send, each with why.
When the customer doubts, customer stories are ranked among the replies.
Without --bundle, uses the repository's playbooks/.

Options:
  --json            print one JSON object:
                    {"intent", "intents": [{"intent", "score"}], "step", "replies": [{"id", "text", "playbook", "score", "why"}]}
  --jsonl           read messages from standard input, one a line, and print one JSON object a
                    line, in order; a line may also be {"message": "...", "used": ["reply-id", ...]}
  --bundle FILE     a bundle written by "closer build"
  --limit N         how many replies (default 5)
  --lang LANG       the language of the replies: zh-CN or en (default: the message's)
  --used IDS        comma-separated ids of replies already used in this chat
  --set NAME=VALUE  a value for a {{variable}}; repeatable
  -h, --help        show this help
Exit code: 0 ok, 1 the bundle or playbooks cannot be used, 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      bundle: { type: 'string' },
      limit: { type: 'string' },
      lang: { type: 'string' },
      used: { type: 'string' },
      set: { type: 'string', multiple: true },
    });
    const limit = parseLimit(values.limit, 5);
    const language = parseLanguage(values.lang);
    const variables = parseValues(values.set ?? []);
    const used = (values.used ?? '').split(',').map((id) => id.trim()).filter(Boolean);
    if (values.jsonl && positionals.length > 0) throw new UsageError('--jsonl reads messages from standard input; give no MESSAGE');
    if (!values.jsonl && positionals.length === 0) throw new UsageError('missing MESSAGE: the customer message to answer');
    const bundle = await bundleForCommand(values.bundle, io);
    if ('problem' in bundle) {
      io.stderr(`closer suggest: ${bundle.problem}\n`);
      return EXIT.problems;
    }
    const answer = (message: string, conversation: Conversation): Suggestion =>
      suggestReplies(message, conversation, bundle, { limit, language, values: variables });
    if (values.jsonl) {
      for await (const line of io.lines()) {
        const { message, conversation } = parseLine(line, used);
        io.stdout(JSON.stringify(contractJson(answer(message, conversation), limit)) + '\n');
      }
      return EXIT.ok;
    }
    const suggestion = answer(positionals.join(' '), { usedReplies: used });
    if (values.json) io.stdout(JSON.stringify(contractJson(suggestion, limit), null, 2) + '\n');
    else io.stdout(formatSuggestion(suggestion));
    return EXIT.ok;
  },
};

function parseValues(pairs: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--set takes NAME=VALUE, not "${pair}"`);
    result[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return result;
}

/** A batch line is the message itself, or a JSON object with the message and the replies used so far. */
function parseLine(line: string, used: string[]): { message: string; conversation: Conversation } {
  if (line.trimStart().startsWith('{')) {
    try {
      const data = JSON.parse(line) as { message?: unknown; used?: unknown; customerMessages?: unknown };
      if (typeof data.message === 'string') {
        const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
        return { message: data.message, conversation: { usedReplies: [...used, ...strings(data.used)], customerMessages: strings(data.customerMessages) } };
      }
    } catch {
      // Not JSON after all: a customer may well type a brace.
    }
  }
  return { message: line, conversation: { usedReplies: used } };
}

/** The JSON of the contract (DESIGN.md); when the customer doubts, stories are ranked among the replies. */
export function contractJson(suggestion: Suggestion, limit: number) {
  const replies = [
    ...suggestion.replies.map(({ id, text, playbook, score, why }) => ({ id, text, playbook, score, why })),
    ...suggestion.stories.map(({ id, text, playbook, score, why }) => ({ id, text, playbook, score, why })),
  ].sort((a, b) => b.score - a.score);
  return {
    intent: suggestion.intent,
    intents: suggestion.intents.map(({ intent, score }) => ({ intent, score })),
    step: suggestion.step,
    replies: suggestion.stories.length > 0 ? replies.slice(0, limit) : replies,
  };
}

function formatSuggestion(suggestion: Suggestion): string {
  const top = suggestion.intents[0]!;
  const evidence = top.keyword ? ` — “${top.keyword}”` : top.example ? ` — like “${top.example}”` : '';
  const lines = [`intent: ${top.intent} (${top.score.toFixed(2)})${evidence}`];
  lines.push(`also:   ${suggestion.intents.slice(1, 3).map(({ intent, score }) => `${intent} ${score.toFixed(2)}`).join(', ')}`);
  if (suggestion.step) lines.push(`step:   ${suggestion.step}${suggestion.nextStep ? ` → next: ${suggestion.nextStep}` : ''}`);
  lines.push('');
  if (suggestion.replies.length === 0) lines.push('no replies: the playbooks have none for this');
  suggestion.replies.forEach((reply, index) => {
    lines.push(`${index + 1}. ${reply.label}  [${reply.id}, ${reply.score.toFixed(2)}]${reply.used ? ' (used)' : ''}`);
    lines.push(`   ${reply.text.replace(/\n/g, '\n   ')}`);
    lines.push(`   why: ${reply.why}   (${reply.file}:${reply.line})`);
    if (reply.missing.length > 0) lines.push(`   fill in: ${reply.missing.join(', ')}`);
  });
  if (suggestion.stories.length > 0) {
    lines.push('', 'stories to send:');
    for (const story of suggestion.stories) lines.push(`- ${story.title}  [${story.id}]  (${story.file}:${story.line})`, `   ${story.text.replace(/\n/g, '\n   ')}`);
  }
  return lines.join('\n') + '\n';
}
