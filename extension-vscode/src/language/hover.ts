import * as vscode from 'vscode';
import { FOLLOWUP_TRIGGERS, findVariables, RUNG_KINDS, TAG_TIERS, type FollowupTrigger, type ParsedPlaybook, type RungKind } from '@closer/shared';
import { valueKey } from './completion.ts';
import { classifyMessage, draftBundle } from '../engine.ts';
import { intentDescription, isIntent } from './intents.ts';
import { drillSteps, isCustomerLine, isGoldenStep, isInDrill, turnIntentOf } from './drill-docs.ts';
import { markdown } from './markdown.ts';
import { customerTagsOf, kindDescription, planPlace, ruleHover, rungHover, sendablesOf, tagHover, tierDescription, triggerDescription } from './plan-facts.ts';
import { defaultLines } from './variable-doc.ts';
import { repliesOf, stepsOf, variablesOf } from './playbook-facts.ts';
import type { PlaybookWorkspace } from '../playbook-workspace.ts';
import { keyDoc } from './schema-docs.ts';
import { cursorContext, valuesOf } from './yaml-context.ts';

export function hoverProvider(workspace: PlaybookWorkspace): vscode.HoverProvider {
  return {
    provideHover(document, position) {
      const lines = document.getText().split(/\r?\n/);
      const line = lines[position.line] ?? '';
      const context = cursorContext(lines, position.line, position.character);
      const parsed = workspace.readableParse(document);
      const { shape } = context;

      const slot = findVariables(line).find((use) => position.character >= use.index && position.character < use.index + use.slot.length);
      if (slot) {
        const range = new vscode.Range(position.line, slot.index, position.line, slot.index + slot.slot.length);
        const variable = variablesOf(parsed).find((candidate) => candidate.name === slot.name);
        if (!variable) return new vscode.Hover(markdown({ bold: `{{${slot.name}}}` }, vscode.l10n.t('This variable is not declared under "variables".')), range);
        return new vscode.Hover(
          markdown(
            { bold: `{{${variable.name}}}` },
            variable.label,
            ...defaultLines(variable),
          ),
          range,
        );
      }

      if (shape.key !== undefined && position.character >= shape.indent && position.character <= shape.indent + shape.key.length) {
        const doc = keyDoc(context.parent, shape.key);
        if (doc) return new vscode.Hover(markdown({ bold: shape.key }, doc.description), new vscode.Range(position.line, shape.indent, position.line, shape.indent + shape.key.length));
        return undefined;
      }

      const value = valuesOf(shape).find((candidate) => position.character >= candidate.column && position.character <= candidate.column + candidate.value.length + 1);
      if (!value) return undefined;
      const range = new vscode.Range(position.line, value.column, position.line, value.column + value.value.length);
      const key = valueKey(context.parent, shape.key);
      if ((key === 'intent' || key === 'intents') && isIntent(value.value)) {
        return new vscode.Hover(markdown({ bold: value.value }, intentDescription(value.value)), range);
      }
      if (key === 'next' || (key === 'id' && context.parent.includes('steps') && context.parent.at(-2) === 'steps')) {
        const step = stepsOf(parsed).find((candidate) => candidate.id === value.value);
        if (step) return new vscode.Hover(markdown({ bold: step.title || step.id }, vscode.l10n.t('Goal: {0}', step.goal)), range);
      }
      if (key === 'uses') {
        for (const file of workspace.parsed()) {
          const reply = repliesOf(file).find((candidate) => candidate.id === value.value);
          if (reply) return new vscode.Hover(markdown({ bold: reply.label }, reply.text), range);
        }
      }
      const planHover = planValueHover(workspace.readableWorkspace(document), planPlace(context.parent), key, value.value);
      if (planHover) return new vscode.Hover(planHover, range);
      if (key === 'step' && isInDrill(context.parent) && isGoldenStep(value.value)) {
        const step = drillSteps().find((candidate) => candidate.id === value.value)!;
        return new vscode.Hover(markdown({ bold: step.title }, vscode.l10n.t('Goal: {0}', step.goal)), range);
      }
      if (isCustomerLine(context.parent, shape.key)) {
        return new vscode.Hover(exampleHover(workspace.parsed(), parsed, value.value, turnIntentOf(parsed.playbook, value.value)), range);
      }
      if (key === 'examples' && context.parent.includes('triggers')) {
        return new vscode.Hover(exampleHover(workspace.parsed(), parsed, value.value), range);
      }
      return undefined;
    },
  };
}

/** What a value of the tag tree, the revisit plan or the ladder is: a tag's place in the tree, a rule, a rung, what is sent. */
function planValueHover(files: readonly ParsedPlaybook[], place: ReturnType<typeof planPlace>, key: string | undefined, value: string): vscode.MarkdownString | undefined {
  if (place === undefined) return undefined;
  if (place === 'tag' && (key === 'id' || key === 'parent')) return tagHover(customerTagsOf(files), value);
  if (place === 'rule' && key === 'id') return ruleHover(files, value);
  if (place === 'rung' && key === 'id') return rungHover(files, value);
  if ((place === 'rule' && key === 'send') || (place === 'rung' && key === 'reply') || place === 'translations' || place === 'send') {
    const sent = sendablesOf(files).find((fact) => fact.id === value);
    return sent ? markdown({ bold: sent.label || sent.id }, sent.text) : undefined;
  }
  if (key === 'tier' && (TAG_TIERS as readonly string[]).includes(value)) return markdown({ bold: value }, tierDescription(value));
  if (key === 'when' && (FOLLOWUP_TRIGGERS as readonly string[]).includes(value)) return markdown({ bold: value }, triggerDescription(value as FollowupTrigger));
  if (key === 'kind' && (RUNG_KINDS as readonly string[]).includes(value)) return markdown({ bold: value }, kindDescription(value as RungKind));
  return undefined;
}

/** Which intent the engine assigns a trigger example, so a misread example stands out at once. */
function exampleHover(files: readonly ParsedPlaybook[], parsed: ParsedPlaybook, example: string, turnIntent?: string): vscode.MarkdownString {
  const result = classifyMessage(example, draftBundle(files));
  const top = result.intents[0]!;
  const owner = parsed.playbook?.objections?.find((objection) => objection.triggers.examples?.includes(example));
  const parts: Parameters<typeof markdown> = [
    vscode.l10n.t('The engine reads this message as "{0}" (score {1}).', top.intent, top.score.toFixed(2)),
  ];
  if (top.keyword) parts.push(vscode.l10n.t('Evidence: the keyword "{0}".', top.keyword));
  else if (top.example) parts.push(vscode.l10n.t('Evidence: it resembles "{0}".', top.example));
  if (owner && owner.intent !== top.intent) {
    parts.push({ bold: vscode.l10n.t('Warning: this objection is "{0}", so the example would be misread.', owner.intent) });
  }
  if (turnIntent && turnIntent !== top.intent) {
    parts.push({ bold: vscode.l10n.t('Warning: this drill turn is "{0}"; a reply would be scored for "{0}", while the engine reads the customer as "{1}".', turnIntent, top.intent) });
  }
  return markdown(...parts);
}
