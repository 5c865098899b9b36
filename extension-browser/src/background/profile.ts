// The customer's profile in the panel: the customer of a conversation with the team's tags on them,
// their lifecycle stage over all their cases, and tags suggested from what the chat showed. A tag
// is put on only when the salesperson clicks it; nothing here applies one by itself.
import {
  addEvent, buySoonCue, classifyMessage, lifecycleOf, localText, rivalNamed, setTags, suggestTags,
  type Bundle, type Case, type CustomerTag, type Intent, type Language, type SeenInChat,
} from '@closer/shared';
import type { ProfileView } from '../requests.ts';
import { casesAround, editCaseRecord } from './cases.ts';
import { currentEngine } from './bundles.ts';
import { getConversation } from './store.ts';
import { mirroredTags } from './sync/case-mirror.ts';

type Tree = ProfileView['tree'];

/** The bundle's tag list as the three levels the picker shows; a tag whose parents are missing is left out. */
export function tagTree(bundle: Bundle, language: Language): Tree {
  const tags = bundle.customerTags ?? [];
  const childrenOf = (parent: string | undefined) => tags.filter((tag) => tag.parent === parent);
  const label = (tag: CustomerTag) => localText(tag.label, language);
  return childrenOf(undefined).map((category) => ({
    id: category.id,
    label: label(category),
    groups: childrenOf(category.id).map((group) => ({
      id: group.id,
      label: label(group),
      tags: childrenOf(group.id).map((tag) => ({ id: tag.id, label: label(tag), ...(tag.hint ? { hint: localText(tag.hint, language) } : {}) })),
    })),
  }));
}

/** Each level-3 tag of the tree with its label and where it sits ("Source › Referral"). */
function tagIndex(tree: Tree): Map<string, { label: string; path: string }> {
  const index = new Map<string, { label: string; path: string }>();
  for (const category of tree) {
    for (const group of category.groups) for (const tag of group.tags) index.set(tag.id, { label: tag.label, path: `${category.label} › ${group.label}` });
  }
  return index;
}

/** The cases of this conversation's customer: by name when the chat knows one, else this chat's own. */
function customerCases(cases: readonly Case[], conversation: string, customer: string): Case[] {
  return cases.filter((record) => (customer ? record.customer === customer : record.conversation === conversation));
}

/**
 * This chat's customer (named by its newest case, else by what was typed for the chat), that case,
 * and the customer's cases (this chat's alone when the customer has no name).
 */
async function customerOf(conversation: string): Promise<{ current: Case | undefined; customer: string; own: Case[] }> {
  // Read beside the chat's cases rather than before them: the first suggestion after a worker
  // restart waits for these tags, and the case database opens on that read.
  const values = getConversation(conversation).then((read) => read.values);
  let current: Case | undefined;
  const { customer, cases } = await casesAround(conversation, async (mine) => {
    const typed = (await values).customer?.trim();
    current = newestOf(mine, conversation);
    return current?.customer || typed || '';
  });
  return { current, customer, own: customerCases(cases, conversation, customer) };
}

/** The case tags go on: this chat's newest. */
function newestOf(cases: readonly Case[], conversation: string): Case | undefined {
  return cases.filter((record) => record.conversation === conversation).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
}

/** What the chat showed, read from this chat's cases (intents, steps) and its recent messages (rival, buy soon). */
async function seenIn(conversation: string, cases: readonly Case[], shown: string | undefined, bundle: Bundle): Promise<SeenInChat> {
  const intents = new Set<Intent>();
  // The message on the panel's screen may not be recorded in the case yet when the panel asks: its
  // intent counts as met too.
  if (shown) intents.add(classifyMessage(shown, bundle).intent);
  const steps = new Set<string>();
  let buySoon = false;
  for (const record of cases) {
    if (record.conversation !== conversation) continue;
    for (const event of record.timeline) {
      if (event.type === 'message') intents.add(event.intent);
      else if (event.type === 'step') steps.add(event.step);
      else if (event.type === 'signal' && event.signal === 'buy_soon') buySoon = true;
    }
  }
  // Customer text is kept only in the conversation's short recent list, never in a case.
  // The message on the panel's screen is read too: it may not be recorded yet when the panel asks.
  const messages = [...(await getConversation(conversation)).messages.map((message) => message.text), ...(shown ? [shown] : [])];
  return { intents: [...intents], steps: [...steps], rival: messages.some(rivalNamed), buySoon: buySoon || messages.some(buySoonCue) };
}

