import { useEffect, useState } from 'preact/hooks';
import type { SearchHit, SearchResult } from '../requests.ts';
import { ask } from './api.ts';
import type { Strings } from './i18n.ts';

/** Search for new hires: every reply, story and step, filtered by intent and step. */
export function SearchView({ t, generation }: { t: Strings; generation: number }) {
  const [query, setQuery] = useState('');
  const [intent, setIntent] = useState('');
  const [step, setStep] = useState('');
  const [result, setResult] = useState<SearchResult & { for: string }>();
  const [detail, setDetail] = useState<SearchHit>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    ask({ type: 'search', query, intent: intent || undefined, step: step || undefined })
      .then((answer) => {
        if (cancelled) return;
        setResult({ ...answer, for: JSON.stringify([query, intent, step]) });
        setError(undefined);
      })
      .catch((reason: Error) => setError(reason.message));
    return () => {
      cancelled = true;
    };
  }, [query, intent, step, generation]);

  if (detail) {
    return (
      <article class="card detail" aria-labelledby="detail-heading">
        <button type="button" class="secondary" onClick={() => setDetail(undefined)}>
          ← {t('back')}
        </button>
        <h2 id="detail-heading">{detail.title}</h2>
        <p class="category">{t(`intent_${detail.category}`) === `intent_${detail.category}` ? detail.category : t(`intent_${detail.category}`)}</p>
        <p class="reply-text">{detail.text}</p>
        <h3>{t('principle')}</h3>
        <p class="principle" data-testid="principle">{detail.principle}</p>
        {detail.file && (
          <p class="muted">
            {t('defined')} {detail.file}
            {detail.line ? `:${detail.line}` : ''}
          </p>
        )}
      </article>
    );
  }

  return (
    <div class="search">
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label for="search-box">{t('searchLabel')}</label>
        <input id="search-box" type="search" value={query} placeholder={t('searchPlaceholder')} onInput={(event) => setQuery(event.currentTarget.value)} />
        <div class="row">
          <select aria-label={t('intent')} value={intent} onChange={(event) => setIntent(event.currentTarget.value)}>
            <option value="">{t('allIntents')}</option>
            {result?.intents.map((id) => (
              <option key={id} value={id}>
                {t(`intent_${id}`)}
              </option>
            ))}
          </select>
          <select aria-label={t('stepNow')} value={step} onChange={(event) => setStep(event.currentTarget.value)}>
            <option value="">{t('allSteps')}</option>
            {result?.steps.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title}
              </option>
            ))}
          </select>
        </div>
      </form>
      {error && <p class="error" role="alert">{t('error')} {error}</p>}
      {result && result.hits.length === 0 && <p class="muted">{t('noHits')}</p>}
      <ul class="hits" data-testid="hits" data-for={result?.for}>
        {result?.hits.map((hit) => (
          <li key={`${hit.category}:${hit.id}`}>
            <button type="button" class="hit" onClick={() => setDetail(hit)}>
              <strong>{hit.title}</strong>
              <span class="hit-text">{hit.text}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
