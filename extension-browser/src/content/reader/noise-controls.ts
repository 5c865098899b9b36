import type { BubbleContext } from './bubble-context.ts';
import type { Signal } from './signal.ts';
import { hasWord } from './words.ts';

const CONTROL_TAGS = new Set(['button', 'svg', 'select', 'input', 'textarea', 'video', 'audio', 'canvas', 'iframe', 'script', 'style', 'template']);
const CONTROL_ROLES = new Set(['button', 'menu', 'menubar', 'toolbar', 'tooltip', 'status', 'progressbar']);
const CONTROL_WORDS = new Set(['actions', 'action', 'toolbar', 'menu', 'options', 'dropdown', 'reactions', 'reaction', 'emoji', 'icon', 'icons', 'copy', 'tooltip', 'badge', 'loader', 'spinner']);

// Whole class names only: Tailwind's "overflow-hidden" must not read as hidden text.
const SCREEN_READER_ONLY = /(?:^|\s)(?:sr-only|visually-hidden|screen-reader-text|a11y-hidden)(?:\s|$)/;

/**
 * Buttons and menus beside a message ("Copy", "Reply", reactions), icons, and text kept for
 * screen readers only: parts of the interface, not of what the customer wrote.
 */
export const noiseControls: Signal<Element, BubbleContext> = {
  name: 'buttons',
  score(element) {
    if (CONTROL_TAGS.has(element.localName)) return 1;
    const role = element.getAttribute('role');
    if (role && CONTROL_ROLES.has(role)) return 1;
    if (element.getAttribute('aria-hidden') === 'true') return 1;
    if (SCREEN_READER_ONLY.test(element.getAttribute('class') ?? '')) return 1;
    return hasWord(element, CONTROL_WORDS) ? 1 : 0;
  },
};
