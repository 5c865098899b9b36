import * as vscode from 'vscode';
import { FOLLOWUP_TRIGGERS, INTENTS, LANGUAGES, RUNG_KINDS, TAG_TIERS } from '@closer/shared';
import { intentDescription } from './intents.ts';
import { drillSteps, isInDrill } from './drill-docs.ts';
import { repliesOf, stepsOf, tagsOf, uniqueFacts, variablesOf } from './playbook-facts.ts';
import type { PlaybookWorkspace } from '../playbook-workspace.ts';
import { markdown } from './markdown.ts';
import { customerTagsOf, kindDescription, lossReasonsOf, planPlace, sendablesOf, tagPath, tierDescription, triggerDescription } from './plan-facts.ts';
import { keysAt } from './schema-docs.ts';
import { snippetsAt } from './snippets.ts';
import { defaultLines } from './variable-doc.ts';
import { cursorContext, shapeOf, siblingKeys, type Segment } from './yaml-context.ts';

/** The key whose value is being written: the key on the line, or the list's key for a "- " item. */
export function valueKey(parent: readonly Segment[], key: string | undefined): string | undefined {
  if (key !== undefined) return key;
  const last = parent.at(-1) === 0 ? parent.at(-2) : parent.at(-1);
  return typeof last === 'string' ? last : undefined;
}

function documented(label: string, kind: vscode.CompletionItemKind, doc: string | vscode.MarkdownString, detail?: string): vscode.CompletionItem {
  const item = new vscode.CompletionItem(label, kind);
  item.documentation = typeof doc === 'string' ? markdown(doc) : doc;
  if (detail) item.detail = detail;
  return item;
}

