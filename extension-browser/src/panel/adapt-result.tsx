import type { AdaptResult } from '../requests.ts';
import type { Strings } from './i18n.ts';

export type Adaptation = { state: 'working' } | { state: 'done'; result: AdaptResult } | { state: 'failed'; error: string };

interface Props {
  t: Strings;
  adaptation: Adaptation;
  onInsert: (result: AdaptResult) => void;
  onCopy: (result: AdaptResult) => void;
}

/**
 * What came back from "Adapt", under the approved reply it adapts: the adapted text as a word
 * diff, or why none is used. The model's words are text nodes in spans, never HTML.
 */
export function AdaptResultView({ t, adaptation, onInsert, onCopy }: Props) {
  if (adaptation.state === 'working') {
    return (
      <p class="muted adapt-working" role="status" data-testid="adapt-working">
        {t('adaptWorking')}
      </p>
    );
  }
  if (adaptation.state === 'failed') {
    return (
      <div class="adapt rejected" data-testid="adapt-result" data-accepted="false" role="status">
        <p class="error">
          {t('adaptFailed')} {adaptation.error}
        </p>
        <p class="muted">{t('adaptFallback')}</p>
      </div>
    );
  }
  const { result } = adaptation;
  if (!result.accepted) {
    return (
      <div class="adapt rejected" data-testid="adapt-result" data-accepted="false" role="status">
        <p class="error">{t('adaptRejected')}</p>
        <ul class="reasons" data-testid="adapt-reasons">
          {result.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        <p class="muted">
          {t('adaptFallback')} <span class="adapt-backend">({t('adaptBy')} {result.backend})</span>
        </p>
      </div>
    );
  }
  return (
    <div class="adapt accepted" data-testid="adapt-result" data-accepted="true" role="status">
      <p class="ok">
        {t('adaptAccepted')} <span class="adapt-backend" data-testid="adapt-backend">{t('adaptBy')} {result.backend}</span>
      </p>
      <p class="reply-text adapt-diff" data-testid="adapt-diff" aria-label={t('adaptDiffLabel')}>
        {result.diff.map((part, index) =>
          part.kind === 'same' ? (
            <span key={index}>{part.text}</span>
          ) : part.kind === 'added' ? (
            <ins key={index}>{part.text}</ins>
          ) : (
            <del key={index}>{part.text}</del>
          ),
        )}
      </p>
      <p class="reply-text adapt-text" data-testid="adapt-text">
        {result.text}
      </p>
      <div class="row">
        <button type="button" onClick={() => onInsert(result)}>
          {t('adaptInsert')}
        </button>
        <button type="button" class="secondary" onClick={() => onCopy(result)}>
          {t('adaptCopy')}
        </button>
      </div>
    </div>
  );
}
