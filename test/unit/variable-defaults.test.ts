import { describe, expect, it } from 'vitest';
import { defaultIn, lintPlaybooks, parsePlaybook, renderReply, replyLanguage, type Variable } from '@closer/shared';

const variables: Record<string, Variable> = {
  shop: { label: 'Shop', default: 'Green Leaf' },
  price: { label: { 'zh-CN': '价格', en: 'Price' }, default: { 'zh-CN': '每月399元', en: '399 a month' } },
  gift: { label: '赠品', default: { 'zh-CN': '茶具一套' } },
  hours: { label: 'Hours', default: { en: '9 to 5' } },
};

describe('variable defaults in the reply\'s language', () => {
  it('a plain default fills replies of both languages, as before', () => {
    expect(renderReply('欢迎光临{{shop}}', variables, {}, 'zh-CN')).toEqual({ text: '欢迎光临Green Leaf', missing: [] });
    expect(renderReply('Welcome to {{shop}}', variables, {}, 'en')).toEqual({ text: 'Welcome to Green Leaf', missing: [] });
  });

  it('a per-language default fills each reply with its own language\'s text', () => {
    expect(renderReply('只要{{price}}', variables, {}, 'zh-CN').text).toBe('只要每月399元');
    expect(renderReply('Only {{price}}', variables, {}, 'en').text).toBe('Only 399 a month');
  });

  it('an English reply never gets the Chinese default: the variable is left unfilled and reported missing', () => {
    expect(renderReply('Plus {{gift}} for free', variables, {}, 'en')).toEqual({ text: 'Plus  for free', missing: ['gift'] });
    expect(renderReply('营业时间{{hours}}', variables, {}, 'zh-CN')).toEqual({ text: '营业时间', missing: ['hours'] });
  });

  it('a value the salesperson gave wins over either language\'s default', () => {
    expect(renderReply('Plus {{gift}}', variables, { gift: 'a teapot' }, 'en')).toEqual({ text: 'Plus a teapot', missing: [] });
  });

  it('without a language given, the reply\'s language is read from its text, as the engine ranks it', () => {
    expect(renderReply('只要{{price}}', variables).text).toBe('只要每月399元');
    expect(renderReply('Only {{price}}', variables).text).toBe('Only 399 a month');
    expect(replyLanguage({ text: '{{price}}!', lang: 'zh-CN' })).toBe('zh-CN');
    expect(replyLanguage({ text: '{{price}}!' })).toBe('en');
  });

  it('defaultIn gives no other language\'s text', () => {
    expect(defaultIn({ 'zh-CN': '每月399元' }, 'en')).toBeUndefined();
    expect(defaultIn({ en: '9 to 5' }, 'zh-CN')).toBeUndefined();
    expect(defaultIn('Green Leaf', 'en')).toBe('Green Leaf');
    expect(defaultIn(undefined, 'zh-CN')).toBeUndefined();
  });
});

function playbookWithDefault(value: string): string {
  return `id: v\ntitle: V\nvariables:\n  price:\n    label: Price\n    default: ${value}\nreplies:\n  - id: r\n    label: L\n    text: "Only {{price}}"\n`;
}

describe('the schema of a variable default', () => {
  it('accepts plain text, both languages, or one of them', () => {
    for (const value of ['399 a month', '{ zh-CN: 每月399元, en: 399 a month }', '{ zh-CN: 每月399元 }', '{ en: 399 a month }']) {
      const parsed = parsePlaybook(playbookWithDefault(value), 'v.playbook.yaml');
      // The schema accepts each form (an English reply over a Chinese-only default is the default-language rule's warning, not an error).
      expect(lintPlaybooks([parsed]).filter((diagnostic) => diagnostic.rule !== 'default-language'), value).toEqual([]);
      expect(parsed.playbook?.variables?.price?.default, value).toBeDefined();
    }
    const both = parsePlaybook(playbookWithDefault('{ zh-CN: 每月399元, en: 399 a month }'), 'v.playbook.yaml');
    expect(both.playbook?.variables?.price?.default).toEqual({ 'zh-CN': '每月399元', en: '399 a month' });
  });

  it('refuses another language key, an empty mapping, a number or a list, on the default\'s line, saying what it should be', () => {
    for (const value of ['{ zh: 每月399元 }', '{}', '399', '{ en: 5 }', '[399]']) {
      const diagnostics = lintPlaybooks([parsePlaybook(playbookWithDefault(value), 'v.playbook.yaml')]);
      expect(diagnostics, value).toHaveLength(1);
      expect(diagnostics[0], value).toMatchObject({ severity: 'error', line: 6 });
      expect(diagnostics[0]!.message, value).toMatch(/"default" should be text, or a mapping with "zh-CN" and "en"/);
    }
  });
});
