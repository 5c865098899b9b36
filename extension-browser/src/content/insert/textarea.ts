import type { InsertStrategy } from './strategy.ts';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', '']);

// By tag name, not instanceof: a chat in a same-origin iframe has its own HTMLTextAreaElement.
export function isTextField(element: Element): element is HTMLTextAreaElement | HTMLInputElement {
  if (element.localName === 'textarea') return true;
  return element.localName === 'input' && TEXT_INPUT_TYPES.has(element.getAttribute('type')?.toLowerCase() ?? '');
}

/**
 * textarea and input, React-controlled ones included. React tracks the value it last rendered
 * on the element itself; setting the value through the prototype's native setter and then firing
 * `input` makes React see a change, so its state follows instead of reverting the field.
 */
export const textareaStrategy: InsertStrategy = {
  id: 'textarea',
  matches: isTextField,
  readsDomEdits: false,
  insert(editor, text) {
    const field = editor as HTMLTextAreaElement | HTMLInputElement;
    // A one-line input cannot hold line breaks; a space keeps the words apart.
    const insertion = field.localName === 'input' ? text.replace(/\s*\n\s*/g, ' ') : text;
    const value = field.value;
    const start = field.selectionStart ?? value.length;
    const end = field.selectionEnd ?? start;
    // This window's setter works on an iframe's field too: the check is by interface, not by window.
    const prototype = field.localName === 'textarea' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    const setValue = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
    if (!setValue) throw new Error('this browser has no native value setter');
    setValue.call(field, value.slice(0, start) + insertion + value.slice(end));
    const caret = start + insertion.length;
    field.setSelectionRange(caret, caret);
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: insertion }));
  },
};
