import {
  customerLine,
  drillsOf,
  GOLDEN_STEPS,
  INTENTS,
  localText,
  scoreDrill,
  type Bundle,
  type Drill,
  type DrillAnswer,
  type DrillScore,
  type Language,
  type ScoredTurn,
} from '../../src/index.ts';
import { parseCommandArgs, parseLanguage } from '../args.ts';
import { EXIT, UsageError, type Command, type Io } from '../io.ts';
import { bundleForCommand } from '../load-bundle.ts';

export const drill: Command = {
  name: 'drill',
  usage: `closer drill [--bundle FILE] [--drill ID] [--lang LANG] [--each] [--seed N]
closer drill score --jsonl [--bundle FILE] [--drill ID] < transcript.jsonl

Plays a practice drill in the terminal: the simulated customer writes, you type your reply
(one line) and the drill goes on; at the end (or after each turn with --each) the score out of
100, every point with its reason, the best approved reply and the principle beside your words.
The drill is one the playbooks write (drills:), or, when none is written, one made from the
objections' example messages along the golden model. Without --bundle, the repository's playbooks/.

"score --jsonl" scores a transcript instead: one turn a line, in order,
{"customer": "...", "reply": "..."} (optionally "seconds", "intent", "step"), and prints one
JSON object {"turns": [{"intent", "step", "score", "why": [...], "best"}...], "total": 0..100}.
A line that cannot be read gets {"line": N, "error": "what is wrong"} in its place and is not scored.

Options:
  --bundle FILE  a bundle written by "closer build"
  --drill ID     which drill to play, or whose weights and time to answer to score with
  --lang LANG    the drill's language: zh-CN or en (default zh-CN when playing)
  --each         show each turn's score right after it
  --seed N       which of the customer's variants to use (default 0), to replay a run
  -h, --help     show this help
Exit code: 0 ok, 1 the bundle or playbooks cannot be used or have no drill, 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      jsonl: { type: 'boolean' },
      bundle: { type: 'string' },
      drill: { type: 'string' },
      lang: { type: 'string' },
      each: { type: 'boolean' },
      seed: { type: 'string' },
    });
    const language = parseLanguage(values.lang);
    const scoring = positionals[0] === 'score';
    if (positionals.length > (scoring ? 1 : 0)) throw new UsageError(`unexpected argument "${positionals[scoring ? 1 : 0]}"; the only subcommand is "score"`);
    if (scoring && !values.jsonl) throw new UsageError('"closer drill score" reads the transcript from standard input: give --jsonl');
    if (!scoring && values.jsonl) throw new UsageError('--jsonl is for "closer drill score"');
    const seed = values.seed === undefined ? 0 : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number from 0, not "${values.seed}"`);
    const bundle = await bundleForCommand(values.bundle, io);
    if ('problem' in bundle) {
      io.stderr(`closer drill: ${bundle.problem}\n`);
      return EXIT.problems;
    }
    const chosen = pickDrill(bundle, values.drill, language ?? 'zh-CN');
    if ('problem' in chosen) {
      if (scoring && values.drill === undefined) return scoreLines(io, bundle, undefined, language);
      io.stderr(`closer drill: ${chosen.problem}\n`);
      return EXIT.problems;
    }
    if (scoring) return scoreLines(io, bundle, chosen.drill, language);
    return play(io, bundle, chosen.drill, language ?? 'zh-CN', Boolean(values.each), seed);
  },
};

function pickDrill(bundle: Bundle, id: string | undefined, language: Language): { drill: Drill } | { problem: string } {
  const offered = drillsOf(bundle, language);
  if ('missing' in offered) return { problem: offered.missing };
  if (id === undefined) return { drill: offered.drills[0]!.drill };
  const found = offered.drills.find((entry) => entry.drill.id === id);
  if (found) return { drill: found.drill };
  return { problem: `no drill "${id}"; the drills are: ${offered.drills.map((entry) => entry.drill.id).join(', ')}` };
}

async function scoreLines(io: Io, bundle: Bundle, drill: Drill | undefined, language: Language | undefined): Promise<number> {
  const slots: ({ answer: DrillAnswer } | { line: number; error: string })[] = [];
  let number = 0;
  for await (const line of io.lines()) {
    number++;
    if (line.trim() === '') continue;
    const read = readTurnLine(line);
    slots.push('error' in read ? { line: number, error: read.error } : { answer: read });
  }
  const answers = slots.flatMap((slot) => ('answer' in slot ? [slot.answer] : []));
  const scored = scoreDrill(answers, bundle, { ...(drill ? { drill } : {}), ...(language ? { language } : {}) });
  let next = 0;
  const turns = slots.map((slot) => ('answer' in slot ? contractTurn(scored.turns[next++]!) : slot));
  io.stdout(JSON.stringify({ turns, total: scored.total }) + '\n');
  return EXIT.ok;
}

