import type { NameCandidate } from './name-candidate.ts';
import type { Signal } from './signal.ts';

/** Right above the conversation and over it: a chat's header names the person it is with. */
export const namePlace: Signal<NameCandidate, void> = {
  name: 'above the messages',
  score({ box, listBox }) {
    const distance = listBox.top - box.bottom;
    if (distance < -8 || distance > 240) return -5;
    const overlap = Math.min(box.right, listBox.right) - Math.max(box.left, listBox.left);
    if (overlap <= 0) return -5;
    return 2 - distance / 120;
  },
};
