// The score of a practice drill, turn by turn, every point with its reason. Deterministic: the
// same transcript and bundle always give the same score, so an author can check that an
// approved reply scores high and an off-topic one low, and a new hire can see why.
import type { Bundle } from '../../playbook/bundle.ts';
import { localText } from '../../playbook/local-text.ts';
import { MAX_REPLY_WEIGHT, replyWeight } from '../../playbook/lint/rules/reply-too-long.ts';
import type { Drill, GoldenStep, Intent, Language } from '../../playbook/schema.ts';
import { classifyMessage } from '../classify.ts';
import { conversationState } from '../conversation.ts';
import { GOLDEN_STEP_NAMES } from '../golden-steps.ts';
import { INTENT_PRINCIPLES } from '../intent-principles.ts';
import { languageOf } from '../suggest.ts';
import { approvedReplies, closestReply, type ApprovedReply, type Closest } from './approved.ts';
import { closeness, textVector } from './closeness.ts';
import { complianceFindings } from './compliance.ts';
import { KEY_MOVES } from './key-moves.ts';
import { DRILL_CHECKS, drillSeconds, drillWeights, type DrillCheck } from './weights.ts';

/** One turn as played: what the customer wrote and what the new hire answered. */
export interface DrillAnswer {
  customer: string;
  reply: string;
  /** The intent the drill's author gave the turn; left out, the classifier's reading of the customer. */
  intent?: Intent;
  /** The golden step the drill's author gave the turn; left out, the chat's step as the engine reads it. */
  step?: GoldenStep;
  /** How long the new hire took to answer, in seconds. */
  seconds?: number;
}

export interface CheckScore {
  check: DrillCheck;
  points: number;
  /** The most this check could give. */
  of: number;
  why: string;
}

export interface ScoredTurn {
  customer: string;
  reply: string;
  intent: Intent;
  step: GoldenStep;
  /** 0..100. */
  score: number;
  checks: CheckScore[];
  /** The checks' reasons, one line each, with their points. */
  why: string[];
  /** The approved reply closest to the intent's answer, shown beside the new hire's words. */
  best?: { id: string; label: string; text: string };
  /** Why the approved replies work: the objection's principle, or the method's. */
  principle: string;
}

export interface DrillScore {
  turns: ScoredTurn[];
  /** 0..100: the mean of the turns' scores. */
  total: number;
}

export interface ScoreOptions {
  /** The drill played: its weights and time to answer. */
  drill?: Pick<Drill, 'weights' | 'seconds'>;
  /** The language of the reasons; by default each turn's customer's. */
  language?: Language;
}

// Cosine closeness of the engine's text features: below LOW a reply shares no more than common
// words with an approved one; from HIGH on it says the same thing in its own words.
const LOW = 0.12;
const HIGH = 0.55;
// A reply this close to an approved one counts as having used it, for the chat's step.
const USED = 0.5;
// A 100,000-character paste is judged on its first part: length already fails it.
const ANALYSED_CHARS = 4000;

const ramp = (value: number): number => Math.max(0, Math.min(1, (value - LOW) / (HIGH - LOW)));

