import * as vscode from 'vscode';
import { findVariables, type ParsedPlaybook, type Path } from '@closer/shared';
import { valueKey } from './completion.ts';
import { toRange } from './diagnostics.ts';
import type { PlaybookWorkspace } from '../playbook-workspace.ts';
import { planPlace } from './plan-facts.ts';
import { cursorContext, valuesOf } from './yaml-context.ts';

/** The path of the item (objection, step, reply…) with this id, searched through the plain data. */
export function findItem(data: unknown, id: string, path: Path = []): Path | undefined {
  if (Array.isArray(data)) {
    for (let index = 0; index < data.length; index++) {
      const found = findItem(data[index], id, [...path, index]);
      if (found) return found;
    }
  } else if (typeof data === 'object' && data !== null) {
    const record = data as Record<string, unknown>;
    if (record.id === id && path.length > 0) return path;
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === 'object') {
        const found = findItem(value, id, [...path, key]);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function at(workspace: PlaybookWorkspace, parsed: ParsedPlaybook, range: vscode.Range, fallback: vscode.Uri): vscode.Location {
  return new vscode.Location(workspace.uriOf(parsed.file) ?? fallback, range);
}

/** Go to definition: {{variables}} to their declaration, step, reply, story and tag ids to where they are defined. */
export function definitionProvider(workspace: PlaybookWorkspace): vscode.DefinitionProvider {
  return {
    provideDefinition(document, position) {
      const lines = document.getText().split(/\r?\n/);
      const line = lines[position.line] ?? '';
      const parsed = workspace.readableParse(document);
      const slot = findVariables(line).find((use) => position.character >= use.index && position.character < use.index + use.slot.length);
      const data = parsed.data as Record<string, unknown> | undefined;
      if (slot) {
        const variables = data?.variables;
        if (typeof variables !== 'object' || variables === null || !Object.hasOwn(variables, slot.name)) return undefined;
        return new vscode.Location(document.uri, toRange(parsed.locate(['variables', slot.name], { key: true })));
      }
      const context = cursorContext(lines, position.line, position.character);
      const value = valuesOf(context.shape).find((candidate) => position.character >= candidate.column && position.character <= candidate.column + candidate.value.length);
      if (!value) return undefined;
      const key = valueKey(context.parent, context.shape.key);
      if (key === 'tags' && context.parent[0] === 'stories') {
        const tags = data?.tags;
        if (typeof tags !== 'object' || tags === null || !Object.hasOwn(tags, value.value)) return undefined;
        return new vscode.Location(document.uri, toRange(parsed.locate(['tags', value.value], { key: true })));
      }
      // A tag's parent, what a follow-up sends and the reply that offers a rung are ids like a step's.
      const place = planPlace(context.parent);
      const planReference = (key === 'parent' && place === 'tag') || (key === 'send' && place === 'rule') || (key === 'reply' && place === 'rung') || place === 'translations' || place === 'send';
      if (key !== 'next' && key !== 'uses' && !planReference) return undefined;
      // The same playbook first (a step's "next" names a step of its own sequence), then the others.
      for (const file of [parsed, ...workspace.parsed().filter((other) => other.file !== parsed.file)]) {
        const path = findItem(file.data, value.value);
        if (path) return at(workspace, file, toRange(file.locate([...path, 'id'])), document.uri);
      }
      return undefined;
    },
  };
}
