// A worker builds a bundle's suggestion indexes while it waits for storage (prepareSuggestions,
// issue 12): preparing them first must change no suggestion, from a precompiled bundle or not.
import { beforeAll, expect, it } from 'vitest';
import { openBundle, precompileBundle, prepareSuggestions, suggestReplies, type Bundle } from '@closer/shared';
import { engineBundle } from './engine-fixture.ts';

let plain: Bundle;
let precompiled: Bundle;

beforeAll(() => {
  plain = engineBundle();
  precompiled = precompileBundle(plain);
});

const MESSAGES = ['太贵了，能不能便宜点', '我再考虑一下', '别家更便宜', 'tgl', 'taiguile', 'too expensive, can you do better?', 'ok', '', '你们靠谱吗？有没有案例', '好的，怎么付款'];

for (const [what, bundle] of [['precompiled', () => precompiled], ['without a precompiled part', () => plain]] as const) {
  it(`preparing a bundle ${what} first gives the same suggestions as not preparing it`, () => {
    const prepared = openBundle(JSON.stringify(bundle())).bundle;
    const fresh = openBundle(JSON.stringify(bundle())).bundle;
    prepareSuggestions(prepared);
    for (const message of MESSAGES) {
      const conversation = { customerMessages: ['你好'], usedReplies: [], tags: [] };
      expect(suggestReplies(message, conversation, prepared), message).toEqual(suggestReplies(message, conversation, fresh));
    }
  });
}
