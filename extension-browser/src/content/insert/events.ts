// Synthetic events that editors keeping their own state honour. They are dispatched from the
// content script's isolated world, but DOM events are shared, so the page's editor receives them.

/** A paste of plain text, as editors that model their own document (Draft.js, ProseMirror, Quill) read it. */
export function dispatchPaste(target: HTMLElement, text: string): boolean {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  // An editor that handled the paste prevents the browser's own (which would do nothing here).
  return event.defaultPrevented;
}

/** The `beforeinput` a keyboard would send, which Lexical and Slate turn into their own insertText. */
export function dispatchBeforeInput(target: HTMLElement, text: string): boolean {
  const event = new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}
