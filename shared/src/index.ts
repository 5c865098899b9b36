// The core's only public entry. Everything here is pure: no DOM, no node:, no vscode.
export * from './schema.ts';
export * from './diagnostic.ts';
export { parsePlaybook, MAX_PLAYBOOK_BYTES, type ParsedPlaybook, type Path } from './parse.ts';
export { lintPlaybooks, LINT_RULES } from './lint/index.ts';
export type { LintRule } from './lint/rule.ts';
export { repliesOf, itemsOf } from './lint/items.ts';
export { replyWeight, MAX_REPLY_WEIGHT } from './lint/rules/reply-too-long.ts';
export { renderReply, type RenderedReply } from './render.ts';
export { findVariables, variableNames } from './variables.ts';
export { localText, allTexts } from './local-text.ts';
export { closestName, editDistance } from './closest.ts';
export { allowedKeysAt } from './schema-issues.ts';
export { contentHash, canonicalJson } from './hash.ts';
export * from './bundle.ts';
// The engine (classify, conversation, suggest, search) and cases append their exports below.
