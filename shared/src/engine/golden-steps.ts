// The golden sales model's steps in the method's own words (DOMAIN.md, seed 004 "Step3"), for a
// chat whose bundle has no golden sequence of its own: the step is still shown by name.
import type { GoldenStep, Language } from '../playbook/schema.ts';

export const GOLDEN_STEP_NAMES: Record<GoldenStep, Record<Language, { title: string; goal: string }>> = {
  icebreak: {
    'zh-CN': { title: '破冰', goal: '先让客户愿意聊下去' },
    en: { title: 'Break the ice', goal: 'get the customer talking first' },
  },
  introduce: {
    'zh-CN': { title: '自然切入产品', goal: '从客户的需求自然带出产品' },
    en: { title: 'Bring the product in', goal: 'lead from the customer’s need to the product' },
  },
  consider: {
    'zh-CN': { title: '考虑时间或金钱', goal: '用限时或限价帮客户下决定' },
    en: { title: 'Weighing time or money', goal: 'help them decide with a limited time or a limited price' },
  },
  ask_close: {
    'zh-CN': { title: '提成交', goal: '请客户现在下单，或约定具体时间' },
    en: { title: 'Ask to close', goal: 'ask them to buy now, or when exactly' },
  },
  resolve_doubt: {
    'zh-CN': { title: '解决疑惑', goal: '发其他客户的真实案例' },
    en: { title: 'Resolve the doubt', goal: 'send other customers’ real cases' },
  },
  push_close: {
    'zh-CN': { title: '刺激成交', goal: '最后推一把，促成成交' },
    en: { title: 'Push to close', goal: 'the last nudge to close' },
  },
};
