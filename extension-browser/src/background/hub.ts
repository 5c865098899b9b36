import browser from 'webextension-polyfill';
import { prepareMessage, prepareQuery } from '@closer/shared';
import { ContentEventSchema, parseMessage, type ContentEvent } from '../protocol.ts';
import { requestSchemaOf, type Envelope, type Language, type Request, type Result } from '../requests.ts';
import { attachTab } from './attach.ts';
import * as cases from './cases.ts';
import { refreshCaseProfiles } from './sync/case-store.ts';
import * as drills from './drills.ts';
import * as team from './sync/schedule.ts';
import * as followups from './followups.ts';
import * as profile from './profile.ts';
import { currentEngine, describeBundle, hasOpenBundle } from './bundles.ts';
import { importBundleFile, importBundleFromUrl, resetToDefaultBundle } from './bundle-refresh.ts';
import { handleBundleTrustRequest } from './bundle-status.ts';
import { LEFT_UNANSWERED } from './left-unanswered.ts';
import { adaptReply, adaptSettings, adaptStatus } from './models/adapt.ts';
import { takeAskedView } from './notifications.ts';
import { takePending } from './pending.ts';
import * as store from './store.ts';

// The messaging hub: every runtime message arriving at the worker is checked with zod here and
// answered from the store and the engine. Requests come from the panel, events from content scripts.

