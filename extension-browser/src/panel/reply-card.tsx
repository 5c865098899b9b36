import { useEffect, useState } from 'preact/hooks';
import type { AdaptResult, ReplyView } from '../requests.ts';
import { AdaptResultView, type Adaptation } from './adapt-result.tsx';
import { ask, askTab } from './api.ts';
import { copyText } from './clipboard.ts';
import type { Strings } from './i18n.ts';

interface Props {
  t: Strings;
  reply: ReplyView;
  tabId: number | undefined;
  conversationKey: string;
  /** The customer's message the replies answer, for "Adapt". */
  message: string;
  /** The team allows adaptation and the salesperson turned it on: offer "Adapt". */
  adaptable: boolean;
}

/** One suggested reply: its label, the filled text, why it fits, Insert / Copy, and "Adapt" when on. */
export function ReplyCard({ t, reply, tabId, conversationKey, message, adaptable }: Props) {
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [adaptation, setAdaptation] = useState<Adaptation>();

  // An adaptation answers one message; a new message (or a new text of the reply) drops it.
  useEffect(() => setAdaptation(undefined), [message, reply.text]);

  const used = (adapted?: AdaptResult) =>
    void ask({ type: 'reply-used', conversationKey, replyId: reply.id, ...(adapted ? { adapted: { backend: adapted.backendKind, hosted: adapted.sent?.hosted ?? false } } : {}) }).catch(() => undefined);

  const insert = async (text: string, adapted?: AdaptResult) => {
    if (tabId === undefined) return setStatus({ ok: false, text: `${t('insertFailed')} ${t('noTab')}` });
    try {
      const result = await askTab(tabId, { type: 'insert', text });
      if (result.ok) used(adapted);
      setStatus(result.ok ? { ok: true, text: t('inserted') } : { ok: false, text: `${t('insertFailed')} ${result.error ?? result.strategy}` });
    } catch (reason) {
      setStatus({ ok: false, text: `${t('insertFailed')} ${(reason as Error).message}` });
    }
  };

  const copy = async (text: string, adapted?: AdaptResult) => {
    const ok = await copyText(text);
    if (ok) used(adapted);
    setStatus({ ok, text: ok ? t('copied') : t('error') });
  };

  // The approved reply stays usable while the model works; its answer (or failure) lands beside it.
  const adapt = async () => {
    const asked = message;
    setAdaptation({ state: 'working' });
    try {
      const result = await ask({ type: 'adapt', conversationKey, replyId: reply.id, message: asked });
      setAdaptation((now) => (now?.state === 'working' ? { state: 'done', result } : now));
    } catch (reason) {
      setAdaptation((now) => (now?.state === 'working' ? { state: 'failed', error: (reason as Error).message } : now));
    }
  };

  return (
    <article class="card reply" aria-label={reply.label} data-reply-id={reply.id}>
      <h3>{reply.label}</h3>
      <p class="reply-text">{reply.text}</p>
      <p class="why">{reply.why}</p>
      {reply.missing.length > 0 && (
        <p class="missing">
          {t('missingValues')} {reply.missing.join(', ')}
        </p>
      )}
      <div class="row">
        <button type="button" onClick={() => void insert(reply.text)}>
          {t('insert')}
        </button>
        <button type="button" class="secondary" onClick={() => void copy(reply.text)}>
          {t('copy')}
        </button>
        {adaptable && (
          <button type="button" class="secondary" disabled={adaptation?.state === 'working'} onClick={() => void adapt()}>
            {t('adaptButton')}
          </button>
        )}
      </div>
      {adaptation && <AdaptResultView t={t} adaptation={adaptation} onInsert={(result) => void insert(result.text, result)} onCopy={(result) => void copy(result.text, result)} />}
      {status && (
        <p class={status.ok ? 'ok' : 'error'} role="status">
          {status.text}
        </p>
      )}
    </article>
  );
}
