// A development aid: each missed chat of a dev set of chats, message by message, with the intent
// the classifier gave it, its cue and the state the chat moves into. Only for the sets one may
// study (test/fixtures/eval/README.md): steps.tsv, steps-fresh.tsv and test/fixtures/dev/.
// Run: npx tsx test/eval/steps-trace.ts FILE [--all]
import path from 'node:path';
import { chatCueOf, classifyMessage, conversationState, type Intent } from '@closer/shared';
import { defaultBundle, readStepSet, STEPS_HOLDOUT, teamMinimalBundle } from './evaluate.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx test/eval/steps-trace.ts FILE [--all] [--team]');
if (path.resolve(file) === STEPS_HOLDOUT) throw new Error(`${file} is held out: only npm run eval measures it`);
const bundle = process.argv.includes('--team') ? await teamMinimalBundle() : await defaultBundle();
const intentOf = (message: string): { intent: Intent; score: number } => classifyMessage(message, bundle).intents[0]!;
let right = 0;
const chats = readStepSet(path.resolve(file));
for (const { step, messages, line } of chats) {
  const trace: string[] = [];
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i]!;
    const found = intentOf(message);
    const state = conversationState(bundle, { customerMessages: messages.slice(0, i) }, { message, ...found }, intentOf);
    trace.push(`    ${found.intent.padEnd(10)} ${found.score.toFixed(2)} ${chatCueOf(message).padEnd(8)} → ${state.step.padEnd(13)} ${message}`);
  }
  const predicted = conversationState(bundle, { customerMessages: messages.slice(0, -1) }, { message: messages.at(-1)!, ...intentOf(messages.at(-1)!) }, intentOf).step;
  if (predicted === step) right++;
  if (predicted !== step || process.argv.includes('--all')) console.log(`${path.basename(file)}:${line}  ${step} → ${predicted}\n${trace.join('\n')}`);
}
console.log(`\n${right}/${chats.length} = ${((right / chats.length) * 100).toFixed(1)}%`);
