// The core's only public entry. Everything here is pure: no DOM, no node:, no vscode.
export * from './playbook/schema.ts';
export * from './playbook/diagnostic.ts';
export { parsePlaybook, oversizedPlaybook, MAX_PLAYBOOK_BYTES, type ParsedPlaybook, type Path } from './playbook/parse.ts';
export { lintPlaybooks, LINT_RULES, CONFIGURABLE_RULES, type LintOptions } from './playbook/lint/index.ts';
export { parseCloserConfig, CONFIG_FILE, type CloserConfig } from './playbook/config.ts';
export type { LintRule } from './playbook/lint/rule.ts';
export { repliesOf, itemsOf } from './playbook/lint/items.ts';
export { replyWeight, MAX_REPLY_WEIGHT } from './playbook/lint/rules/reply-too-long.ts';
export { renderReply, type RenderedReply } from './playbook/render.ts';
export { findVariables, variableNames } from './playbook/variables.ts';
export { localText, allTexts } from './playbook/local-text.ts';
export { closestName, editDistance } from './playbook/closest.ts';
export { allowedKeysAt } from './playbook/schema-issues.ts';
export { contentHash, canonicalJson } from './playbook/hash.ts';
export { storyText } from './playbook/story-text.ts';
export * from './playbook/bundle.ts';
export * from './playbook/base-corpus.ts';
// The engine (classify, conversation, suggest, search) and cases append their exports below.
export { classifyMessage, type Classification, type ExampleSource, type IntentEvidence } from './engine/classify.ts';
export { conversationState, eventOf, GOLDEN_SEQUENCE, type Conversation, type ConversationState, type CurrentMessage, type IntentOf } from './engine/conversation.ts';
export { GOLDEN_TRANSITIONS, stepAfter, transitionFor, type GoldenEvent, type GoldenState, type GoldenTransition } from './engine/golden-transitions.ts';
export { chatCueOf, type ChatCue } from './engine/golden-cues.ts';
export { INTENT_PRINCIPLES } from './engine/intent-principles.ts';
export { GOLDEN_STEP_NAMES } from './engine/golden-steps.ts';
export { suggestReplies, statsFactor, languageOf, type SuggestOptions, type SuggestedReply, type SuggestedStory, type Suggestion } from './engine/suggest.ts';
export { searchPlaybooks, searchEntries, buildSearchIndex, searchIndex, type SearchEntry, type SearchResult, type SearchOptions, type SearchIndex, type SearchKind } from './engine/search.ts';
export { normalizeText } from './engine/text.ts';
export * from './cases/index.ts';
