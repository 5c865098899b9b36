import type { z } from 'zod';
import { didYouMean } from './closest.ts';
import type { Path } from './parse.ts';
import { PlaybookSchema } from './schema.ts';

/** The value at `path` in plain data, without touching inherited properties such as `__proto__`. */
export function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** The keys the schema allows in the mapping at `path`, for "did you mean" hints on unknown keys. */
export function allowedKeysAt(path: Path): string[] {
  let schema: z.core.$ZodType | undefined = PlaybookSchema();
  for (const segment of path) {
    schema = schema && childSchema(unwrap(schema), segment);
  }
  const def = schema && unwrap(schema)._zod.def;
  return def?.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  while (current._zod.def.type === 'optional' || current._zod.def.type === 'default') {
    current = (current._zod.def as z.core.$ZodOptionalDef).innerType;
  }
  return current;
}

function childSchema(schema: z.core.$ZodType, segment: string | number): z.core.$ZodType | undefined {
  const def = schema._zod.def;
  if (def.type === 'object') return (def as z.core.$ZodObjectDef).shape[segment];
  if (def.type === 'array') return (def as z.core.$ZodArrayDef).element;
  if (def.type === 'record') return (def as z.core.$ZodRecordDef).valueType;
  if (def.type === 'union') {
    for (const option of (def as z.core.$ZodUnionDef).options) {
      const child = childSchema(unwrap(option), segment);
      if (child) return child;
    }
  }
  return undefined;
}

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.length > 30 ? value.slice(0, 30) + '…' : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'a mapping of keys';
  return typeof value;
}

/** What a key whose value is a union other than prose expects, by the key's name (prose is the usual union). */
const UNION_EXPECTED: Record<string, string> = {
  send: 'a reply or story id, or one per language with "zh-CN" (e.g. { zh-CN: care_zh, en: care_en })',
};

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a mapping (lines of "key: value")',
};

function keyName(path: Path): string {
  const last = path.at(-1);
  if (last === undefined) return 'the playbook';
  if (typeof last === 'number') return `item ${last + 1} of "${String(path.at(-2))}"`;
  return `"${last}"`;
}

export interface DescribedIssue {
  path: Path;
  /** Point at the key rather than the value, as for an unknown key. */
  atKey: boolean;
  message: string;
}

/** Turn a zod issue into a sentence an ops author who has never programmed understands. */
export function describeSchemaIssue(issue: z.core.$ZodIssue, data: unknown): DescribedIssue[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const value = valueAt(data, path);
  const exists = path.length === 0 ? data !== undefined : valueAt(data, path.slice(0, -1)) !== undefined && value !== undefined;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(path);
      return issue.keys.map((key) => ({
        path: [...path, key],
        atKey: true,
        message: `unknown key "${key}"${didYouMean(key, allowed)}${allowed.length > 0 && !didYouMean(key, allowed) ? ` (allowed here: ${allowed.join(', ')})` : ''}`,
      }));
    }
    case 'invalid_type': {
      if (!exists) {
        return [{ path: path.slice(0, -1), atKey: false, message: `missing ${keyName(path)}: it is required here` }];
      }
      return [{ path, atKey: false, message: `${keyName(path)} should be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(value)}` }];
    }
    case 'invalid_union': {
      if (!exists) {
        return [{ path: path.slice(0, -1), atKey: false, message: `missing ${keyName(path)}: it is required here` }];
      }
      const expected = UNION_EXPECTED[String(path[path.length - 1])] ?? 'text, or a mapping with "zh-CN" and "en" texts';
      return [{ path, atKey: false, message: `${keyName(path)} should be ${expected}; it is ${kindOf(value)}` }];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const given = typeof value === 'string' ? value : String(value);
      return [{ path, atKey: false, message: `${keyName(path)} must be one of ${options.join(', ')}; "${given}" is not${didYouMean(given, options)}` }];
    }
    case 'too_small': {
      // A number below its minimum (a negative delay, a zero where a count is needed) says so, not "empty".
      const what =
        issue.origin === 'array' ? `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
        : issue.origin === 'number' ? `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}; ${String(value)} is not`
        : 'is empty';
      return [{ path, atKey: false, message: `${keyName(path)} ${what}` }];
    }
    case 'invalid_format':
      return [{ path, atKey: false, message: `${keyName(path)}: ${issue.message}` }];
    case 'invalid_key':
      return [{ path, atKey: true, message: `${keyName(path)} is not a valid name here (use letters, digits and "_")` }];
    default:
      return [{ path, atKey: false, message: `${keyName(path)}: ${issue.message}` }];
  }
}
