import { useState } from 'preact/hooks';
import type { ReplyView } from '../requests.ts';
import { ask, askTab } from './api.ts';
import { copyText } from './clipboard.ts';
import type { Strings } from './i18n.ts';

interface Props {
  t: Strings;
  reply: ReplyView;
  tabId: number | undefined;
  conversationKey: string;
}

/** One suggested reply: its label, the filled text, why it fits, and Insert / Copy. */
export function ReplyCard({ t, reply, tabId, conversationKey }: Props) {
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();

  const used = () => void ask({ type: 'reply-used', conversationKey, replyId: reply.id }).catch(() => undefined);

  const insert = async () => {
    if (tabId === undefined) return setStatus({ ok: false, text: `${t('insertFailed')} ${t('noTab')}` });
    try {
      const result = await askTab(tabId, { type: 'insert', text: reply.text });
      if (result.ok) used();
      setStatus(result.ok ? { ok: true, text: t('inserted') } : { ok: false, text: `${t('insertFailed')} ${result.error ?? result.strategy}` });
    } catch (reason) {
      setStatus({ ok: false, text: `${t('insertFailed')} ${(reason as Error).message}` });
    }
  };

  const copy = async () => {
    const ok = await copyText(reply.text);
    if (ok) used();
    setStatus({ ok, text: ok ? t('copied') : t('error') });
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
        <button type="button" onClick={() => void insert()}>
          {t('insert')}
        </button>
        <button type="button" class="secondary" onClick={() => void copy()}>
          {t('copy')}
        </button>
      </div>
      {status && (
        <p class={status.ok ? 'ok' : 'error'} role="status">
          {status.text}
        </p>
      )}
    </article>
  );
}