/** One line of a transcript, or what is wrong with it. */
export function readTurnLine(line: string): DrillAnswer | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'not JSON: a line is {"customer": "...", "reply": "..."}' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'a line is a JSON object {"customer": "...", "reply": "..."}' };
  const record = value as Record<string, unknown>;
  if (typeof record.customer !== 'string' || record.customer.trim() === '') return { error: '"customer" must be the customer\'s message, as text' };
  if (typeof record.reply !== 'string') return { error: '"reply" must be the reply, as text ("" for none)' };
  if (record.seconds !== undefined && (typeof record.seconds !== 'number' || !(record.seconds >= 0))) return { error: '"seconds" must be a number of seconds from 0' };
  if (record.intent !== undefined && !(INTENTS as readonly unknown[]).includes(record.intent)) return { error: `"intent" must be one of ${INTENTS.join(', ')}` };
  if (record.step !== undefined && !(GOLDEN_STEPS as readonly unknown[]).includes(record.step)) return { error: `"step" must be one of ${GOLDEN_STEPS.join(', ')}` };
  return {
    customer: record.customer,
    reply: record.reply,
    ...(record.seconds !== undefined ? { seconds: record.seconds as number } : {}),
    ...(record.intent !== undefined ? { intent: record.intent as DrillAnswer['intent'] } : {}),
    ...(record.step !== undefined ? { step: record.step as DrillAnswer['step'] } : {}),
  };
}

function contractTurn(turn: ScoredTurn) {
  return { intent: turn.intent, step: turn.step, score: turn.score, why: turn.why, ...(turn.best ? { best: turn.best.id } : {}) };
}

async function play(io: Io, bundle: Bundle, drill: Drill, language: Language, each: boolean, seed: number): Promise<number> {
  const zh = language === 'zh-CN';
  io.stdout(`${localText(drill.title, language)}\n`);
  if (drill.trade) io.stdout(`${zh ? '行业' : 'Trade'}: ${localText(drill.trade, language)}\n`);
  if (drill.persona) io.stdout(`${zh ? '客户' : 'Customer'}: ${localText(drill.persona, language)}\n`);
  io.stdout(zh ? `共 ${drill.turns.length} 轮；每轮输入一行回复，回车发给练习（不会发给任何人）。\n\n` : `${drill.turns.length} turns; type your reply on one line and press Enter to send it to the drill (it goes to nobody).\n\n`);
  const input = io.lines()[Symbol.asyncIterator]();
  const answers: DrillAnswer[] = [];
  for (const [index, turn] of drill.turns.entries()) {
    const customer = customerLine(turn, language, seed + index);
    io.stdout(`[${index + 1}/${drill.turns.length}] ${zh ? '客户' : 'Customer'}: ${customer}\n> `);
    const asked = Date.now();
    const next = await input.next();
    if (next.done) {
      io.stdout(zh ? `\n练习在第 ${index + 1} 轮提前结束。\n` : `\nThe drill ended early, at turn ${index + 1}.\n`);
      break;
    }
    answers.push({ customer, reply: next.value, intent: turn.intent, ...(turn.step ? { step: turn.step } : {}), seconds: (Date.now() - asked) / 1000 });
    if (each) printTurn(io, scoreDrill(answers, bundle, { drill, language }).turns.at(-1)!, language);
  }
  const score = scoreDrill(answers, bundle, { drill, language });
  if (!each) for (const turn of score.turns) printTurn(io, turn, language);
  printTotal(io, score, language);
  return EXIT.ok;
}

function printTurn(io: Io, turn: ScoredTurn, language: Language): void {
  const zh = language === 'zh-CN';
  io.stdout(`\n${zh ? '客户' : 'Customer'}: ${turn.customer}\n${zh ? '你' : 'You'}: ${turn.reply.length > 300 ? turn.reply.slice(0, 299) + '…' : turn.reply}\n`);
  io.stdout(`${zh ? '得分' : 'Score'} ${turn.score}/100\n`);
  for (const line of turn.why) io.stdout(`  · ${line}\n`);
  if (turn.best) io.stdout(`  ${zh ? '参考回复' : 'Approved reply'}: ${turn.best.text}\n`);
  io.stdout(`  ${zh ? '原则' : 'Principle'}: ${turn.principle}\n`);
}

function printTotal(io: Io, score: DrillScore, language: Language): void {
  io.stdout(language === 'zh-CN' ? `\n总分 ${score.total}/100（${score.turns.length} 轮）\n` : `\nTotal ${score.total}/100 (${score.turns.length} turns)\n`);
}