/** Score a played transcript, turn by turn, in order: the chat's step depends on what came before. */
export function scoreDrill(answers: readonly DrillAnswer[], bundle: Bundle, options: ScoreOptions = {}): DrillScore {
  const weights = drillWeights(options.drill?.weights);
  const budget = drillSeconds(options.drill);
  const approved = approvedReplies(bundle);
  const earlier: string[] = [];
  const used: string[] = [];
  // Each turn's unrounded score: the total is the mean of these, not of the rounded ones.
  const raws: number[] = [];
  const turns = answers.map((answer): ScoredTurn => {
    const customer = typeof answer.customer === 'string' ? answer.customer : '';
    const reply = typeof answer.reply === 'string' ? answer.reply : '';
    const language = options.language ?? languageOf(customer);
    const say = (zh: string, en: string): string => (language === 'zh-CN' ? zh : en);
    const classified = classifyMessage(customer, bundle).intents[0]!;
    const intent = answer.intent ?? classified.intent;
    const state = conversationState(bundle, { customerMessages: earlier, usedReplies: used }, { message: customer, intent, score: answer.intent ? 1 : classified.score }, (message) => {
      const top = classifyMessage(message, bundle).intents[0]!;
      return { intent: top.intent, score: top.score };
    });
    const step = answer.step ?? state.step;
    const next = answer.step ? null : state.next;
    earlier.push(customer);

    const analysed = reply.length > ANALYSED_CHARS ? reply.slice(0, ANALYSED_CHARS) : reply;
    const vector = textVector(analysed);
    const forIntent = approved.filter((candidate) => candidate.intent === intent);
    const forStep = (wanted: GoldenStep | null): ApprovedReply[] => (wanted ? approved.filter((candidate) => candidate.step === wanted) : []);
    const answerPool = intent === 'other' && forIntent.length === 0 ? forStep(step) : forIntent;
    const closest = closestReply(vector, answerPool, closeness, language);
    if (closest && closest.closeness >= USED) used.push(closest.reply.id);
    const principle = closest?.reply.principle ? localText(closest.reply.principle, language) : intent === 'other' ? localText(GOLDEN_STEP_NAMES[step][language].goal) : INTENT_PRINCIPLES[intent][language];
    const intentName = intentLabel(intent, language);
    const stepName = GOLDEN_STEP_NAMES[step][language].title;

    const fractions = {} as Record<DrillCheck, { fraction: number; why: string }>;
    if (reply.trim() === '') {
      for (const check of DRILL_CHECKS) fractions[check] = { fraction: 0, why: say('没有回复', 'no reply') };
    } else {
      fractions.answer = answerCheck(closest, intentName, say);
      fractions.moves = movesCheck(intent, analysed, fractions.answer.fraction, language, say);
      fractions.step = stepCheck(vector, step, next, forStep(step), forStep(next), stepName, state.why, Boolean(answer.step), fractions.answer.fraction, language, say);
      const findings = complianceFindings(analysed);
      fractions.compliance = findings.length === 0
        ? { fraction: 1, why: say('合规：没有保证、夸大或编造的优惠', 'compliant: no guarantee, boast or invented discount') }
        : { fraction: 0, why: say('不合规：', 'not compliant: ') + findings.map((finding) => (language === 'zh-CN' ? `${finding.rule}（${finding.quote}）` : finding.message)).join(say('；', '; ')) };
      fractions.length = lengthCheck(reply, closest, say);
      fractions.time = timeCheck(answer.seconds, budget, say);
    }
    const checks = DRILL_CHECKS.map((check): CheckScore => ({
      check,
      points: Math.round(weights[check] * fractions[check].fraction * 10) / 10,
      of: Math.round(weights[check] * 10) / 10,
      why: fractions[check].why,
    }));
    const raw = DRILL_CHECKS.reduce((sum, check) => sum + weights[check] * fractions[check].fraction, 0);
    raws.push(raw);
    return {
      customer,
      reply,
      intent,
      step,
      score: Math.round(raw),
      checks,
      why: checks.map((check) => `${checkLabel(check.check, language)} ${formatPoints(check.points)}/${formatPoints(check.of)}: ${check.why}`),
      ...(closest ? { best: { id: closest.reply.id, label: closest.reply.label, text: closest.reply.text } } : {}),
      principle,
    };
  });
  const mean = raws.length === 0 ? 0 : raws.reduce((sum, raw) => sum + raw, 0) / raws.length;
  return { turns, total: Math.round(mean) };
}

type Say = (zh: string, en: string) => string;

