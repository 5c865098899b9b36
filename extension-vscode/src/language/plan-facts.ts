// The customer tag tree, the revisit plan and the product ladder as completion and hover read
// them: leniently, from the plain YAML data of every playbook of the workspace (a tree or a plan
// may span files), so they keep working while a file does not match the schema yet.
import * as vscode from 'vscode';
import { FOLLOWUP_TRIGGERS, LOSS_REASONS, RUNG_KINDS, type FollowupTrigger, type ParsedPlaybook, type RungKind, type TagTier } from '@closer/shared';
import { markdown } from './markdown.ts';
import { repliesOf } from './playbook-facts.ts';
import type { Segment } from './yaml-context.ts';

type Data = Record<string, unknown>;

const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Data[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const id = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value['zh-CN'] === 'string') {
    const zh = value['zh-CN'];
    return typeof value.en === 'string' && value.en !== zh ? `${zh} · ${value.en}` : zh;
  }
  return '';
}

const dataOf = (parsed: ParsedPlaybook): Data => (isRecord(parsed.data) ? parsed.data : {});

export interface TagFact {
  id: string;
  parent?: string;
  label: string;
  hint: string;
  tier?: string;
  suggest: string[];
  file: string;
}

export function customerTagsOf(files: readonly ParsedPlaybook[]): TagFact[] {
  return files.flatMap((parsed) =>
    list(dataOf(parsed).customerTags).flatMap((tag) => {
      const tagId = id(tag.id);
      if (!tagId) return [];
      const suggest = isRecord(tag.suggest) ? tag.suggest : {};
      const cues = [
        ...(Array.isArray(suggest.intents) ? [vscode.l10n.t('intents: {0}', suggest.intents.join(', '))] : []),
        ...(Array.isArray(suggest.steps) ? [vscode.l10n.t('steps: {0}', suggest.steps.join(', '))] : []),
        ...(suggest.rival === true ? [vscode.l10n.t('a rival is named')] : []),
        ...(suggest.buySoon === true ? [vscode.l10n.t('they will buy soon')] : []),
      ];
      return [{ id: tagId, parent: id(tag.parent), label: text(tag.label), hint: text(tag.hint), tier: id(tag.tier), suggest: cues, file: parsed.file }];
    }),
  );
}

/** A tag's place in the tree: its ancestors and itself, category first (stops at a loop or an unknown parent). */
export function tagPath(tags: readonly TagFact[], tagId: string): TagFact[] {
  const byId = new Map<string, TagFact>();
  for (const tag of tags) if (!byId.has(tag.id)) byId.set(tag.id, tag);
  const path: TagFact[] = [];
  for (let at = byId.get(tagId); at && !path.includes(at); at = at.parent ? byId.get(at.parent) : undefined) path.unshift(at);
  return path;
}

function levelName(level: number): string {
  return level === 1 ? vscode.l10n.t('category') : level === 2 ? vscode.l10n.t('group') : level === 3 ? vscode.l10n.t('tag') : vscode.l10n.t('too deep');
}

export function tagHover(tags: readonly TagFact[], tagId: string): vscode.MarkdownString | undefined {
  const path = tagPath(tags, tagId);
  const tag = path.at(-1);
  if (!tag || tag.id !== tagId) return undefined;
  const parts: Parameters<typeof markdown> = [
    { bold: tag.label || tag.id },
    `${levelName(path.length)}: ${path.map((node) => node.label || node.id).join(' → ')}`,
  ];
  if (tag.hint) parts.push(tag.hint);
  if (tag.tier) parts.push(vscode.l10n.t('Ladder tier: {0}', tierDescription(tag.tier)));
  if (tag.suggest.length > 0) parts.push(vscode.l10n.t('Suggested when: {0}', tag.suggest.join('; ')));
  return markdown(...parts);
}

export function tierDescription(tier: string): string {
  switch (tier as TagTier) {
    case 'entry':
      return vscode.l10n.t('entry: little to spend');
    case 'middle':
      return vscode.l10n.t('middle: some means or high regard');
    case 'top':
      return vscode.l10n.t('top: both means and high regard');
    default:
      return tier;
  }
}

