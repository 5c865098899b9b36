import { parentOf } from './deep.ts';
import type { ListCandidate, ListContext } from './list-candidate.ts';
import type { Signal } from './signal.ts';
import { wordsOf } from './words.ts';

// Words in class names and roles that chat libraries give their message list, and those they
// give to the lists beside it (conversations, contacts, menus).
const MESSAGE_WORDS = new Set(['message', 'messages', 'msg', 'msgs', 'chat', 'conversation', 'thread', 'log', 'bubbles', 'history', 'transcript', 'feed', 'dialog']);
const ELSEWHERE_WORDS = new Set(['sidebar', 'aside', 'contacts', 'contact', 'rooms', 'room', 'channels', 'channel', 'inbox', 'roster', 'nav', 'navigation', 'menu', 'menubar', 'tabs', 'tablist', 'listbox', 'toolbar', 'friends', 'users', 'people', 'conversations', 'chats', 'emoji', 'emojis', 'picker', 'suggestions', 'results']);
const ELSEWHERE_TAGS = new Set(['nav', 'aside', 'header', 'footer', 'ul', 'ol', 'select', 'table', 'tbody', 'form']);

/**
 * Class names, ids and roles: "message-list" and `role=log` speak for a candidate or a close
 * ancestor; "sidebar", "contacts", "conversation-list" and navigation tags speak against it.
 */
export const listWords: Signal<ListCandidate, ListContext> = {
  name: 'class names',
  score(candidate) {
    let score = 0;
    let node: Element | null = candidate.element;
    for (let depth = 0; node && depth < 4 && node.localName !== 'body'; depth += 1, node = parentOf(node)) {
      const words = wordsOf(node);
      // "conversation-list" and "chat-list" name the list of chats, not a chat.
      const listOfChats = words.some((word, index) => (word === 'conversation' || word === 'chat' || word === 'room' || word === 'contact') && (words[index + 1] === 'list' || words[index + 1] === 'item' || words[index + 1] === 'items'));
      if (listOfChats || words.some((word) => ELSEWHERE_WORDS.has(word)) || (depth > 0 && ELSEWHERE_TAGS.has(node.localName))) score -= 2 / (depth + 1);
      else if (words.includes('log') && node.getAttribute('role') === 'log') score += 2;
      else if (words.some((word) => MESSAGE_WORDS.has(word))) score += 1.5 / (depth + 1);
    }
    return Math.max(-3, Math.min(3, score));
  },
};
