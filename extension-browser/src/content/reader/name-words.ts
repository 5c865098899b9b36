import { parentOf } from './deep.ts';
import type { NameCandidate } from './name-candidate.ts';
import type { Signal } from './signal.ts';
import { wordsOf } from './words.ts';

const HEADER_WORDS = new Set(['header', 'head', 'title', 'name', 'peer', 'contact', 'recipient', 'partner', 'profile', 'username', 'nickname', 'navbar', 'topbar', 'toolbar', 'info', 'room']);

/** Class names and tags of a chat header: "chat-header", "room-name", "conversation-title", a heading. */
export const nameWords: Signal<NameCandidate, void> = {
  name: 'header class names',
  score({ element }) {
    let score = 0;
    if (/^h[1-6]$/.test(element.localName) || element.getAttribute('role') === 'heading') score += 1;
    let node: Element | null = element;
    for (let depth = 0; node && depth < 4 && node.localName !== 'body'; depth += 1, node = parentOf(node)) {
      if (node.localName === 'header' || wordsOf(node).some((word) => HEADER_WORDS.has(word))) {
        score += 1.5;
        break;
      }
    }
    return score;
  },
};
