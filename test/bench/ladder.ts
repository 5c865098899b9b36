// The ladder's cost in the suggestions (a plain tsx script, run by `npm run bench`): suggestion
// latency on the default playbooks for the held-out messages without tags and with a tag of the
// entry tier (the lower rung is looked up on every price objection). Figures are printed, never asserted.
import { suggestReplies } from '@closer/shared';
import { defaultBundle, readIntentSet } from '../eval/evaluate.ts';

const bundle = await defaultBundle();
const messages = readIntentSet().map((row) => row.message);

function p(run: (message: string) => unknown): { p50: number; p95: number; cpu: number } {
  for (const message of messages) run(message);
  const samples: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let round = 0; round < 3; round++) {
    for (const message of messages) {
      const start = performance.now();
      run(message);
      samples.push(performance.now() - start);
    }
  }
  const cpu = process.cpuUsage(cpuStart).user / 1000 / samples.length;
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length / 2)]!, p95: samples[Math.floor(samples.length * 0.95)]!, cpu };
}

const plain = p((message) => suggestReplies(message, {}, bundle));
let offered = 0;
const tagged = p((message) => {
  const suggestion = suggestReplies(message, { tags: ['means_little'] }, bundle);
  if (suggestion.replies.some((reply) => reply.rung)) offered++;
});
const row = (name: string, figures: typeof plain) => `${name.padEnd(28)} p50 ${figures.p50.toFixed(3)} ms  p95 ${figures.p95.toFixed(3)} ms  cpu ${figures.cpu.toFixed(3)} ms`;
console.log(`Ladder in the suggestions: ${messages.length} held-out messages, default playbooks (target: well under 5 ms a suggestion)`);
console.log(row('without tags', plain));
console.log(row('tagged "little to spend"', tagged));
console.log(`the lower rung was offered on ${offered / 4} of ${messages.length} messages (the price objections)`);