function answerCheck(closest: Closest | undefined, intentName: string, say: Say): { fraction: number; why: string } {
  if (!closest) return { fraction: 0, why: say(`这套话术没有回答“${intentName}”的已审核回复`, `the bundle has no approved reply for ${intentName}`) };
  const fraction = ramp(closest.closeness);
  const how = closest.closeness.toFixed(2);
  if (fraction >= 1) return { fraction, why: say(`回答了“${intentName}”：接近已审核回复“${closest.reply.label}”（相似度 ${how}）`, `answers ${intentName}: close to the approved reply “${closest.reply.label}” (closeness ${how})`) };
  if (fraction > 0) return { fraction, why: say(`部分回答了“${intentName}”：最接近“${closest.reply.label}”（相似度 ${how}）`, `partly answers ${intentName}: nearest approved reply “${closest.reply.label}” (closeness ${how})`) };
  return { fraction, why: say(`没有回答“${intentName}”：和已审核的回复都不像（最高相似度 ${how}）`, `does not answer ${intentName}: like none of its approved replies (best closeness ${how})`) };
}

function movesCheck(intent: Intent, text: string, answered: number, language: Language, say: Say): { fraction: number; why: string } {
  if (intent === 'other') return { fraction: answered, why: say('闲聊没有固定要点：按回答的贴合度计', 'small talk has no key moves: counted as the answer is') };
  const rules = KEY_MOVES[intent];
  const found = rules.moves.map((move) => ({ move, at: text.search(move.pattern) }));
  const present = found.filter((entry) => entry.at >= 0);
  // One chat message makes one or two of the moves, as each approved reply does; the others are advice.
  let fraction = present.length > 0 ? 1 : 0;
  const parts: string[] = [];
  const missing = found.filter((entry) => entry.at < 0).map((entry) => entry.move.name[language]).join(say('、', ', '));
  if (present.length > 0) {
    parts.push(say('做到：', 'made: ') + present.map((entry) => entry.move.name[language]).join(say('、', ', ')));
    if (missing) parts.push(say('还可以：', 'could also: ') + missing);
  } else parts.push(say('原则的要点一个都没有：', 'none of the principle’s moves: ') + missing);
  if (rules.before) {
    const words = text.search(rules.before.words);
    const move = found.find((entry) => entry.move.id === rules.before!.move)!;
    const deferred = words >= 0 && rules.before.deferred.test(text.slice(Math.max(0, words - 30), words));
    if (words >= 0 && !deferred && (move.at < 0 || move.at > words)) {
      fraction /= 2;
      parts.push(say(`顺序不对，应该${rules.before.name[language]}`, `wrong order: ${rules.before.name[language]}`));
    }
  }
  if (rules.never && rules.never.words.test(text)) {
    fraction = 0;
    parts.push(say(`不该${rules.never.name[language]}`, `never ${rules.never.name[language]}`));
  }
  // Words of the method in a reply that answers something else are not the method.
  if (answered < 0.5 && fraction > 0) {
    fraction *= answered / 0.5;
    parts.push(say('回复没有回答这个意图，要点只按比例计', 'the reply does not answer this intent, so its moves count in proportion'));
  }
  return { fraction, why: parts.join(say('；', '; ')) };
}

function stepCheck(
  vector: ReturnType<typeof textVector>,
  step: GoldenStep,
  next: GoldenStep | null,
  inStep: ApprovedReply[],
  inNext: ApprovedReply[],
  stepName: string,
  because: string,
  named: boolean,
  answered: number,
  language: Language,
  say: Say,
): { fraction: number; why: string } {
  // The transition table's reasons are written in English; a Chinese line names the step alone.
  const where = named ? say(`这一轮在“${stepName}”`, `this turn is in “${stepName}”`) : say(`聊天在“${stepName}”`, `the chat is in “${stepName}” (${because})`);
  if (inStep.length === 0) return { fraction: answered, why: `${where}; ` + say('这套话术没有这一步的回复，按回答的贴合度计', 'the bundle has no reply for this step, so it counts as the answer does') };
  const here = closestReply(vector, inStep, closeness)!;
  const ahead = inNext.length > 0 ? closestReply(vector, inNext, closeness) : undefined;
  const fitHere = ramp(here.closeness);
  const fitAhead = ahead ? ramp(ahead.closeness) / 2 : 0;
  // A reply that answers something else the customer did not say does not move this chat on,
  // even when it belongs to the right step (a price answer to a comparison).
  const gate = answered < 0.5 ? answered / 0.5 : 1;
  const gated = gate < 1 ? say('；回复没有回答客户这句话，按比例计', '; the reply does not answer what the customer said, so this counts in proportion') : '';
  if (fitHere >= fitAhead && fitHere >= 1) return { fraction: gate, why: `${where}: ` + say(`回复做了这一步要做的事（像“${here.reply.label}”）`, `the reply does what this step calls for (like “${here.reply.label}”)`) + gated };
  if (fitHere >= fitAhead && fitHere > 0) return { fraction: fitHere * gate, why: `${where}: ` + say(`回复部分做到了这一步要做的事（最接近“${here.reply.label}”）`, `the reply partly does what this step calls for (nearest: “${here.reply.label}”)`) + gated };
  if (fitAhead > 0 && next) return { fraction: fitAhead * gate, why: `${where}: ` + say(`回复跳到了下一步“${GOLDEN_STEP_NAMES[next][language].title}”，半分`, `the reply moves on to the next step, “${GOLDEN_STEP_NAMES[next][language].title}”: half points`) + gated };
  return { fraction: 0, why: `${where}: ` + say(`回复没有做这一步要做的事，例如“${here.reply.label}”`, `the reply does not do what this step calls for, e.g. “${here.reply.label}”`) };
}

