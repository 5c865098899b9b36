// Messages that pass by the worker on their way to another listener (the panel): their answer
// must stay nobody's, so the worker's listener returns nothing for them (hub.ts, start.ts).
export const LEFT_UNANSWERED: ReadonlySet<string> = new Set(['customer-message', 'pick-list-done', 'suggest-for']);