export async function profileOf(conversation: string, language: Language, shown?: string, now = new Date()): Promise<ProfileView> {
  const { engine } = await currentEngine();
  const { current, customer, own } = await customerOf(conversation);
  const tree = tagTree(engine.bundle, language);
  const index = tagIndex(tree);
  const on = [...new Set(own.flatMap((record) => record.tags))];
  const lifecycle = lifecycleOf(own, customer, now);
  return {
    customer,
    case: current?.id ?? null,
    lifecycle: {
      stage: lifecycle.stage,
      purchases: lifecycle.purchases,
      ...(lifecycle.firstContact ? { firstContact: lifecycle.firstContact } : {}),
      ...(lifecycle.lastContact ? { lastContact: lifecycle.lastContact } : {}),
      ...(lifecycle.daysSinceContact !== undefined ? { daysSinceContact: lifecycle.daysSinceContact } : {}),
    },
    // A tag the bundle no longer declares is still shown (by its id), so it can be taken off.
    tags: on.map((id) => ({ id, label: index.get(id)?.label ?? id, path: index.get(id)?.path ?? '' })),
    tree,
    suggestions: suggestTags(engine.bundle, await seenIn(conversation, own, shown, engine.bundle), on, language),
  };
}

/** The tags on this chat's customer, for the engine's product ladder. */
export async function tagsOf(conversation: string): Promise<string[]> {
  const { own } = await customerOf(conversation);
  return [...new Set(own.flatMap((record) => record.tags))];
}

/**
 * The same tags for a suggestion: from the worker's mirror of the cases when it is complete, so a
 * restarted worker's first suggestion does not wait for the case database to open (case-mirror.ts);
 * else from the cases, and the mirror is brought up to date after the answer.
 */
export async function tagsForSuggestion(conversation: string): Promise<{ tags: string[]; mirrored: boolean }> {
  const mirrored = await mirroredTags(conversation, getConversation(conversation).then((read) => read.values.customer));
  // Where the tags came from, for the tests and the cold-start bench.
  performance.mark(mirrored ? 'closer:tags-mirrored' : 'closer:tags-read');
  return mirrored ? { tags: mirrored, mirrored: true } : { tags: await tagsOf(conversation), mirrored: false };
}

/**
 * Puts a tag on this chat's customer (on this chat's case) or takes it off (every case of this
 * customer that has it, as the profile shows the tags of them all). Each change is a tag event of
 * its case, so an older copy imported or synced later does not bring a tag taken off back. Only a
 * declared tag of the third level can be put on.
 */
export async function setTag(conversation: string, tag: string, on: boolean, language: Language, now = new Date()): Promise<ProfileView> {
  const { engine } = await currentEngine();
  // The stage is kept on the case as it is saved, a snapshot for whoever reads the file later.
  const { customer, lifecycle: { stage } } = await profileOf(conversation, language, undefined, now);
  if (on) {
    if (!tagIndex(tagTree(engine.bundle, language)).has(tag)) throw new Error(`"${tag}" is not a customer tag of this bundle (only the third level of the tag tree goes on a customer)`);
    await editCaseRecord({ conversation }, (record) => (record.tags.includes(tag) ? record : setTags(record, [...record.tags, tag], stage, now)), now);
  } else {
    for (const record of (await customerOf(conversation)).own.filter((entry) => entry.tags.includes(tag))) {
      await editCaseRecord({ id: record.id }, (latest) => setTags(latest, latest.tags.filter((id) => id !== tag), stage, now), now);
    }
  }
  return profileOf(conversation, language, undefined, now);
}

/** A customer message saying they will buy soon marks this chat's case as a hot lead, once. */
export async function noteSignals(conversation: string, text: string, now = new Date()): Promise<boolean> {
  if (!buySoonCue(text)) return false;
  await editCaseRecord({ conversation }, (record) =>
    record.timeline.some((event) => event.type === 'signal' && event.signal === 'buy_soon')
      ? record
      : addEvent(record, { type: 'signal', at: now.toISOString(), signal: 'buy_soon' }), now);
  return true;
}
