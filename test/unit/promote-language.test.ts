import { describe, expect, it } from 'vitest';
import { playbookLanguage } from '@closer/shared';

const reply = (text: string, lang?: string) => ({ id: 'r', label: 'L', text, ...(lang ? { lang } : {}) });

describe('playbookLanguage: the language a promoted story is drafted in', () => {
  it('is the language most replies are in, wherever they sit', () => {
    expect(playbookLanguage({ title: '茶叶店', replies: [reply('Fresh tea'), reply('A gift')], objections: [{ replies: [reply('很新鲜')] }] })).toBe('en');
    expect(playbookLanguage({ title: 'Tea', sequences: [{ steps: [{ replies: [reply('您好'), reply('欢迎')] }] }], replies: [reply('Hi')] })).toBe('zh-CN');
  });

  it('counts a reply by its lang when it has one', () => {
    expect(playbookLanguage({ title: 'Tea', replies: [reply('{{price}}', 'zh-CN'), reply('{{gift}}', 'zh-CN'), reply('Hi')] })).toBe('zh-CN');
  });

  it('falls back to the title with no replies or a tie; a bilingual title is Chinese first', () => {
    expect(playbookLanguage({ title: 'Stories from won cases' })).toBe('en');
    expect(playbookLanguage({ title: '成交故事', replies: [reply('Hi'), reply('你好')] })).toBe('zh-CN');
    expect(playbookLanguage({ title: { 'zh-CN': '茶叶店', en: 'Tea shop' } })).toBe('zh-CN');
  });

  it('says nothing for data that is not a playbook, so the caller picks', () => {
    expect(playbookLanguage(undefined)).toBeUndefined();
    expect(playbookLanguage(['a'])).toBeUndefined();
    expect(playbookLanguage({ id: 'x' })).toBeUndefined();
  });
});
