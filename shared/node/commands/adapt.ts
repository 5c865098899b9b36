import {
  approvedReply, bundleReplies, chatCompletionsBody, chatCompletionsUrl, completionText, failedAdaptation, isLocalEndpoint, judgeCompletion,
  prepareAdaptation, suggestReplies, type AdaptationOutcome,
} from '../../src/index.ts';
import { parseCommandArgs, parseLanguage } from '../args.ts';
import { EXIT, UsageError, type Command } from '../io.ts';
import { bundleForCommand } from '../load-bundle.ts';

const DEFAULT_TIMEOUT_SECONDS = 8;

export const adapt: Command = {
  name: 'adapt',
  usage: `closer adapt [--json] --endpoint URL [--model M] [--reply ID] [--bundle FILE] MESSAGE

Asks a model behind an OpenAI-compatible chat-completions endpoint (Ollama, llama.cpp server,
vLLM, LM Studio, a hosted service) to adapt an approved reply to the customer's message, then
checks the answer mechanically: every number, price, discount, date, link, phone and variable
value kept and none added, no new guarantee or superlative, within the reply's bounds, in the
customer's language, no order from the customer's message obeyed. A rejected adaptation falls
back to the approved text, with the reasons. An endpoint that is not on this computer or the
local network gets personal details replaced by placeholders (put back after).
Without --reply, the top suggested reply is adapted. Without --bundle, the repository's playbooks/.

Options:
  --json            print {"reply", "original", "adapted", "accepted", "reasons": [...]}
  --endpoint URL    the endpoint's base URL, e.g. http://127.0.0.1:11434/v1 (Ollama)
  --model M         the model name (default: "default")
  --key KEY         an API key, sent as a bearer token (or set CLOSER_ADAPT_KEY)
  --reply ID        the approved reply to adapt
  --bundle FILE     a bundle written by "closer build"
  --lang LANG       the language to adapt into: zh-CN or en (default: the message's)
  --set NAME=VALUE  a value for a {{variable}}; repeatable
  --name NAME       the customer's name, as the chat shows it
  --timeout SECONDS how long to wait for the model (default ${DEFAULT_TIMEOUT_SECONDS})
  -h, --help        show this help
Exit code: 0 the model answered (accepted or not), 1 no answer (the endpoint failed, timed out,
or the bundle cannot be used), 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      endpoint: { type: 'string' },
      model: { type: 'string' },
      key: { type: 'string' },
      reply: { type: 'string' },
      bundle: { type: 'string' },
      lang: { type: 'string' },
      set: { type: 'string', multiple: true },
      name: { type: 'string' },
      timeout: { type: 'string' },
    });
    if (!values.endpoint) throw new UsageError('missing --endpoint URL: the OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1');
    if (!/^https?:\/\/[^/\s]+/i.test(values.endpoint)) throw new UsageError(`--endpoint must be an http:// or https:// URL, not "${values.endpoint}"`);
    if (positionals.length === 0) throw new UsageError("missing MESSAGE: the customer's message to adapt the reply to");
    const seconds = values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) throw new UsageError(`--timeout must be a number of seconds from 0 to 600, not "${values.timeout}"`);
    const language = parseLanguage(values.lang);
    const variables: Record<string, string> = {};
    for (const pair of values.set ?? []) {
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--set takes NAME=VALUE, not "${pair}"`);
      variables[pair.slice(0, at)] = pair.slice(at + 1);
    }
    const message = positionals.join(' ');
    const bundle = await bundleForCommand(values.bundle, io);
    if ('problem' in bundle) {
      io.stderr(`closer adapt: ${bundle.problem}\n`);
      return EXIT.problems;
    }
    const replyId = values.reply ?? suggestReplies(message, {}, bundle, { limit: 1, values: variables, ...(language ? { language } : {}) }).replies[0]?.id;
    const entry = bundleReplies(bundle).find((candidate) => candidate.reply.id === replyId);
    if (!entry) {
      io.stderr(values.reply ? `closer adapt: no reply "${values.reply}" in the bundle\n` : 'closer adapt: no reply is suggested for this message\n');
      return EXIT.problems;
    }
    const approved = approvedReply(entry, variables);
    const prepared = prepareAdaptation({
      approved: approved.approved,
      customerMessage: message,
      values: approved.values,
      hosted: !isLocalEndpoint(values.endpoint),
      ...(approved.bounds !== undefined ? { bounds: approved.bounds } : {}),
      ...(language ? { language } : {}),
      ...(values.name ? { customerName: values.name } : {}),
    });
    let outcome: AdaptationOutcome;
    let answered = true;
    if (approved.bounds === false) {
      // The playbook forbids it: the model is not even asked.
      outcome = failedAdaptation(approved.approved, { check: 'adapt-allowed', code: 'adapt-allowed.verbatim-only', params: [], message: 'the playbook says this reply is sent word for word (adapt: false)' });
    } else {
      const completion = await askModel(values.endpoint, values.model ?? 'default', values.key ?? process.env.CLOSER_ADAPT_KEY, prepared.messages, seconds);
      if ('error' in completion) {
        answered = false;
        outcome = failedAdaptation(approved.approved, { check: 'endpoint', code: 'endpoint.failed', params: [completion.error], message: completion.error });
      } else outcome = judgeCompletion(prepared, completion.text);
    }
    const result = { reply: entry.reply.id, original: outcome.original, adapted: outcome.adapted, accepted: outcome.accepted, reasons: outcome.reasons.map((reason) => reason.message) };
    if (values.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
    else {
      io.stdout(`reply:    ${result.reply}\noriginal: ${result.original}\n`);
      if (result.adapted !== null) io.stdout(`adapted:  ${result.adapted}\n`);
      io.stdout(result.accepted ? 'accepted: the adaptation passes every check\n' : `rejected: ${result.reasons.join('; ')}\n          the approved text is used instead\n`);
    }
    return answered ? EXIT.ok : EXIT.problems;
  },
};

/**
 * One chat-completions request with Node's own fetch: the protocol is one POST and one JSON
 * answer, so a client library would add a dependency without adding anything the CLI needs.
 */
async function askModel(endpoint: string, model: string, key: string | undefined, messages: unknown[], seconds: number): Promise<{ text: string } | { error: string }> {
  const url = chatCompletionsUrl(endpoint);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), seconds * 1000);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(chatCompletionsBody(model, messages as never)),
      signal: controller.signal,
    });
    const body = await response.text();
    return completionText(response.status, body);
  } catch (error) {
    if (controller.signal.aborted) return { error: `the model did not answer within ${seconds} s` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { error: `cannot reach ${url}${cause?.code ? ` (${cause.code})` : cause?.message ? ` (${cause.message})` : ''}` };
  } finally {
    clearTimeout(timer);
  }
}