function lengthCheck(reply: string, closest: Closest | undefined, say: Say): { fraction: number; why: string } {
  const weight = replyWeight(reply.length > MAX_REPLY_WEIGHT * 4 ? reply.slice(0, MAX_REPLY_WEIGHT * 4) : reply);
  if (weight > MAX_REPLY_WEIGHT) return { fraction: 0, why: say(`太长了，超过一条聊天消息（约 ${MAX_REPLY_WEIGHT} 个汉字）`, `too long for a chat message (over about ${MAX_REPLY_WEIGHT} Chinese or ${MAX_REPLY_WEIGHT * 2} Latin characters)`) };
  const model = closest ? replyWeight(closest.reply.text) : 0;
  const short = Math.min(8, model / 4);
  if (weight < short) return { fraction: 0.5, why: say('太短，说不清楚答案', 'too short to carry the answer') };
  return { fraction: 1, why: say('长度合适', 'a chat message’s length') };
}

function timeCheck(seconds: number | undefined, budget: number, say: Say): { fraction: number; why: string } {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return { fraction: 1, why: say('没有计时', 'not timed') };
  const taken = Math.round(seconds);
  if (seconds <= budget) return { fraction: 1, why: say(`${taken} 秒内回复（限 ${budget} 秒）`, `answered in ${taken} s (within ${budget} s)`) };
  const fraction = Math.max(0, 1 - (seconds - budget) / (2 * budget));
  return { fraction, why: say(`用了 ${taken} 秒，超过 ${budget} 秒`, `took ${taken} s, over the ${budget} s to answer`) };
}

const CHECK_LABELS: Record<DrillCheck, Record<Language, string>> = {
  answer: { 'zh-CN': '回答', en: 'answer' },
  moves: { 'zh-CN': '要点', en: 'key moves' },
  step: { 'zh-CN': '步骤', en: 'step' },
  compliance: { 'zh-CN': '合规', en: 'compliance' },
  length: { 'zh-CN': '长度', en: 'length' },
  time: { 'zh-CN': '用时', en: 'time' },
};

export function checkLabel(check: DrillCheck, language: Language): string {
  return CHECK_LABELS[check][language];
}

const INTENT_LABELS: Record<Intent, Record<Language, string>> = {
  price: { 'zh-CN': '嫌贵', en: 'price' },
  comparison: { 'zh-CN': '对比', en: 'comparison' },
  hesitation: { 'zh-CN': '犹豫', en: 'hesitation' },
  doubt: { 'zh-CN': '怀疑', en: 'doubt' },
  buy_signal: { 'zh-CN': '购买信号', en: 'a buying signal' },
  other: { 'zh-CN': '闲聊', en: 'small talk' },
};

function intentLabel(intent: Intent, language: Language): string {
  return INTENT_LABELS[intent][language];
}

function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}
