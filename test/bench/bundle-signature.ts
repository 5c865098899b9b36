// Signing and verifying bundles (issue 17): what `closer build --sign` adds and what `closer verify`
// and the extension's import or hourly refresh spend on the signature, for the default playbooks
// and for generated bundles of 10,000 and 100,000 replies with their precompiled parts. The
// signature covers the whole bundle, so the time grows with its size (one canonical JSON and one
// SHA-256 over it; the Ed25519 step itself is constant). Printed, never asserted: the check runs
// at import and refresh time, never on a suggestion's path.
import { checkBundleSignature, contentHashOf, generateKeyPair, precompileBundle, signBundle, type Bundle } from '@closer/shared';
import { defaultBundle } from '../eval/evaluate.ts';
import { generatedBundle } from './_generated-bundle.ts';

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(work: () => unknown): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

const keys = generateKeyPair();
const base = await defaultBundle();
const sizes: [string, Bundle][] = [['default playbooks', base]];
for (const replies of [10_000, 100_000]) {
  const { precompiled: _none, ...unhashed } = generatedBundle(base, replies);
  sizes.push([`${replies.toLocaleString('en')} replies`, precompileBundle({ ...unhashed, hash: contentHashOf(unhashed) } as Bundle)]);
}
console.log(`bundle signatures: Ed25519 over the whole bundle minus its signature, median of ${RUNS}`);
for (const [name, bundle] of sizes) {
  const signed = signBundle(bundle, keys.privateKey);
  const text = JSON.stringify(signed);
  const sign = timed(() => signBundle(bundle, keys.privateKey));
  const verifyText = timed(() => checkBundleSignature(text, keys.publicKey));
  const ok = checkBundleSignature(text, keys.publicKey).ok;
  console.log(`  ${name.padEnd(18)} ${(text.length / 1e6).toFixed(1).padStart(6)} MB   sign ${sign.toFixed(0).padStart(5)} ms   verify from JSON text ${verifyText.toFixed(0).padStart(5)} ms   ${ok ? 'verified' : 'NOT VERIFIED'}`);
}
