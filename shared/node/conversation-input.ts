// Reading a conversation from the command line: a batch line of `closer suggest --jsonl` or the
// file given to --history. Anything malformed is a message saying what, never an exception.
import type { Conversation } from '../src/index.ts';

export interface ConversationInput {
  message: string;
  conversation: Conversation;
}

/** Keys a batch object may have; anything else is probably a typo worth reporting. */
const KEYS = new Set(['message', 'history', 'used', 'tags']);

/** A list of strings, or the reason it is not one. */
function stringList(value: unknown, name: string): string[] | string {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return `"${name}" must be a list of strings, not ${describe(value)}`;
  const bad = value.findIndex((item) => typeof item !== 'string');
  if (bad >= 0) return `"${name}" must be a list of strings; entry ${bad + 1} is ${describe(value[bad])}`;
  return value as string[];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * One batch line: the customer's message as plain text, or an object
 * `{"message": "...", "history": [...], "used": [...]}` (history oldest first).
 * Returns the conversation, or the reason the line cannot be answered.
 */
export function parseBatchLine(line: string, used: readonly string[], tags: readonly string[] = []): ConversationInput | { error: string } {
  const trimmed = line.trim();
  if (trimmed === '') return { error: 'the line is empty: give the customer’s message' };
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { message: line, conversation: { usedReplies: used, tags } };
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    // Not JSON after all: a customer may well type a brace.
    return { message: line, conversation: { usedReplies: used, tags } };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { error: `a JSON line must be an object {"message", "history", "used"}, not ${describe(data)}` };
  }
  const record = data as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !KEYS.has(key));
  if (unknown.length > 0) return { error: `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}: a line may have "message", "history", "used" and "tags"` };
  if (typeof record.message !== 'string') return { error: `"message" must be the customer’s message as a string, not ${record.message === undefined ? 'missing' : describe(record.message)}` };
  if (record.message.trim() === '') return { error: '"message" is empty: give the customer’s message' };
  const history = stringList(record.history, 'history');
  if (typeof history === 'string') return { error: history };
  const usedHere = stringList(record.used, 'used');
  if (typeof usedHere === 'string') return { error: usedHere };
  const tagsHere = stringList(record.tags, 'tags');
  if (typeof tagsHere === 'string') return { error: tagsHere };
  return { message: record.message, conversation: { customerMessages: history, usedReplies: [...used, ...usedHere], tags: [...tags, ...tagsHere] } };
}

/**
 * The text of a --history file: earlier customer messages, oldest first — one a line, or a JSON
 * list of strings. Returns the messages or the reason the file cannot be read as a history.
 */
export function parseHistoryText(text: string): string[] | { error: string } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('[')) {
    try {
      const list = stringList(JSON.parse(trimmed), 'history');
      return typeof list === 'string' ? { error: list } : list;
    } catch {
      // A first message that starts with a bracket: read the file line by line.
    }
  }
  return trimmed === '' ? [] : trimmed.split(/\r?\n/).filter((line) => line.trim() !== '');
}