async function language(): Promise<Language> {
  const saved = await store.getSetting<Language>('language');
  if (saved) return saved;
  return browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

async function valuesFor(conversationKey: string): Promise<Record<string, string>> {
  // Asked together: after a restart the first suggestion waits for these.
  const [saved, conversation] = await Promise.all([store.getSetting<Record<string, string>>('defaults'), store.getConversation(conversationKey)]);
  // A value typed for this conversation wins over the user's defaults, which win over the playbook's.
  const values = { ...(saved ?? {}) };
  for (const [name, value] of Object.entries(conversation.values)) if (value.trim()) values[name] = value;
  return values;
}

function recordMessage(conversation: store.Conversation, text: string, at: number): void {
  // The content script and the panel both report the same message; keep it once.
  if (conversation.messages.at(-1)?.text !== text) conversation.messages.push({ text, at });
}

// Writes an answer does not wait for (a suggestion's case record). Every request starts after
// them, so the panel never reads a case before the suggestion it saw was recorded.
let writes: Promise<void> = Promise.resolve();

function afterAnswer(write: () => Promise<void>): void {
  // A task later, so that the answer is posted before the write's first synchronous steps run.
  writes = writes.then(() => new Promise<void>((done) => setTimeout(done, 0))).then(write);
}

/**
 * A task later. The first suggestion after a restart prepares the bundle in parts with this between
 * them, so the answers of storage its other reads wait for (a round trip each, the case database's
 * several) are taken in the meantime rather than all after.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function handleRequest(request: Request): Promise<Result<Request['type']>> {
  await writes;
  switch (request.type) {
    case 'suggest': {
      // Asked at once, not one after the other: after a worker restart the bundle is read while
      // the settings, the conversation and the profile are (each its own IndexedDB round trip; the
      // profile's tags from the mirror of the cases, sync/case-mirror.ts, or else from the case
      // database, which it then opens). Its indexes are built as soon as it is open, and the message
      // classified, while the other reads are still on their way: in the bench's marks
      // of a restart, the work left after the last read went from 31 to 11 ms with the indexes,
      // and to 2 ms with the message too.
      const loading = currentEngine().then(async (loaded) => {
        await loaded.engine.prepareSuggestions([request.text], nextTask);
        performance.mark('closer:prepared');
        return loaded;
      });
      // What classifying the message needs of it alone, while the bundle is still on its way.
      if (!hasOpenBundle()) setTimeout(() => prepareMessage(request.text), 0);
      const reading = request.record
        ? store.updateConversation(request.conversationKey, (c) => recordMessage(c, request.text, Date.now()))
        : store.getConversation(request.conversationKey);
      // The chat's earlier messages too, which the engine reads for the step, as soon as both are there.
      void Promise.all([loading, reading]).then(([loaded, read]) => loaded.engine.prepareSuggestions(read.messages.map((message) => message.text), nextTask)).catch(() => {});
      const [{ engine }, lang, conversation, { tags, mirrored }, values] = await Promise.all([
        loading,
        language(),
        reading,
        profile.tagsForSuggestion(request.conversationKey).catch(() => ({ tags: [] as string[], mirrored: false })),
        valuesFor(request.conversationKey),
      ]);
      performance.mark('closer:all-read');
      const suggestion = engine.suggest(request.text, conversation, values, lang, tags);
      performance.mark('closer:answered');
      // Recorded after the answer: after a worker restart the case database (PouchDB) opens on
      // this write, about 25 ms of the first suggestion in a trace. The next request waits for it.
      afterAnswer(async () => {
        await cases.recordSuggestion(request.conversationKey, request.text, suggestion).catch((error: unknown) => console.warn('closer: case not recorded', error));
        await profile.noteSignals(request.conversationKey, request.text).catch((error: unknown) => console.warn('closer: signal not recorded', error));
        if (!mirrored) await refreshCaseProfiles().catch((error: unknown) => console.warn('closer: the case mirror was not brought up to date', error));
      });
      return suggestion;
    }
    case 'search': {
      const loading = Promise.all([currentEngine(), language()]);
      if (!hasOpenBundle()) setTimeout(() => prepareQuery(request.query), 0);
      const [{ engine }, lang] = await loading;
      return engine.search(request.query, { intent: request.intent, step: request.step }, lang);
    }
    case 'variables-get': {
      const { engine } = await currentEngine();
      const defaults = (await store.getSetting<Record<string, string>>('defaults')) ?? {};
      const conversation = await store.getConversation(request.conversationKey);
      return { fields: engine.variables(await language(), defaults, conversation.values) };
    }
    case 'variables-set':
      await store.updateConversation(request.conversationKey, (c) => {
        c.values = request.values;
      });
      return { ok: true };
    case 'reply-used':
      await store.updateConversation(request.conversationKey, (c) => {
        if (!c.used.includes(request.replyId)) c.used.push(request.replyId);
      });
      await cases.recordInserted(request.conversationKey, request.replyId, request.adapted).catch((error: unknown) => console.warn('closer: case not recorded', error));
      return { ok: true };
    case 'settings-get': {
      const loaded = await currentEngine();
      const defaults = (await store.getSetting<Record<string, string>>('defaults')) ?? {};
      const lang = await language();
      return {
        language: lang,
        defaults,
        variables: loaded.engine.variables(lang, {}, defaults),
        sites: await store.listSelectors(),
        bundle: describeBundle(loaded),
      };
    }
    case 'settings-set':
      if (request.language) await store.setSetting('language', request.language);
      if (request.defaults) await store.setSetting('defaults', request.defaults);
      return { ok: true };
    case 'bundle-import-text':
      return importBundleFile(request.text, request.source);
    case 'bundle-import-url':
      return importBundleFromUrl(request.url);
    case 'bundle-reset':
      return resetToDefaultBundle();
    case 'bundle-status':
    case 'bundle-key-pin':
    case 'bundle-key-accept':
    case 'bundle-key-forget':
    case 'bundle-refresh-now':
    case 'bundle-refresh-every':
      return handleBundleTrustRequest(request);
    case 'site-forget':
      await store.deleteSelector(request.site);
      return { ok: true };
    case 'pending-take':
      return takePending();
    case 'view-take':
      return takeAskedView();
    case 'attach':
      return attachTab(request.tabId);
    case 'cases-list':
      return cases.listCases(request.conversationKey);
    case 'case-update':
      return cases.updateCase({ id: request.id, conversation: request.conversationKey }, request.change);
    case 'cases-export':
      return cases.exportCases(request.keepNames);
    case 'cases-import':
      return cases.importCases(request.text, request.source);
    case 'cases-profile':
      await cases.setCaseProfile(request);
      return { ok: true };
    case 'team-get':
      return team.teamView();
    case 'team-set':
      return team.setTeam(request);
    case 'team-sync-now':
      return team.syncNow();
    case 'profile-get':
      return profile.profileOf(request.conversationKey, await language(), request.message);
    case 'profile-tag':
      return profile.setTag(request.conversationKey, request.tag, request.on, await language());
    case 'followups-due':
      return followups.listDue(await language());
    case 'followup-act':
      return followups.actOn(request, await language());
    case 'followups-notify':
      await followups.setNotify(request.enabled);
      return { ok: true };
    case 'drill-list':
      return drills.drillList((await currentEngine()).engine.bundle, await language(), request.seed);
    case 'drill-score':
      return drills.drillScore((await currentEngine()).engine.bundle, await language(), request.drill, request.answers, request.save, request.started);
    case 'drills-export':
      return drills.exportDrillResults();
    case 'adapt': {
      const values = await valuesFor(request.conversationKey);
      return adaptReply({ conversationKey: request.conversationKey, replyId: request.replyId, message: request.message, values, ...(values.customer ? { customer: values.customer } : {}) });
    }
    case 'adapt-status':
      return adaptStatus();
    case 'adapt-settings-set': {
      const settings = { ...(await adaptSettings()) };
      for (const [key, value] of Object.entries(request.settings)) if (value !== undefined) (settings as Record<string, unknown>)[key] = value;
      await store.setSetting('adapt', settings);
      return { ok: true };
    }
  }
}

async function handleEvent(event: ContentEvent): Promise<unknown> {
  switch (event.type) {
    case 'customer-message':
      await store.updateConversation(event.conversationKey, (c) => recordMessage(c, event.text, event.at));
      return undefined;
    case 'conversation-seen':
      await store.updateConversation(event.conversationKey, (c) => {
        if (!c.values.customer?.trim()) c.values = { ...c.values, customer: event.customer };
      });
      return { ok: true };
    case 'pick-list-done':
      // For the panel, which clears its hint; nothing to keep.
      return undefined;
    case 'selector-saved':
      await store.putSelector(event.site, event.selector);
      return { ok: true };
    case 'selector-cleared':
      await store.deleteSelector(event.site);
      return { ok: true };
    case 'selector-get':
      return { selector: await store.getSelector(event.site) };
  }
}

// After these the cases may make other follow-ups due (a case won or imported, a hot lead): count again.
const CHANGES_CASES = new Set<string>(['suggest', 'reply-used', 'case-update', 'cases-import', 'profile-tag', 'followups-notify']);

/** The badge's count, refreshed by the alarm (registered at the top level of index.ts). */
export function onAlarm(alarm: { name: string }): void {
  if (alarm.name === followups.FOLLOWUP_ALARM) followups.casesChanged(language);
}

/** Counts the badge again, soon (e.g. after team sync pulled cases the salesperson's other browsers recorded). */
export function countFollowups(): void {
  followups.casesChanged(language);
}

/** On install and at browser start: the alarm, and a first count for the badge (which starts empty). */
export function startFollowups(): void {
  followups.scheduleFollowups();
  followups.casesChanged(language);
}

/** The runtime.onMessage listener: a promise means an answer, undefined means "not for me". */
export function onMessage(raw: unknown): Promise<unknown> | undefined {
  const type = (raw as { type?: unknown } | null)?.type;
  // Only the schema of the request's own type is built and run (requests.ts).
  const schema = typeof type === 'string' ? requestSchemaOf(type) : undefined;
  if (schema) {
    const request = parseMessage(schema, raw);
    // A request of a known kind that does not check out is refused with what was wrong.
    if (!request.ok) return Promise.resolve({ ok: false, error: `${type as string}: ${request.error}` } satisfies Envelope);
    const message = request.message as Request;
    return handleRequest(message).then(
      (result): Envelope => {
        if (CHANGES_CASES.has(message.type)) void writes.then(() => followups.casesChanged(language));
        return { ok: true, result };
      },
      (error: unknown): Envelope => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  }
  const event = parseMessage(ContentEventSchema, raw);
  if (event.ok) {
    // customer-message and pick-list-done are also for the panel; leave their answer to nobody.
    const done = handleEvent(event.message).catch((error: unknown) => console.warn('closer: event failed', error));
    return LEFT_UNANSWERED.has(event.message.type) ? (void done, undefined) : done;
  }
  // Background→panel events pass by here too; anything else is a malformed message worth a note.
  if (typeof type !== 'string' || !LEFT_UNANSWERED.has(type)) console.warn(`closer: ignored a message: ${event.error}`);
  return undefined;
}