export function triggerDescription(trigger: FollowupTrigger): string {
  switch (trigger) {
    case 'won':
      return vscode.l10n.t('After a won case (counted from the sale).');
    case 'lost':
      return vscode.l10n.t('After a lost case; lossReasons narrows it to some reasons.');
    case 'hot_lead':
      return vscode.l10n.t('After the customer said they will buy soon (a hot lead).');
    case 'meeting':
      return vscode.l10n.t('After a B2B visit or meeting.');
    case 'idle':
      return vscode.l10n.t('After this many days without contact (a dormant customer).');
  }
}

export function kindDescription(kind: RungKind): string {
  switch (kind) {
    case 'lead_magnet':
      return vscode.l10n.t('A free or token-priced lead magnet: the first impression.');
    case 'recorded':
      return vscode.l10n.t('A recorded course: sold many times over.');
    case 'live':
      return vscode.l10n.t('A live course: questions answered on the spot.');
    case 'camp':
      return vscode.l10n.t('A camp: guided practice with peers over weeks.');
    case 'community':
      return vscode.l10n.t('A paid community.');
    case 'coaching':
      return vscode.l10n.t('One-to-one text coaching.');
    case 'consulting':
      return vscode.l10n.t('One-to-one consulting: sells your time, the dearest rung.');
  }
}

export interface SendableFact {
  id: string;
  label: string;
  text: string;
  kind: 'reply' | 'story';
  file: string;
}

/** Every reply and story of the workspace: what a follow-up may send (a rung only offers a reply). */
export function sendablesOf(files: readonly ParsedPlaybook[]): SendableFact[] {
  return files.flatMap((parsed) => [
    ...repliesOf(parsed).map((reply) => ({ ...reply, kind: 'reply' as const, file: parsed.file })),
    ...list(dataOf(parsed).stories).flatMap((story) => {
      const storyId = id(story.id);
      return storyId ? [{ id: storyId, label: text(story.title), text: text(story.problem), kind: 'story' as const, file: parsed.file }] : [];
    }),
  ]);
}

export interface RuleFact {
  id: string;
  label: string;
  when: string;
  lossReasons: string[];
  days?: number;
  hours?: number;
  /** What it sends: one id, or one per language. */
  sends: { language?: string; id: string }[];
  offerNextRung: boolean;
}

export function followupRulesOf(files: readonly ParsedPlaybook[]): RuleFact[] {
  return files.flatMap((parsed) => {
    const plan = dataOf(parsed).followups;
    return list(isRecord(plan) ? plan.rules : undefined).flatMap((rule) => {
      const ruleId = id(rule.id);
      if (!ruleId) return [];
      const after = isRecord(rule.after) ? rule.after : {};
      return [{
        id: ruleId,
        label: text(rule.label),
        when: id(rule.when) ?? '',
        lossReasons: Array.isArray(rule.lossReasons) ? rule.lossReasons.map(String) : [],
        days: typeof after.days === 'number' ? after.days : undefined,
        hours: typeof after.hours === 'number' ? after.hours : undefined,
        sends: sendsOf(rule.send),
        offerNextRung: rule.offerNextRung === true,
      }];
    });
  });
}

/** A rule's send read leniently: one id, or the ids of a mapping by language. */
function sendsOf(send: unknown): { language?: string; id: string }[] {
  const plain = id(send);
  if (plain) return [{ id: plain }];
  if (!isRecord(send)) return [];
  return Object.entries(send).flatMap(([language, value]) => {
    const sent = id(value);
    return sent ? [{ language, id: sent }] : [];
  });
}

/** The team's own loss reasons (followups.reasons of any playbook) after the core's. */
export function lossReasonsOf(files: readonly ParsedPlaybook[]): string[] {
  const own = files.flatMap((parsed) => {
    const plan = dataOf(parsed).followups;
    return isRecord(plan) && Array.isArray(plan.reasons) ? plan.reasons.map(String) : [];
  });
  return [...new Set([...LOSS_REASONS, ...own])];
}

function delayWords(rule: RuleFact): string {
  const parts = [
    ...(rule.days !== undefined ? [vscode.l10n.t('{0} day(s)', rule.days)] : []),
    ...(rule.hours !== undefined ? [vscode.l10n.t('{0} hour(s)', rule.hours)] : []),
  ];
  return parts.join(' ') || '?';
}

