import type { BubbleContext } from './bubble-context.ts';
import type { Signal } from './signal.ts';
import { hasWord } from './words.ts';

const AVATAR_WORDS = new Set(['avatar', 'avatars', 'photo', 'portrait', 'profile', 'pic', 'initials', 'thumb', 'thumbnail']);

/** Avatars: pictures, and the initials or icons that stand in for them ("avatar", "initials"). */
export const noiseAvatar: Signal<Element, BubbleContext> = {
  name: 'avatar',
  score(element) {
    if (element.localName === 'img' || element.localName === 'picture') return 1;
    return hasWord(element, AVATAR_WORDS) ? 1 : 0;
  },
};
