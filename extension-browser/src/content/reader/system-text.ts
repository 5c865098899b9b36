import { TIME_TEXT } from './noise-time.ts';
import type { BubbleReading, ReadingContext } from './reading.ts';
import type { Signal } from './signal.ts';

// What notices say: someone joined, left, was transferred; a chat started or ended; a date.
const NOTICE_TEXT = /\b(?:joined|has joined|left the (?:chat|conversation)|has left|transferred|was assigned|assigned to|is now|ended the|started the|conversation (?:started|ended|closed)|chat (?:started|ended|closed)|today|yesterday)\b|已?加入|已?离开|已?转接|转给|接入|接待|已结束|会话(?:开始|结束|已关闭)|撤回了一条消息|今天|昨天|星期[一二三四五六日天]|周[一二三四五六日]|^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}(?:, \d{4})?$|^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;

/** A short line that says what notices say ("小李 joined", "Today", "2024-05-01"); a clock time alone too. */
export const systemText: Signal<BubbleReading, ReadingContext> = {
  name: 'notice wording',
  score(reading) {
    if (reading.text.length > 80) return 0;
    if (TIME_TEXT.test(reading.text)) return 0.75;
    return NOTICE_TEXT.test(reading.text) ? 0.5 : 0;
  },
};
