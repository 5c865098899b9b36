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
export { classifyMessage, type Classification, type IntentEvidence } from './classify.ts';
export { conversationState, GOLDEN_SEQUENCE, type Conversation, type ConversationState } from './conversation.ts';
export { suggestReplies, statsFactor, storyText, languageOf, type SuggestOptions, type SuggestedReply, type SuggestedStory, type Suggestion } from './suggest.ts';
export { searchPlaybooks, searchEntries, buildSearchIndex, searchIndex, type SearchEntry, type SearchResult, type SearchOptions, type SearchIndex, type SearchKind } from './search.ts';
export { normalizeText } from './text.ts';
export * from './cases/index.ts';
