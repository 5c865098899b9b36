import { useEffect, useState } from 'preact/hooks';
import type { ReaderDescription } from '../protocol.ts';
import { askTab } from './api.ts';
import type { Strings } from './i18n.ts';

interface Props {
  t: Strings;
  tabId: number | undefined;
}

/**
 * What the reader makes of the chat tab: which reader, where the list came from, the customer,
 * the last customer and own messages, and the signals behind them, so a salesperson can see
 * why the panel shows what it shows. All page text is rendered as text.
 */
export function ReaderCard({ t, tabId }: Props) {
  const [described, setDescribed] = useState<ReaderDescription>();
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (tabId === undefined) return;
    let cancelled = false;
    askTab(tabId, { type: 'reader-describe' })
      .then((answer) => {
        if (cancelled) return;
        setDescribed(answer);
        setError(undefined);
      })
      .catch((reason: Error) => !cancelled && setError(reason.message));
    return () => {
      cancelled = true;
    };
  }, [tabId, attempt]);

  const source = described && { picked: t('readerPicked'), found: t('readerFound'), none: t('readerNone') }[described.source];
  return (
    <section class="card reader" aria-labelledby="reader-heading" data-testid="reader-card" data-source={described?.source}>
      <h2 id="reader-heading">{t('readerHeading')}</h2>
      {tabId === undefined && <p class="muted">{t('readerNoTab')}</p>}
      {error && <p class="muted" role="status">{error}</p>}
      {described && (
        <dl class="reader-facts">
          <dt>{t('readerAdapter')}</dt>
          <dd data-testid="reader-source">{described.adapter} · {source}</dd>
          {described.list && (
            <>
              <dt>{t('readerList')}</dt>
              <dd><code data-testid="reader-list">{described.list}</code></dd>
            </>
          )}
          <dt>{t('readerConversation')}</dt>
          <dd data-testid="reader-conversation">{described.customer ?? described.conversationKey}</dd>
          {described.lastCustomer !== undefined && (
            <>
              <dt>{t('readerLastCustomer')}</dt>
              <dd><blockquote data-testid="reader-last-customer">{described.lastCustomer}</blockquote></dd>
            </>
          )}
          {described.lastOwn !== undefined && (
            <>
              <dt>{t('readerLastOwn')}</dt>
              <dd><blockquote data-testid="reader-last-own">{described.lastOwn}</blockquote></dd>
            </>
          )}
          {described.reasons.length + described.why.length > 0 && (
            <>
              <dt>{t('readerWhy')}</dt>
              <dd>
                <ul class="reader-why" data-testid="reader-why">
                  {[...described.reasons, ...described.why].map((reason) => <li key={reason}>{reason}</li>)}
                </ul>
              </dd>
            </>
          )}
        </dl>
      )}
      {tabId !== undefined && (
        <button type="button" class="secondary" onClick={() => setAttempt((value) => value + 1)}>
          {t('readerRefresh')}
        </button>
      )}
    </section>
  );
}
