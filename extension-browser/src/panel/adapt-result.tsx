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
 * A gate reason in the panel's language: its code's words with the parameters filled in ({0}…),
 * a figure kind, claim rule or language among them named in that language too. A code this
 * panel does not know yet (a newer core) is shown in the core's English rather than not at all.
 */
export function reasonText(t: Strings, reason: AdaptResult['reasons'][number]): string {
  const key = `adaptReason_${reason.code.replace(/[.-]/g, '_')}`;
  const template = t(key);
  if (template === key) return reason.message;
  const named = (kind: string, value: string) => {
    const word = t(`${kind}_${value.replace(/[.-]/g, '_')}`);
    return word === `${kind}_${value.replace(/[.-]/g, '_')}` ? value : word;
  };
  const params = reason.params.map((param, index) => {
    if (reason.code.startsWith('figures-kept.') && index === 0) return named('adaptFigure', param);
    if (reason.code === 'no-new-claims.added' && index === 0) return named('adaptClaim', param);
    if (reason.code === 'same-language.other') return named('adaptLanguage', param);
    return param;
  });
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => params[Number(n)] ?? whole);
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
          {result.reasons.map((reason, index) => (
            <li key={index} data-code={reason.code}>{reasonText(t, reason)}</li>
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
