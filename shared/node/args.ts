import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LANGUAGES, type Language } from '../src/playbook/ids.ts';
import { UsageError } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parse a command's arguments with Node's own parser; a mistake becomes a UsageError (exit 2). */
export function parseCommandArgs<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `--limit N`: a whole number from 1 to 1000, or the command's default. */
export function parseLimit(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000, not "${value}"`);
  return limit;
}

/** `--lang LANG`: one of the playbooks' languages, or undefined to follow the message. */
export function parseLanguage(value: string | undefined): Language | undefined {
  if (value === undefined) return undefined;
  if (!(LANGUAGES as readonly string[]).includes(value)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, not "${value}"`);
  return value as Language;
}
