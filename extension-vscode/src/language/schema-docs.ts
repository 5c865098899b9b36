// What each key of a playbook means, read from the schema's own descriptions (the zod
// `.describe()` texts, through the generated JSON Schema), so the docs never drift from the schema.
import { playbookJsonSchema } from '@closer/shared';
import type { Segment } from './yaml-context.ts';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  enum?: unknown[];
}

let root: JsonSchema | undefined;
function schemaRoot(): JsonSchema {
  root ??= playbookJsonSchema() as JsonSchema;
  return root;
}

/** The object schema among a union's options (a LocalText is text or {zh-CN, en}). */
function objectOf(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  if (schema.properties || typeof schema.additionalProperties === 'object') return schema;
  return schema.anyOf?.find((option) => option.properties || typeof option.additionalProperties === 'object');
}

function child(schema: JsonSchema | undefined, segment: Segment): JsonSchema | undefined {
  if (!schema) return undefined;
  if (typeof segment === 'number') return schema.items ?? schema.anyOf?.find((option) => option.items)?.items;
  const object = objectOf(schema);
  if (!object) return undefined;
  return object.properties?.[segment] ?? (typeof object.additionalProperties === 'object' ? object.additionalProperties : undefined);
}

export function schemaAt(path: readonly Segment[]): JsonSchema | undefined {
  let schema: JsonSchema | undefined = schemaRoot();
  for (const segment of path) schema = child(schema, segment);
  return schema;
}

export interface KeyDoc {
  key: string;
  description: string;
  required: boolean;
  /** What kind of value goes after the key: shapes the inserted text. */
  shape: 'list' | 'mapping' | 'text';
}

/** The keys allowed in the mapping at `path`, with what each means. Empty for free-form maps. */
export function keysAt(path: readonly Segment[]): KeyDoc[] {
  const object = objectOf(schemaAt(path));
  if (!object?.properties) return [];
  return Object.entries(object.properties).map(([key, schema]) => ({
    key,
    description: descriptionOf(schema),
    required: object.required?.includes(key) ?? false,
    shape: shapeOf(schema),
  }));
}

export function keyDoc(path: readonly Segment[], key: string): KeyDoc | undefined {
  return keysAt(path).find((doc) => doc.key === key);
}

function descriptionOf(schema: JsonSchema): string {
  return schema.description ?? schema.items?.description ?? schema.anyOf?.find((option) => option.description)?.description ?? '';
}

function shapeOf(schema: JsonSchema): KeyDoc['shape'] {
  if (schema.type === 'array') return 'list';
  if (schema.type === 'object' && !schema.anyOf) return 'mapping';
  return 'text';
}
