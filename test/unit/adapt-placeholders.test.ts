// Personal details are replaced by placeholders before a hosted model reads a message, and put back after.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { maskPersonalDetails, restorePersonalDetails } from '@closer/shared';

describe('maskPersonalDetails', () => {
  test('phones, e-mails, ID and card numbers, addresses and names in Chinese', () => {
    const text = '我叫王小明，电话13800138000，邮箱 wang@example.com，身份证110101199003071234，卡号 6222 0212 3456 7890 123，地址北京市朝阳区建国路88号3号楼1201室，价格3900元，2024年';
    const masked = maskPersonalDetails(text);
    expect(masked.text).toBe('我叫[NAME_1]，电话[PHONE_1]，邮箱 [EMAIL_1]，身份证[ID_1]，卡号 [CARD_1]，地址[ADDRESS_1]，价格3900元，2024年');
    expect(masked.replaced).toEqual({ NAME: 1, PHONE: 1, EMAIL: 1, ID: 1, CARD: 1, ADDRESS: 1 });
  });

  test('in English, with the name the chat page gave', () => {
    const masked = maskPersonalDetails("Hi, I'm John Smith, call +1 (555) 123-4567, I live at 221 Baker Street, Apt 2. Thanks, Anna", { names: ['Anna'] });
    expect(masked.text).toBe("Hi, I'm [NAME_1], call [PHONE_1], I live at [ADDRESS_1]. Thanks, [NAME_2]");
  });

  test('prices, years, discounts and dates are not personal details', () => {
    const text = '现在3900元，打8折，2024年3月15日前，¥12,000，save 20% by March 15';
    expect(maskPersonalDetails(text).text).toBe(text);
  });

  test('one detail gets one placeholder across the texts of a request', () => {
    const first = maskPersonalDetails('李姐，电话13800138000', { names: ['李姐'] });
    const second = maskPersonalDetails('回电13800138000给李姐，或13900139000', { names: ['李姐'], placeholders: first.placeholders });
    expect(second.text).toBe('回电[PHONE_1]给[NAME_1]，或[PHONE_2]');
  });

  test('bad input is an empty text, not a crash', () => expect(maskPersonalDetails(undefined as unknown as string).text).toBe(''));
});

describe('restorePersonalDetails', () => {
  test('puts each detail back, also when the model changed the placeholder’s case or spacing', () => {
    const { placeholders } = maskPersonalDetails('王小明 13800138000', { names: ['王小明'] });
    expect(restorePersonalDetails('[NAME_1]您好，稍后打给 [ phone_1 ]', placeholders)).toBe('王小明您好，稍后打给 13800138000');
  });
  test('a placeholder the model made up stays, for the gate to reject', () => expect(restorePersonalDetails('[PHONE_9]', {})).toBe('[PHONE_9]'));

  test('restore(mask(text)) is the text, and no detail is left in what is sent', () => {
    const detail = fc.oneof(
      fc.stringMatching(/^1[3-9]\d{9}$/),
      fc.stringMatching(/^[a-z]{3,8}@[a-z]{3,8}\.com$/),
      fc.stringMatching(/^\d{4} \d{4} \d{4} \d{4}$/),
      fc.constantFrom('王小明', 'Anna Lee'),
    );
    const filler = fc.constantFrom('您好，', '价格3900元，', 'call me ', '，谢谢', ' at ', '8折');
    fc.assert(
      fc.property(fc.array(fc.oneof(detail.map((d) => ({ d })), filler.map((f) => ({ f }))), { maxLength: 12 }), (parts) => {
        const text = parts.map((p) => ('d' in p ? ` ${p.d} ` : p.f)).join('');
        const masked = maskPersonalDetails(text, { names: ['王小明', 'Anna Lee'] });
        expect(restorePersonalDetails(masked.text, masked.placeholders)).toBe(text);
        for (const p of parts) if ('d' in p) expect(masked.text).not.toContain(p.d);
      }),
      { numRuns: 300 },
    );
  });
});
