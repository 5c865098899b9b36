// The panel's requests to the worker (extension-browser/src/requests.ts): each type's schema is
// built the first time one of its type arrives, and only a request type has one.
import { describe, expect, it } from 'vitest';
import { REQUEST_TYPES, requestSchemaOf } from '../../extension-browser/src/requests.ts';

describe('request schemas', () => {
  it('checks a request with its own type’s schema, naming the field that is wrong', () => {
    const suggest = requestSchemaOf('suggest')!;
    expect(suggest.safeParse({ type: 'suggest', text: '太贵了', conversationKey: 'chat-1' }).success).toBe(true);
    const wrong = suggest.safeParse({ type: 'suggest', text: 42, conversationKey: 'chat-1' });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(['text']);
    // Another type's request does not pass as this one.
    expect(suggest.safeParse({ type: 'search', query: 'x' }).success).toBe(false);
  });

  it('builds a schema once and has none for what is not a request type', () => {
    expect(requestSchemaOf('search')).toBe(requestSchemaOf('search'));
    for (const type of ['customer-message', 'suggest-for', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(requestSchemaOf(type), type).toBeUndefined();
  });

  it('keys each schema by the type its requests carry', () => {
    expect(REQUEST_TYPES.length).toBeGreaterThan(30);
    for (const type of REQUEST_TYPES) {
      const shape = (requestSchemaOf(type) as unknown as { _zod: { def: { shape: { type: { _zod: { values: Set<string> } } } } } })._zod.def.shape;
      expect([...shape.type._zod.values], type).toEqual([type]);
    }
  });
});
