import type { Language } from '../../requests.ts';

// The Practice view's words, in both panel languages, kept beside the view (as the Cases view
// does) because only this view uses them.
const WORDS = {
  'zh-CN': {
    title: '练习', intro: '模拟客户来问，你来回复。回复只发给练习，不会发到任何网页。', drill: '练习', start: '开始练习', each: '每轮回复后就看得分',
    customer: '客户', you: '你', reply: '你的回复', send: '发给练习', turn: '第 {0} / {1} 轮', score: '得分 {0}/100', total: '总分 {0}/100',
    best: '参考回复', principle: '原则', again: '再练一次', saved: '结果已保存', exportTitle: '练习记录', exportButton: '导出 JSON Lines', exported: '已导出 {0} 次练习',
    bigger: '在大窗口中练习', missing: '没法开始练习：', persona: '客户画像', trade: '行业', loading: '正在准备练习…', scoring: '正在评分…',
    checks: { answer: '回答', moves: '要点', step: '步骤', compliance: '合规', length: '长度', time: '用时' } as Record<string, string>,
  },
  en: {
    title: 'Practice', intro: 'A simulated customer writes and you answer. Your replies go to the drill only, never to a page.', drill: 'Drill', start: 'Start the drill', each: 'Show the score after each reply',
    customer: 'Customer', you: 'You', reply: 'Your reply', send: 'Send to the drill', turn: 'Turn {0} of {1}', score: 'Score {0}/100', total: 'Total {0}/100',
    best: 'Approved reply', principle: 'Principle', again: 'Practise again', saved: 'Result saved', exportTitle: 'Practice results', exportButton: 'Export JSON Lines', exported: 'Exported {0} drills',
    bigger: 'Practise in a bigger window', missing: 'Cannot start a drill: ', persona: 'Customer', trade: 'Trade', loading: 'Preparing the drill…', scoring: 'Scoring…',
    checks: { answer: 'answer', moves: 'key moves', step: 'step', compliance: 'compliance', length: 'length', time: 'time' } as Record<string, string>,
  },
};

export type DrillWords = (typeof WORDS)['en'];

export function drillWords(language: Language): DrillWords {
  return WORDS[language];
}

export function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d)\}/g, (_, index: string) => String(values[Number(index)] ?? ''));
}
