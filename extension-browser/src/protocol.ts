import * as z from 'zod/mini';

// Every message between the content script, the background worker and the panel is one of
// these discriminated unions, checked with zod where it arrives: a page can post anything, and
// a message from an older build of another context must fail loudly, not half-work.
// zod/mini: the content script is loaded into every chat page, so its size matters.

// ---- panel → content script (chrome.tabs.sendMessage to the chat tab) ----

export const InsertRequestSchema = z.object({
  type: z.literal('insert'),
  text: z.string(),
});

export const ReadLatestRequestSchema = z.object({ type: z.literal('read-latest') });

// Starts "pick the message list": hover highlights, click chooses, Escape cancels.
export const PickListStartRequestSchema = z.object({ type: z.literal('pick-list-start') });

// Forgets this site's saved message-list selector.
export const PickListResetRequestSchema = z.object({ type: z.literal('pick-list-reset') });

// The text the user has selected in the chat page right now (for "suggest for the selection").
export const ReadSelectionRequestSchema = z.object({ type: z.literal('read-selection') });

// What the reader makes of this page, for Settings: which reader, the list, the last messages, why.
export const ReaderDescribeRequestSchema = z.object({ type: z.literal('reader-describe') });

export const ContentRequestSchema = z.discriminatedUnion('type', [
  ReaderDescribeRequestSchema,
  InsertRequestSchema,
  ReadLatestRequestSchema,
  PickListStartRequestSchema,
  PickListResetRequestSchema,
  ReadSelectionRequestSchema,
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

// ---- the content script's answers ----

export const InsertResultSchema = z.object({
  ok: z.boolean(),
  // Which rung of the insertion ladder did it (e.g. 'textarea', 'lexical'); 'none' when none.
  strategy: z.string(),
  error: z.optional(z.string()),
});
export type InsertResult = z.infer<typeof InsertResultSchema>;

export const ReadLatestResultSchema = z.object({
  message: z.optional(z.string()),
  conversationKey: z.string(),
  site: z.string(),
  // The customer's name as the chat's header shows it, when one was found.
  customer: z.optional(z.string()),
});
export type ReadLatestResult = z.infer<typeof ReadLatestResultSchema>;

export const PickListResultSchema = z.object({
  ok: z.boolean(),
  error: z.optional(z.string()),
});
export type PickListResult = z.infer<typeof PickListResultSchema>;

export const ReadSelectionResultSchema = z.object({
  text: z.optional(z.string()),
  conversationKey: z.string(),
  site: z.string(),
});
export type ReadSelectionResult = z.infer<typeof ReadSelectionResultSchema>;

export const ReaderDescriptionSchema = z.object({
  // The site adapter in use ('generic' on any page without its own).
  adapter: z.string(),
  // Where the message list came from: picked by the user, found by the reader, or none.
  source: z.enum(['picked', 'found', 'none']),
  // A selector naming the list, so the salesperson can recognise it.
  list: z.optional(z.string()),
  // The signals that chose the list, e.g. "above the chat box +3".
  reasons: z.array(z.string()),
  customer: z.optional(z.string()),
  conversationKey: z.string(),
  lastCustomer: z.optional(z.string()),
  lastOwn: z.optional(z.string()),
  // Why the last customer message is the customer's, and what was left out of it.
  why: z.array(z.string()),
});
export type ReaderDescription = z.infer<typeof ReaderDescriptionSchema>;

/** The answer each content request gets, so callers can check the reply with the right schema. */
export const ContentResultSchemas = {
  insert: InsertResultSchema,
  'read-latest': ReadLatestResultSchema,
  'pick-list-start': PickListResultSchema,
  'pick-list-reset': PickListResultSchema,
  'read-selection': ReadSelectionResultSchema,
  'reader-describe': ReaderDescriptionSchema,
} as const satisfies Record<ContentRequest['type'], z.ZodMiniType>;
export type ContentResult<T extends ContentRequest['type']> = z.infer<(typeof ContentResultSchemas)[T]>;

// ---- content script → background and panel (chrome.runtime.sendMessage) ----

// A new customer message was observed in the chat (live updates). `at` is epoch milliseconds.
export const CustomerMessageEventSchema = z.object({
  type: z.literal('customer-message'),
  text: z.string(),
  conversationKey: z.string(),
  site: z.string(),
  at: z.number(),
});

// The page shows which customer a conversation is with: the background fills the
// conversation's {{customer}} with it, unless the salesperson already typed one.
export const ConversationSeenEventSchema = z.object({
  type: z.literal('conversation-seen'),
  conversationKey: z.string(),
  customer: z.string().check(z.minLength(1), z.maxLength(200)),
});

// Picking the message list ended: a list was chosen, or the user pressed Escape.
export const PickListDoneEventSchema = z.object({
  type: z.literal('pick-list-done'),
  chosen: z.boolean(),
});

// The user picked a message list; the background stores the selector for the site.
export const SelectorSavedEventSchema = z.object({
  type: z.literal('selector-saved'),
  site: z.string(),
  selector: z.string().check(z.minLength(1)),
});

// The user reset the site's message list; the background forgets the selector.
export const SelectorClearedEventSchema = z.object({
  type: z.literal('selector-cleared'),
  site: z.string(),
});

// The content script asks for the selector saved for its site; answered with SelectorResult.
export const SelectorGetRequestSchema = z.object({
  type: z.literal('selector-get'),
  site: z.string(),
});

export const SelectorResultSchema = z.object({ selector: z.optional(z.string()) });
export type SelectorResult = z.infer<typeof SelectorResultSchema>;

export const ContentEventSchema = z.discriminatedUnion('type', [
  CustomerMessageEventSchema,
  ConversationSeenEventSchema,
  PickListDoneEventSchema,
  SelectorSavedEventSchema,
  SelectorClearedEventSchema,
  SelectorGetRequestSchema,
]);
export type ContentEvent = z.infer<typeof ContentEventSchema>;

// ---- background → panel ----

// The user chose "Suggest replies for this message" in the context menu.
export const SuggestForEventSchema = z.object({
  type: z.literal('suggest-for'),
  text: z.string(),
  tabId: z.optional(z.int()),
});

// A click on the follow-ups notification: an open panel shows this view (one that opens asks view-take).
// Not among PanelEventSchema, whose other events the Suggest view handles.
export const ShowViewEventSchema = z.object({
  type: z.literal('show-view'),
  view: z.string(),
});
export type ShowViewEvent = z.infer<typeof ShowViewEventSchema>;

export const PanelEventSchema = z.discriminatedUnion('type', [
  SuggestForEventSchema,
  CustomerMessageEventSchema,
  PickListDoneEventSchema,
]);
export type PanelEvent = z.infer<typeof PanelEventSchema>;

/** Checks an arriving message; returns it typed, or an error naming what was wrong. */
export function parseMessage<S extends z.ZodMiniType>(
  schema: S,
  raw: unknown,
): { ok: true; message: z.infer<S> } | { ok: false; error: string } {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'message';
  return { ok: false, error: `bad message at ${where}: ${issue?.message ?? 'invalid'}` };
}
