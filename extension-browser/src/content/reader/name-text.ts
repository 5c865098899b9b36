import { TIME_TEXT } from './noise-time.ts';
import type { NameCandidate } from './name-candidate.ts';
import type { Signal } from './signal.ts';

// What headers say that is not a person: the app's own words, statuses, counts, times.
const NOT_A_NAME = /^(?:messages?|chats?|inbox|conversations?|contacts?|search|settings|menu|back|new|today|yesterday|online|offline|消息|聊天|会话|联系人|客服|搜索|设置|返回|在线|离线|今天|昨天)$/i;

/** A short line that reads like a name: letters, not the app's words, a time or a count. */
export const nameText: Signal<NameCandidate, void> = {
  name: 'reads like a name',
  score({ text, element }) {
    if (NOT_A_NAME.test(text) || TIME_TEXT.test(text) || /^[\d\s.,:+-]+$/.test(text)) return -5;
    let score = text.length <= 24 ? 1 : 0;
    if (element.closest('button, a[href], [role=button], input, textarea, [contenteditable]')) score -= 2;
    return score;
  },
};
