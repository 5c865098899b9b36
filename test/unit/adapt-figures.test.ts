// The facts the adaptation gate guards, read from text: each written form of a fact has one key.
import { describe, expect, test } from 'vitest';
import { chineseNumeralValue, figuresOf } from '@closer/shared';

const keys = (text: string) => figuresOf(text).map((figure) => figure.key).sort();

describe('chineseNumeralValue', () => {
  test.each([
    ['十', 10], ['二十五', 25], ['一百零五', 105], ['三千五百', 3500], ['三千九', 3900], ['两百五', 250],
    ['一万二', 12000], ['两万', 20000], ['一千', 1000], ['九', 9], ['两', 2],
  ])('%s is %d', (text, value) => expect(chineseNumeralValue(text)).toBe(value));

  test.each(['', '周', '一二三', '千万x'])('"%s" is not one numeral', (text) => expect(chineseNumeralValue(text)).toBeUndefined());
});

describe('figuresOf', () => {
  test('the same price written four ways is one key', () => {
    for (const text of ['¥3900', '￥3,900', '3900元', '三千九百元', '三千九']) expect(keys(text)).toEqual(['number:3900']);
  });

  test('discounts: 8折, 八折 and 8.5折, 八五折, 半价', () => {
    expect(keys('打8折')).toEqual(['discount:80']);
    expect(keys('打八折')).toEqual(['discount:80']);
    expect(keys('8.5折')).toEqual(['discount:85']);
    expect(keys('八五折')).toEqual(['discount:85']);
    expect(keys('五折')).toEqual(['discount:50']);
    expect(keys('第二件半价')).toEqual(['discount:50', 'number:2']);
  });

  test('percentages in digits and in Chinese', () => {
    expect(keys('save 15%')).toEqual(['percent:15']);
    expect(keys('优惠百分之二十')).toEqual(['percent:20']);
    expect(keys('20 percent off')).toEqual(['percent:20']);
  });

  test('dates and times, absolute, by weekday and relative', () => {
    expect(keys('3月15日前')).toEqual(['date:3-15']);
    expect(keys('by March 15')).toEqual(['date:3-15']);
    expect(keys('on 15th March')).toEqual(['date:3-15']);
    expect(keys('2024-03-15')).toEqual(['date:3-15@2024']);
    expect(keys('15:30')).toEqual(['time:15:30']);
    expect(keys('周一到周五')).toEqual(['weekday:1', 'weekday:5']);
    expect(keys('今天下单明天发货')).toEqual(['day:今天', 'day:明天']);
    expect(keys('ships tomorrow')).toEqual(['day:tomorrow']);
  });

  test('links, e-mail addresses and phone numbers are read whole, not as numbers', () => {
    expect(keys('详情 https://shop.example.com/p/123?id=9。')).toEqual(['url:shop.example.com/p/123?id=9']);
    expect(keys('mail a.b@shop.example.com')).toEqual(['email:a.b@shop.example.com']);
    expect(keys('电话 138-0013-8000')).toEqual(['phone:13800138000']);
    expect(keys('call +1 (555) 123-4567')).toEqual(['phone:15551234567']);
    expect(keys('400 820 8820')).toEqual(['phone:4008208820']);
  });

  test('amounts with 万, k and thousands separators', () => {
    expect(keys('1.5万')).toEqual(['number:15000']);
    expect(keys('3k')).toEqual(['number:3000']);
    expect(keys('12,000,000 units')).toEqual(['number:12000000']);
  });

  test('counts in Chinese numerals and English words before a unit', () => {
    expect(keys('两周内发货')).toEqual(['number:2']);
    expect(keys('一年质保')).toEqual(['number:1']);
    expect(keys('买三送一')).toEqual(['number:1', 'number:3']);
    expect(keys('ships in two weeks')).toEqual(['number:2']);
  });

  test('words made of numeral characters are not numbers', () => {
    expect(keys('我们一起看看，稍等一下，统一价，万一不合适，十分感谢，第一次来')).toEqual([]);
    expect(keys('有一个问题')).toEqual([]);
    expect(keys('one of our best sellers')).toEqual([]);
  });

  test('any text is read without throwing', () => {
    for (const text of ['', '{{x}}', '\u0000', '1'.repeat(10_000), '三'.repeat(5000), 'http://', '@@', undefined as unknown as string]) {
      expect(Array.isArray(figuresOf(text))).toBe(true);
    }
  });
});
