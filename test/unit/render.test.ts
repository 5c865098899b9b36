import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReply } from '@closer/shared';

const variables = { product: { label: 'Product', default: 'the cream' }, price: { label: 'Price' } };

describe('renderReply', () => {
  it('fills declared defaults, then values the salesperson gave', () => {
    expect(renderReply('{{product}} for {{price}}', variables, { price: '299' })).toEqual({ text: 'the cream for 299', missing: [] });
    expect(renderReply('{{ product }}!', variables, { product: 'Serum' }).text).toBe('Serum!');
  });

  it('reports an unfilled variable instead of sending its slot', () => {
    expect(renderReply('Only {{price}} today', variables)).toEqual({ text: 'Only  today', missing: ['price'] });
    expect(renderReply('{{nope}} {{nope}}', variables).missing).toEqual(['nope']);
  });

  it('a blank value falls back to the default', () => {
    expect(renderReply('{{product}}', variables, { product: '  ' }).text).toBe('the cream');
  });

  it('does not read inherited properties as variables', () => {
    expect(renderReply('{{constructor}}{{__proto__}}', {}, {})).toEqual({ text: '', missing: ['constructor', '__proto__'] });
  });

  it('never leaves {{ in the output, whatever the text and values', () => {
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.string(), fc.string()), (text, values) => {
        expect(renderReply(text, variables, values).text).not.toContain('{{');
      }),
    );
  });
});