export function ruleHover(files: readonly ParsedPlaybook[], ruleId: string): vscode.MarkdownString | undefined {
  const rule = followupRulesOf(files).find((candidate) => candidate.id === ruleId);
  if (!rule) return undefined;
  const parts: Parameters<typeof markdown> = [{ bold: rule.label || rule.id }];
  const when = (FOLLOWUP_TRIGGERS as readonly string[]).includes(rule.when) ? triggerDescription(rule.when as FollowupTrigger) : rule.when;
  parts.push(vscode.l10n.t('Due {0} — {1}', delayWords(rule), when));
  if (rule.lossReasons.length > 0) parts.push(vscode.l10n.t('Only for cases lost for: {0}', rule.lossReasons.join(', ')));
  const sendables = sendablesOf(files);
  for (const { language, id: sendId } of rule.sends) {
    const sent = sendables.find((candidate) => candidate.id === sendId);
    const prefix = language ? `${language}: ` : '';
    if (sent) parts.push(prefix + vscode.l10n.t('Sends: {0}', sent.label || sent.id), sent.text);
    else parts.push(prefix + vscode.l10n.t('Sends "{0}", which is neither a reply nor a story of the workspace.', sendId));
  }
  if (rule.offerNextRung) parts.push(vscode.l10n.t('Also proposes the next rung of the product ladder.'));
  return markdown(...parts);
}

export interface RungFact {
  id: string;
  label: string;
  kind: string;
  min?: number;
  max?: number;
  tier: string;
  reply?: string;
}

export function rungsOf(files: readonly ParsedPlaybook[]): RungFact[] {
  return files.flatMap((parsed) => {
    const ladder = dataOf(parsed).ladder;
    return list(isRecord(ladder) ? ladder.rungs : undefined).flatMap((rung) => {
      const rungId = id(rung.id);
      if (!rungId) return [];
      const price = isRecord(rung.price) ? rung.price : {};
      return [{
        id: rungId,
        label: text(rung.label),
        kind: id(rung.kind) ?? '',
        min: typeof price.min === 'number' ? price.min : undefined,
        max: typeof price.max === 'number' ? price.max : undefined,
        tier: id(rung.tier) ?? '',
        reply: id(rung.reply),
      }];
    });
  });
}

export function rungHover(files: readonly ParsedPlaybook[], rungId: string): vscode.MarkdownString | undefined {
  const rung = rungsOf(files).find((candidate) => candidate.id === rungId);
  if (!rung) return undefined;
  const parts: Parameters<typeof markdown> = [{ bold: rung.label || rung.id }];
  if ((RUNG_KINDS as readonly string[]).includes(rung.kind)) parts.push(kindDescription(rung.kind as RungKind));
  parts.push(vscode.l10n.t('Price: {0} to {1}', rung.min ?? '?', rung.max ?? '?'));
  if (rung.tier) parts.push(vscode.l10n.t('For customers of tier {0}', tierDescription(rung.tier)));
  const reply = rung.reply ? sendablesOf(files).find((candidate) => candidate.id === rung.reply && candidate.kind === 'reply') : undefined;
  if (reply) parts.push(vscode.l10n.t('Offered by: {0}', reply.label || reply.id), reply.text);
  return markdown(...parts);
}

/** Where the cursor's mapping sits among the new kinds, from the path the YAML context gives. */
export function planPlace(parent: readonly Segment[]): 'tag' | 'rule' | 'send' | 'stop' | 'rung' | 'suggest' | 'translations' | undefined {
  if (parent[0] === 'customerTags') return parent.includes('suggest') ? 'suggest' : 'tag';
  // A rule's send per language ({zh-CN: …, en: …}) is a mapping of its own, of replies and stories.
  if (parent[0] === 'followups') return parent[1] === 'rules' ? (parent.includes('send') ? 'send' : 'rule') : parent[1] === 'stop' ? 'stop' : undefined;
  if (parent[0] === 'ladder' && parent[1] === 'rungs') return parent.includes('translations') ? 'translations' : 'rung';
  return undefined;
}
