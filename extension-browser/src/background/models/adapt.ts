import {
  adaptPolicyOf, approvedReply, bundleReplies, failedAdaptation, isLocalEndpoint, judgeCompletion, policyRefusal, prepareAdaptation, wordDiff,
  type AdaptBackend, type AdaptationOutcome, type AdaptationReason,
} from '@closer/shared';
import type { AdaptResult, AdaptSettings } from '../../requests.ts';
import { currentEngine } from '../bundles.ts';
import { recordSent } from '../cases.ts';
import * as store from '../store.ts';
import { askBuiltIn, builtInAvailability } from './chrome-built-in.ts';
import { askOpenAiCompatible } from './openai-compatible.ts';

// Adaptation in the worker: the team's policy (from the bundle) and the salesperson's opt-in
// decide whether anything is sent at all; the core prepares the request and judges the answer.

export const DEFAULT_ADAPT_SETTINGS: AdaptSettings = { enabled: false, backend: 'openai-compatible', endpoint: 'http://127.0.0.1:11434/v1', model: '', key: '', timeoutSeconds: 8 };

export async function adaptSettings(): Promise<AdaptSettings> {
  return { ...DEFAULT_ADAPT_SETTINGS, ...((await store.getSetting<Partial<AdaptSettings>>('adapt')) ?? {}) };
}

export async function adaptStatus() {
  const { engine } = await currentEngine();
  return { settings: await adaptSettings(), policy: adaptPolicyOf(engine.bundle), builtIn: await builtInAvailability() };
}

function result(outcome: AdaptationOutcome, backend: string, backendKind: AdaptBackend, replyId: string): AdaptResult {
  return {
    replyId,
    accepted: outcome.accepted,
    original: outcome.original,
    adapted: outcome.adapted,
    text: outcome.text,
    reasons: outcome.reasons.map(({ code, params, message }) => ({ code, params, message })),
    backend,
    backendKind,
    diff: outcome.adapted === null ? [] : wordDiff(outcome.original, outcome.adapted),
  };
}

export async function adaptReply(request: { conversationKey: string; replyId: string; message: string; values: Record<string, string>; customer?: string }): Promise<AdaptResult> {
  const settings = await adaptSettings();
  const { engine } = await currentEngine();
  const entry = bundleReplies(engine.bundle).find((candidate) => candidate.reply.id === request.replyId);
  if (!entry) throw new Error(`no reply "${request.replyId}" in the bundle`);
  const approved = approvedReply(entry, request.values);
  const backend: AdaptBackend = settings.backend;
  const label = backend === 'chrome-built-in' ? 'Chrome built-in model' : `${settings.model || 'default'} @ ${settings.endpoint}`;
  const refuse = (reason: Omit<AdaptationReason, 'check'>) => result(failedAdaptation(approved.approved, { check: 'policy', ...reason }), label, backend, entry.reply.id);
  // Nothing leaves the browser unless the team allows it and the salesperson turned it on.
  const refusal = policyRefusal(adaptPolicyOf(engine.bundle), backend, backend === 'openai-compatible' ? settings.endpoint : undefined);
  if (refusal) return refuse({ code: 'policy.refused', params: [refusal], message: refusal });
  if (!settings.enabled) return refuse({ code: 'policy.off', params: [], message: 'adaptation is off in Settings' });
  if (approved.bounds === false) return refuse({ code: 'adapt-allowed.verbatim-only', params: [], message: 'the playbook says this reply is sent word for word (adapt: false)' });
  const hosted = backend === 'openai-compatible' && !isLocalEndpoint(settings.endpoint);
  const prepared = prepareAdaptation({
    approved: approved.approved,
    customerMessage: request.message,
    values: approved.values,
    hosted,
    ...(approved.bounds !== undefined ? { bounds: approved.bounds } : {}),
    ...(request.customer ? { customerName: request.customer } : {}),
  });
  const timeoutMs = Math.max(1, settings.timeoutSeconds) * 1000;
  // Recorded as the request leaves, so a request that times out or fails is in the timeline too;
  // a failure to record never holds back the adaptation.
  const recorded = hosted
    ? recordSent(request.conversationKey, entry.reply.id, { message: prepared.sentMessage, replaced: prepared.replaced }).catch((error: unknown) => console.warn('closer: what was sent not recorded', error))
    : Promise.resolve();
  const answer = backend === 'chrome-built-in'
    ? await askBuiltIn(prepared.messages, timeoutMs)
    : await askOpenAiCompatible({ endpoint: settings.endpoint, model: settings.model, key: settings.key }, prepared.messages, timeoutMs);
  await recorded;
  const outcome = 'error' in answer ? failedAdaptation(approved.approved, { check: 'endpoint', code: 'endpoint.failed', params: [answer.error], message: answer.error }) : judgeCompletion(prepared, answer.text);
  return { ...result(outcome, label, backend, entry.reply.id), sent: { hosted, replaced: prepared.replaced } };
}
