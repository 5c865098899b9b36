import * as vscode from 'vscode';
import { localText, type LocalText, type ParsedPlaybook, type Path } from '@closer/shared';
import { toRange } from './diagnostics.ts';
import type { PlaybookWorkspace } from '../playbook-workspace.ts';

type Data = Record<string, unknown>;
const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

function titleOf(item: Data): string {
  const title = item.title ?? item.label;
  try {
    return typeof title === 'string' || isRecord(title) ? localText(title as LocalText, 'zh-CN') : '';
  } catch {
    return '';
  }
}

function symbol(parsed: ParsedPlaybook, path: Path, item: Data, kind: vscode.SymbolKind, children: vscode.DocumentSymbol[] = []): vscode.DocumentSymbol {
  const name = typeof item.id === 'string' ? item.id : '?';
  const range = toRange(parsed.locate(path));
  const selection = toRange(parsed.locate([...path, 'id']));
  const result = new vscode.DocumentSymbol(name, titleOf(item), kind, range, range.contains(selection) ? selection : range);
  result.children = children;
  return result;
}

function items(value: unknown): [Data, number][] {
  return Array.isArray(value) ? value.flatMap((item, index) => (isRecord(item) ? [[item, index] as [Data, number]] : [])) : [];
}

/** The outline: objections with their replies, sequences with their steps, stories, loose replies, the tag tree, follow-up rules and ladder rungs. */
export function documentSymbols(parsed: ParsedPlaybook): vscode.DocumentSymbol[] {
  const data = parsed.data;
  if (!isRecord(data)) return [];
  const replies = (owner: Path, value: unknown) =>
    items(value).map(([reply, r]) => symbol(parsed, [...owner, 'replies', r], reply, vscode.SymbolKind.String));
  const result: vscode.DocumentSymbol[] = [];
  if (isRecord(data.variables)) {
    for (const name of Object.keys(data.variables)) {
      const range = toRange(parsed.locate(['variables', name]));
      const key = toRange(parsed.locate(['variables', name], { key: true }));
      result.push(new vscode.DocumentSymbol(name, vscode.l10n.t('variable'), vscode.SymbolKind.Variable, range.union(key), key));
    }
  }
  for (const [objection, o] of items(data.objections)) {
    result.push(symbol(parsed, ['objections', o], objection, vscode.SymbolKind.Class, replies(['objections', o], objection.replies)));
  }
  for (const [sequence, s] of items(data.sequences)) {
    const steps = items(sequence.steps).map(([step, t]) =>
      symbol(parsed, ['sequences', s, 'steps', t], step, vscode.SymbolKind.Event, replies(['sequences', s, 'steps', t], step.replies)),
    );
    result.push(symbol(parsed, ['sequences', s], sequence, vscode.SymbolKind.Module, steps));
  }
  for (const [story, s] of items(data.stories)) result.push(symbol(parsed, ['stories', s], story, vscode.SymbolKind.Object));
  result.push(...replies([], data.replies));
  for (const [guide, g] of items(data.guides)) result.push(symbol(parsed, ['guides', g], guide, vscode.SymbolKind.File));
  result.push(...tagTree(parsed, data.customerTags));
  const plan = isRecord(data.followups) ? data.followups : {};
  for (const [rule, r] of items(plan.rules)) result.push(symbol(parsed, ['followups', 'rules', r], rule, vscode.SymbolKind.Event));
  const ladder = isRecord(data.ladder) ? data.ladder : {};
  for (const [rung, r] of items(ladder.rungs)) result.push(symbol(parsed, ['ladder', 'rungs', r], rung, vscode.SymbolKind.Constant));
  return result;
}

/** The customer tags as a tree: each under its parent when the parent is in this file (a loop or an outside parent leaves it on top). */
function tagTree(parsed: ParsedPlaybook, value: unknown): vscode.DocumentSymbol[] {
  const tags = items(value).map(([tag, t]) => ({ tag, node: symbol(parsed, ['customerTags', t], tag, vscode.SymbolKind.EnumMember) }));
  const byId = new Map(tags.map((entry) => [entry.tag.id, entry]));
  const roots: vscode.DocumentSymbol[] = [];
  for (const entry of tags) {
    const parent = byId.get(entry.tag.parent);
    // Following parents from the would-be parent must not come back to this tag, or the outline would loop.
    let loops = false;
    for (let at = parent, steps = 0; at && steps <= tags.length; at = byId.get(at.tag.parent), steps++) if (at === entry) loops = true;
    if (parent && parent !== entry && !loops) parent.node.children.push(entry.node);
    else roots.push(entry.node);
  }
  return roots;
}

export function symbolProvider(workspace: PlaybookWorkspace): vscode.DocumentSymbolProvider {
  return { provideDocumentSymbols: (document) => documentSymbols(workspace.parseDocument(document)) };
}