export function completionProvider(workspace: PlaybookWorkspace): vscode.CompletionItemProvider {
  return {
    provideCompletionItems(document, position) {
      const lines = document.getText().split(/\r?\n/);
      const context = cursorContext(lines, position.line, position.character);
      // While the YAML is broken, the lenient reading first, then the last clean parse for what it lost.
      const readable = workspace.readableParses(document);

      if (context.slot) {
        const line = lines[position.line]!;
        // Closed when "}}" follows before any other brace, as when renaming inside {{name}}.
        const closed = /^[^{}]*\}\}/.test(line.slice(position.character));
        const start = line.lastIndexOf('{{', position.character) + 2;
        const range = new vscode.Range(position.line, start, position.line, position.character);
        return uniqueFacts(readable.map(variablesOf), (variable) => variable.name).map((variable) => {
          const item = documented(
            variable.name,
            vscode.CompletionItemKind.Variable,
            markdown(variable.label, ...defaultLines(variable)),
            variable.label,
          );
          item.range = range;
          item.insertText = closed ? variable.name : `${variable.name}}}`;
          return item;
        });
      }

      if (context.inKey) {
        // A key already written in the same mapping is not offered again.
        const written = siblingKeys(lines, position.line, context.shape.indent);
        const keys = keysAt(context.parent).filter((doc) => !written.has(doc.key)).map((doc) => {
          const item = documented(doc.key, vscode.CompletionItemKind.Property, doc.description, doc.required ? vscode.l10n.t('required') : undefined);
          // VS Code indents the snippet's later lines like the first: two more spaces nest them.
          item.insertText = new vscode.SnippetString(
            doc.shape === 'list' ? `${doc.key}:\n  - $0` : doc.shape === 'mapping' ? `${doc.key}:\n  $0` : `${doc.key}: $0`,
          );
          item.sortText = (doc.required ? '0' : '1') + doc.key;
          return item;
        });
        const line = lines[position.line]!;
        const dash = /^(\s*)(-\s*)?/.exec(line)!;
        const fileIsEmpty = lines.every((other, index) => index === position.line || shapeOf(other).blank);
        const snippets = snippetsAt(context.parent, dash[2] !== undefined, fileIsEmpty).map((snippet) => {
          const item = documented(snippet.name, vscode.CompletionItemKind.Snippet, snippet.description, vscode.l10n.t('Closer snippet'));
          // A list item's snippet starts with "- ": it replaces a "- " already typed on the line.
          item.range = new vscode.Range(position.line, dash[1]!.length, position.line, position.character);
          item.insertText = new vscode.SnippetString(snippet.body);
          item.filterText = `${dash[2] ?? ''}${snippet.name}`;
          item.sortText = '2' + snippet.name;
          return item;
        });
        return [...keys, ...snippets];
      }

      const key = valueKey(context.parent, context.shape.key);
      const wordRange = document.getWordRangeAtPosition(position, /[\w-]+/);
      const withRange = (item: vscode.CompletionItem) => {
        if (wordRange) item.range = wordRange;
        return item;
      };
      switch (key) {
        case 'intent':
        case 'intents':
          return INTENTS.map((intent) => withRange(documented(intent, vscode.CompletionItemKind.EnumMember, intentDescription(intent))));
        case 'step':
          // A drill turn's step is one of the golden model's (a sequence's steps are written under "steps").
          if (!isInDrill(context.parent)) return [];
          return drillSteps().map((step, order) => {
            const item = withRange(documented(step.id, vscode.CompletionItemKind.EnumMember, markdown({ bold: step.title }, vscode.l10n.t('Goal: {0}', step.goal))));
            item.sortText = String(order);
            return item;
          });
        case 'lang':
          return LANGUAGES.map((language) => withRange(documented(language, vscode.CompletionItemKind.EnumMember, language)));
        case 'next':
          return uniqueFacts(readable.map(stepsOf), (step) => step.id).map((step) =>
            withRange(documented(step.id, vscode.CompletionItemKind.Reference, markdown({ bold: step.title }, vscode.l10n.t('Goal: {0}', step.goal)), step.sequence)),
          );
        case 'uses':
          return uniqueFacts(
            workspace.readableWorkspace(document).map((file) => repliesOf(file).map((reply) => ({ ...reply, file: file.file }))),
            (reply) => reply.id,
          ).map((reply) => withRange(documented(reply.id, vscode.CompletionItemKind.Reference, markdown({ bold: reply.label }, reply.text), reply.file)));
        case 'parent': {
          // A parent is a category or a group: a tag under a tag would be a fourth level.
          if (planPlace(context.parent) !== 'tag') return [];
          const tags = customerTagsOf(workspace.readableWorkspace(document));
          return uniqueFacts([tags], (tag) => tag.id)
            .filter((tag) => tagPath(tags, tag.id).length < 3)
            .map((tag) => {
              const path = tagPath(tags, tag.id);
              const item = withRange(documented(tag.id, vscode.CompletionItemKind.Reference, markdown({ bold: tag.label }, path.map((node) => node.label || node.id).join(' → ')), tag.label));
              item.sortText = `${path.length}${tag.id}`;
              return item;
            });
        }
        case 'send':
        case 'reply':
        case 'en':
        case 'zh-CN': {
          // A follow-up sends a reply or a story (one per language too); a rung (and its translations) is offered by a reply.
          const place = planPlace(context.parent);
          const wanted = key === 'send' ? place === 'rule' : key === 'reply' ? place === 'rung' : place === 'translations' || place === 'send';
          if (!wanted) return [];
          const stories = key === 'send' || place === 'send';
          const sendables = sendablesOf(workspace.readableWorkspace(document)).filter((fact) => stories || fact.kind === 'reply');
          return uniqueFacts([sendables], (fact) => fact.id).map((fact) =>
            withRange(documented(fact.id, fact.kind === 'story' ? vscode.CompletionItemKind.Struct : vscode.CompletionItemKind.Reference, markdown({ bold: fact.label || fact.id }, fact.text), fact.file)),
          );
        }
        case 'tier': {
          const place = planPlace(context.parent);
          if (place !== 'tag' && place !== 'rung') return [];
          return TAG_TIERS.map((tier, order) => {
            const item = withRange(documented(tier, vscode.CompletionItemKind.EnumMember, tierDescription(tier)));
            item.sortText = String(order);
            return item;
          });
        }
        case 'when':
          if (planPlace(context.parent) !== 'rule') return [];
          return FOLLOWUP_TRIGGERS.map((trigger) => withRange(documented(trigger, vscode.CompletionItemKind.EnumMember, triggerDescription(trigger))));
        case 'kind':
          if (planPlace(context.parent) !== 'rung') return [];
          return RUNG_KINDS.map((kind, order) => {
            const item = withRange(documented(kind, vscode.CompletionItemKind.EnumMember, kindDescription(kind)));
            item.sortText = String(order);
            return item;
          });
        case 'lossReasons': {
          const place = planPlace(context.parent);
          if (place !== 'rule' && place !== 'stop') return [];
          return lossReasonsOf(workspace.readableWorkspace(document)).map((reason) => withRange(documented(reason, vscode.CompletionItemKind.EnumMember, reason)));
        }
        case 'steps':
          // The golden-model steps a tag's suggestion waits for.
          if (planPlace(context.parent) !== 'suggest') return [];
          return drillSteps().map((step, order) => {
            const item = withRange(documented(step.id, vscode.CompletionItemKind.EnumMember, markdown({ bold: step.title }, vscode.l10n.t('Goal: {0}', step.goal))));
            item.sortText = String(order);
            return item;
          });
        case 'tags':
          if (context.parent[0] !== 'stories') return [];
          return uniqueFacts(readable.map(tagsOf), (tag) => tag.id).map((tag) => withRange(documented(tag.id, vscode.CompletionItemKind.EnumMember, tag.label)));
        default:
          return [];
      }
    },
  };
}
