import type { Language } from '../../requests.ts';

// The Cases view's words, in both panel languages. Kept beside the view (rather than in
// _locales) because only this view uses them.
const WORDS = {
  'zh-CN': {
    thisChat: '当前对话', noChat: '打开一个聊天页面，或先在“建议”里处理一条客户消息。', yourName: '我的名字', customer: '客户称呼', product: '产品',
    won: '成交', lost: '丢单', open: '进行中', amount: '金额', save: '保存', reason: '丢单原因', notes: '备注', saveNotes: '保存备注',
    reasons: { price: '价格', rival: '竞品', timing: '时机', no_need: '没需求', no_trust: '不信任', other: '其他' } as Record<string, string>,
    all: '全部', search: '搜索客户、产品、销售', cases: '案例', none: '还没有案例：处理客户消息时会自动记录。',
    exportTitle: '导出与导入', keepNames: '导出时保留客户真实称呼（默认替换为代号）', exportButton: '导出 JSON Lines', exported: '已导出 {0} 个案例', exportedDrills: '已导出 {0} 个案例和 {1} 次练习',
    importFile: '导入案例文件（.jsonl）', imported: '导入：新增 {0}，更新 {1}，未变 {2}', problems: '有问题的行：',
    events: { message: '客户：{0}', step: '到达步骤：{0}', suggested: '建议：{0}', inserted: '插入：{0}', sent: '发给托管模型改写 {0}：{1}', meeting: '见面拜访', signal: '客户说很快会买（热线索）', tagOn: '加上标签：{0}', tagOff: '去掉标签：{0}' } as Record<string, string>,
    saved: '已保存',
    teamReasons: '团队自定义的丢单原因（英文小写，逗号分隔，如 budget_freeze）',
  },
  en: {
    thisChat: 'This chat', noChat: 'Open a chat page, or answer a customer message in Suggest first.', yourName: 'Your name', customer: 'Customer', product: 'Product',
    won: 'Won', lost: 'Lost', open: 'Open', amount: 'Amount', save: 'Save', reason: 'Why lost', notes: 'Notes', saveNotes: 'Save notes',
    reasons: { price: 'price', rival: 'rival', timing: 'timing', no_need: 'no need', no_trust: 'no trust', other: 'other' } as Record<string, string>,
    all: 'all', search: 'Search customer, product, salesperson', cases: 'Cases', none: 'No cases yet: they are recorded as you answer customer messages.',
    exportTitle: 'Export and import', keepNames: 'Keep customer names in the export (aliases by default)', exportButton: 'Export JSON Lines', exported: 'Exported {0} cases', exportedDrills: 'Exported {0} cases and {1} drill results',
    importFile: 'Import a case file (.jsonl)', imported: 'Imported: {0} new, {1} updated, {2} unchanged', problems: 'Lines with problems:',
    events: { message: 'customer: {0}', step: 'step reached: {0}', suggested: 'suggested: {0}', inserted: 'inserted: {0}', sent: 'sent to a hosted model to adapt {0}: {1}', meeting: 'met the customer (a visit)', signal: 'the customer said they will buy soon (a hot lead)', tagOn: 'tag put on: {0}', tagOff: 'tag taken off: {0}' } as Record<string, string>,
    saved: 'Saved',
    teamReasons: 'The team\'s own loss reasons (lower-case ids, comma-separated, e.g. budget_freeze)',
  },
};

export type CaseWords = (typeof WORDS)['en'];

export function caseWords(language: Language): CaseWords {
  return WORDS[language];
}

export function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_, index: string) => String(values[Number(index)] ?? ''));
}
