import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Conversation } from '../../src/engine/conversation.ts';
import { suggestReplies, type Suggestion } from '../../src/engine/suggest.ts';
import { INTENTS } from '../../src/playbook/ids.ts';
import { parseCommandArgs, parseLanguage, parseLimit } from '../args.ts';
import { parseBatchLine, parseHistoryText } from '../conversation-input.ts';
import { EXIT, UsageError, type Command } from '../io.ts';
import { bundleForCommand } from '../load-bundle.ts';

export const suggest: Command = {
  name: 'suggest',
  usage: `closer suggest [--json] [--bundle FILE] [--history FILE] [--limit N] MESSAGE
closer suggest --jsonl [--bundle FILE] [--limit N] < messages.txt

Recognises what the customer is doing (${INTENTS.join(', ')}), where the chat stands on
the golden sales model and the step that comes next, and ranks the replies to send, each
with why. When the customer doubts, customer stories are ranked among the replies. When the
playbooks have no objection for the intent, says so and gives the method's principle for it.
Without --bundle, uses the repository's playbooks/ (with the core's base intent corpus).

Options:
  --json            print one JSON object:
                    {"intent", "intents": [{"intent", "score", "keyword", "example", "source"}],
                     "step", "next", "replies": [{"id", "text", "playbook", "score", "why"}]}
  --jsonl           read from standard input one line per message and print one JSON object a
                    line, in order. A line is the customer's message, or
                    {"message": "...", "history": ["earlier message", ...], "used": ["reply-id", ...],
                     "tags": ["tag-id", ...]} with history oldest first. A line that cannot be answered gets
                    {"line": N, "error": "what is wrong"}; the others are still answered.
  --history FILE    the customer's earlier messages in this chat, oldest first: one a line,
                    or a JSON list of strings
  --bundle FILE     a bundle written by "closer build"
  --limit N         how many replies (default 5)
  --lang LANG       the language of the replies: zh-CN or en (default: the message's)
  --used IDS        comma-separated ids of replies already used in this chat
  --tags IDS        comma-separated ids of the customer's tags (customerTags): a tag of the
                    entry tier gets the ladder's lower rung offered on a price objection
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
      tags: { type: 'string' },
      set: { type: 'string', multiple: true },
      history: { type: 'string' },
    });
    const limit = parseLimit(values.limit, 5);
    const language = parseLanguage(values.lang);
    const variables = parseValues(values.set ?? []);
    const used = (values.used ?? '').split(',').map((id) => id.trim()).filter(Boolean);
    const tags = (values.tags ?? '').split(',').map((id) => id.trim()).filter(Boolean);
    if (values.jsonl && positionals.length > 0) throw new UsageError('--jsonl reads messages from standard input; give no MESSAGE');
    if (!values.jsonl && positionals.length === 0) throw new UsageError('missing MESSAGE: the customer message to answer');
    if (values.jsonl && values.history) throw new UsageError('--history is for one MESSAGE; in --jsonl give each line its own "history"');
    let history: string[] = [];
    if (values.history) {
      const read = await readHistory(values.history, io.cwd);
      if ('error' in read) {
        io.stderr(`closer suggest: ${values.history}: ${read.error}\n`);
        return EXIT.problems;
      }
      history = read.messages;
    }
    const bundle = await bundleForCommand(values.bundle, io);
    if ('problem' in bundle) {
      io.stderr(`closer suggest: ${bundle.problem}\n`);
      return EXIT.problems;
    }
    const answer = (message: string, conversation: Conversation): Suggestion =>
      suggestReplies(message, conversation, bundle, { limit, language, values: variables });
    if (values.jsonl) {
      let number = 0;
      for await (const line of io.lines()) {
        number++;
        const input = parseBatchLine(line, used, tags);
        io.stdout(JSON.stringify('error' in input ? { line: number, error: input.error } : contractJson(answer(input.message, input.conversation), limit)) + '\n');
      }
      return EXIT.ok;
    }
    const suggestion = answer(positionals.join(' '), { usedReplies: used, customerMessages: history, tags });
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

/** The --history file's messages, or why it cannot be used. */
async function readHistory(file: string, cwd: string): Promise<{ messages: string[] } | { error: string }> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : `cannot be read (${code ?? (error as Error).message})` };
  }
  const parsed = parseHistoryText(text);
  return Array.isArray(parsed) ? { messages: parsed } : parsed;
}

/** The JSON of the contract (DESIGN.md); when the customer doubts, stories are ranked among the replies. */
export function contractJson(suggestion: Suggestion, limit: number) {
  const replies = [
    ...suggestion.replies.map(({ id, text, playbook, score, why }) => ({ id, text, playbook, score, why })),
    ...suggestion.stories.map(({ id, text, playbook, score, why }) => ({ id, text, playbook, score, why })),
  ].sort((a, b) => b.score - a.score);
  return {
    intent: suggestion.intent,
    // The evidence stays, so an author can see why: the keyword found, the example resembled and whose it is.
    intents: suggestion.intents.map(({ intent, score, keyword, example, source, objection }) => ({
      intent,
      score,
      ...(keyword ? { keyword } : {}),
      ...(example ? { example, source } : {}),
      ...(objection ? { objection } : {}),
    })),
    step: suggestion.step,
    next: suggestion.nextStep,
    ...(suggestion.uncovered ? { uncovered: suggestion.uncovered } : {}),
    replies: suggestion.stories.length > 0 ? replies.slice(0, limit) : replies,
  };
}

function formatSuggestion(suggestion: Suggestion): string {
  const top = suggestion.intents[0]!;
  const evidence = top.keyword ? ` — “${top.keyword}”` : top.example ? ` — like “${top.example}”${top.source === 'base' ? ' (base corpus)' : ''}` : '';
  const lines = [`intent: ${top.intent} (${top.score.toFixed(2)})${evidence}`];
  lines.push(`also:   ${suggestion.intents.slice(1, 3).map(({ intent, score }) => `${intent} ${score.toFixed(2)}`).join(', ')}`);
  if (suggestion.step) lines.push(`step:   ${suggestion.step}${suggestion.nextStep ? ` → next: ${suggestion.nextStep}` : ''}`);
  lines.push('');
  if (suggestion.uncovered) lines.push(`the playbooks have no objection for ${suggestion.uncovered.intent}; the method says:`, `   ${suggestion.uncovered.principle}`, '');
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
