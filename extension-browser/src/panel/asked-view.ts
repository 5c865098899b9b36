import { parseMessage, ShowViewEventSchema } from '../protocol.ts';
import { ask } from './api.ts';

/**
 * Calls `show` with the view the worker asked for: at the panel's start (the click on the
 * follow-ups notification that opened it), and whenever it asks while the panel is open.
 */
export function followAskedView(show: (view: string) => void): () => void {
  // A page opened on a view of its own (?view=practice) shows that one, and leaves the ask alone.
  if (!new URLSearchParams(location.search).has('view')) void ask({ type: 'view-take' }).then(({ view }) => view && show(view), () => undefined);
  const listener = (raw: unknown) => {
    const event = parseMessage(ShowViewEventSchema, raw);
    if (event.ok) show(event.message.view);
    return undefined;
  };
  chrome.runtime.onMessage.addListener(listener);
  return () => chrome.runtime.onMessage.removeListener(listener);
}
