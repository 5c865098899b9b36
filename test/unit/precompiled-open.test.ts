// A start's cheaper reading of a precompiled part (issue 12, the cold start): openBundle checks the
// intent model's examples and keywords only to be lists, and the decoder checks each tuple as it
// reads it. A damaged tuple must still never give a wrong answer: a start rebuilds the model, the
// import check refuses the bundle at the tuple's path. The base64 reader (native where the
// language has it, a loop elsewhere) gives the same bytes and the same errors either way.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPrecompiled, loadBundle, openBundle, precompileBundle, suggestReplies, withPrecompiled, type Bundle } from '@closer/shared';
import { base64ToBytes, bytesToBase64 } from '../../shared/src/playbook/precompiled.ts';
import { engineBundle } from './engine-fixture.ts';

let plain: Bundle;
let precompiled: Bundle;

beforeAll(() => {
  plain = engineBundle();
  precompiled = precompileBundle(plain);
});

type Intent = { examples: unknown[]; keywords: unknown[] } & Record<string, unknown>;

/** The bundle with its intent part changed by `change`, hashed again, as a damaged store could hold it. */
function damaged(change: (intent: Intent) => void): Bundle {
  const parts = structuredClone(precompiled.precompiled) as { intent: Intent } & NonNullable<Bundle['precompiled']>;
  change(parts.intent);
  return withPrecompiled(plain, parts);
}

const damages: [string, (intent: Intent) => void, RegExp][] = [
  ['an example that is not a tuple', (intent) => void (intent.examples[0] = 'x'), /precompiled\.intent\.examples\.0/],
  ['an example with a text that is a number', (intent) => void ((intent.examples[1] as unknown[])[2] = 7), /precompiled\.intent\.examples\.1\.2/],
  ['a keyword cut short', (intent) => void (intent.keywords[0] = (intent.keywords[0] as unknown[]).slice(0, 3)), /precompiled\.intent\.keywords\.0/],
  ['a keyword with a negative intent', (intent) => void ((intent.keywords[0] as unknown[])[0] = -1), /precompiled\.intent\.keywords\.0\.0/],
];

describe('a start reading a precompiled intent model', () => {
  for (const [what, change, path] of damages) {
    it(`with ${what}: the import refuses it at its path, a start rebuilds and answers as a rebuilt model`, () => {
      const bundle = damaged(change);
      expect(() => loadBundle(JSON.stringify(bundle))).toThrow(path);
      const opened = openBundle(JSON.stringify(bundle)).bundle;
      const rebuilt = openBundle(JSON.stringify(plain)).bundle;
      for (const message of ['太贵了，能不能便宜点', '我再考虑一下', 'too expensive']) {
        expect(suggestReplies(message, {}, opened), message).toEqual(suggestReplies(message, {}, rebuilt));
      }
    });
  }

  it('an undamaged part reads as before: same answers as the model rebuilt from the playbooks', () => {
    const opened = openBundle(JSON.stringify(precompiled)).bundle;
    expect(() => checkPrecompiled(opened)).not.toThrow();
    const rebuilt = openBundle(JSON.stringify(plain)).bundle;
    expect(suggestReplies('太贵了', {}, opened)).toEqual(suggestReplies('太贵了', {}, rebuilt));
  });
});

describe('base64 of the precompiled parts', () => {
  it('reads back every length of bytes it wrote', () => {
    for (let size = 0; size < 40; size++) {
      const bytes = Uint8Array.from({ length: size }, (_, at) => (at * 37 + size) % 256);
      expect([...base64ToBytes(bytesToBase64(bytes), 'test')]).toEqual([...bytes]);
    }
  });

  it('refuses text that is not base64, naming the part and where', () => {
    expect(() => base64ToBytes('AAA', 'the part')).toThrow(/the part is cut short: its base64 is 3 characters/);
    expect(() => base64ToBytes('AA!A', 'the part')).toThrow(/the part is not base64 \(a stray character near position 0\)/);
    expect(() => base64ToBytes('AAAA AAA', 'the part')).toThrow(/the part is not base64/);
  });
});
