// A candidate for the customer's name in the chat's header: a short line of text above the
// message list, with its box and the list's, shared by the name signals.

export interface NameCandidate {
  element: Element;
  text: string;
  box: DOMRect;
  listBox: DOMRect;
}

// A status after the name in the same line: "王小雨 · 在线", "Anna (typing…)".
const TRAILING_STATUS = /\s*(?:[·•|(（-]\s*)?(?:在线|离线|忙碌|对方正在输入…?|正在输入…?|online|offline|away|busy|active now|typing(?:\.\.\.|…)?|last seen.*)\s*[)）]?$/i;

/** The name as a person would write it: the line without a trailing status. */
export function cleanName(text: string): string {
  return text.replace(/\s+/g, ' ').replace(TRAILING_STATUS, '').trim();
}
