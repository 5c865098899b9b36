import * as vscode from 'vscode';
import { itemsOf, localText, renderReply, replyLanguage, storyText, type ParsedPlaybook, type Playbook, type Reply } from '@closer/shared';
import { draftBundle, suggestReplies } from '../engine.ts';
import type { PreviewModel, PreviewReply, TryResult } from './preview-model.ts';

/** The playbook as the salesperson sees it in the side panel: titles, and replies with defaults filled. */
export function previewModel(parsed: ParsedPlaybook, problems: { errors: number; warnings: number }): PreviewModel {
  const playbook = parsed.playbook;
  const base = { file: parsed.file, problems, objections: [], steps: [], stories: [], replies: [] };
  if (!playbook) {
    const first = parsed.diagnostics[0]?.message ?? vscode.l10n.t('the playbook does not match the schema yet; see Problems');
    return { ...base, title: parsed.file, unreadable: first };
  }
  const lines = new Map(itemsOf(playbook).map((item) => [item.id, parsed.locate([...item.path, 'id']).line]));
  const line = (id: string) => lines.get(id) ?? 1;
  const reply = (item: Reply): PreviewReply => {
    // Each reply with the defaults of its own language, as the side panel fills it.
    const rendered = renderReply(item.text, playbook.variables, {}, replyLanguage(item));
    return { id: item.id, label: item.label, text: rendered.text, missing: rendered.missing, line: line(item.id) };
  };
  return {
    ...base,
    title: localText(playbook.title, 'zh-CN'),
    objections: (playbook.objections ?? []).map((objection) => ({
      id: objection.id,
      title: localText(objection.title, 'zh-CN'),
      tag: objection.intent,
      note: localText(objection.principle, 'zh-CN'),
      line: line(objection.id),
      replies: objection.replies.map(reply),
    })),
    steps: (playbook.sequences ?? []).flatMap((sequence) =>
      sequence.steps.map((step) => ({
        id: step.id,
        title: localText(step.title, 'zh-CN'),
        tag: sequence.id,
        note: localText(step.goal, 'zh-CN'),
        line: line(step.id),
        replies: [...(step.replies ?? []), ...usedReplies(playbook, step.uses ?? [])].map(reply),
      })),
    ),
    stories: (playbook.stories ?? []).map((story) => ({
      id: story.id,
      title: localText(story.title, 'zh-CN'),
      text: renderReply(storyText(story, 'zh-CN'), playbook.variables, {}, 'zh-CN').text,
      line: line(story.id),
    })),
    replies: (playbook.replies ?? []).map(reply),
  };
}

function usedReplies(playbook: Playbook, ids: readonly string[]): Reply[] {
  const all = [...(playbook.objections ?? []).flatMap((o) => o.replies), ...(playbook.replies ?? [])];
  return ids.flatMap((id) => all.filter((candidate) => candidate.id === id));
}

/** What the engine makes of a customer message over the workspace's playbooks as they are now. */
export function tryMessage(files: readonly ParsedPlaybook[], message: string): TryResult {
  const bundle = draftBundle(files);
  const suggestion = suggestReplies(message, {}, bundle, { limit: 8 });
  return {
    message,
    intent: suggestion.intent,
    // The runner-up intents only when they show at two decimals.
    intents: suggestion.intents.filter((evidence, index) => index === 0 || evidence.score >= 0.005).map((evidence) => ({ ...evidence })),
    step: suggestion.step,
    nextStep: suggestion.nextStep,
    stepWhy: suggestion.stepWhy,
    ...(suggestion.uncovered ? { uncovered: suggestion.uncovered } : {}),
    replies: suggestion.replies.map(({ id, label, text, score, why, file, line, playbook }) => ({ id, label, text, score, why, file, line, playbook })),
    stories: suggestion.stories.map(({ id, title, text, score, file, line }) => ({ id, title, text, score, file, line })),
  };
}
