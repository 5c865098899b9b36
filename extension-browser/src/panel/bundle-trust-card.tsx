import { useEffect, useState } from 'preact/hooks';
import type { BundleStatus, Language } from '../requests.ts';
import { ask } from './api.ts';
import type { Strings } from './i18n.ts';

/** The checking periods offered, in minutes; hourly is the default. */
const PERIODS = [15, 60, 6 * 60, 24 * 60];

interface Props {
  t: Strings;
  language: Language;
  /** Bumped when a bundle was imported or reset elsewhere in Settings: the status is fetched again. */
  generation: number;
  /** Called when a check brought a new bundle in, so the rest of the panel reads it. */
  onChange: () => void;
}

/**
 * Settings → Team key and updates: the version in use and who signed it, the team's pinned key
 * (pasted, or accepted from the signed bundle in use), and the URL's hourly check with its last
 * result. Every action answers the new status from the worker, which decides all of it.
 */
export function BundleTrustCard({ t, language, generation, onChange }: Props) {
  const [status, setStatus] = useState<BundleStatus>();
  const [pasted, setPasted] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string }>();

  useEffect(() => {
    ask({ type: 'bundle-status' }).then(setStatus, (reason: Error) => setNote({ ok: false, text: reason.message }));
  }, [generation]);
  if (!status) return null;

  const act = async (work: Promise<BundleStatus>, done: string) => {
    const before = status.hash;
    try {
      const next = await work;
      setStatus(next);
      setNote({ ok: true, text: done });
      if (next.hash !== before) onChange();
    } catch (reason) {
      setNote({ ok: false, text: (reason as Error).message });
    }
  };

  const pin = async (event: Event) => {
    event.preventDefault();
    if (!pasted.trim()) return;
    await act(ask({ type: 'bundle-key-pin', key: pasted }), t('trustPinnedDone'));
    setPasted('');
  };

  const time = (at: number | null) => (at === null ? '—' : new Date(at).toLocaleString(language));
  const fill = (template: string, ...params: string[]) => template.replace(/\{(\d+)\}/g, (whole, n: string) => params[Number(n)] ?? whole);
  // A reason the panel has no words for is shown in the worker's own English.
  const reasonText = (error: { code: string; message: string }) => {
    const key = `trustReason_${error.code.replace(/-/g, '_')}`;
    const words = t(key);
    return words === key ? error.message : `${words} (${error.message})`;
  };

  const periodText = (minutes: number) => (minutes % 60 === 0 ? fill(t('trustEveryHours'), String(minutes / 60)) : fill(t('trustEvery'), String(minutes)));

  const { signer, pinned, refresh } = status;
  const trusted = Boolean(signer && pinned && signer.key === pinned.key);
  return (
    <section class="card" aria-labelledby="trust-heading" data-testid="bundle-trust">
      <h2 id="trust-heading">{t('trustHeading')}</h2>
      <p class="muted">{t('trustHint')}</p>
      <dl data-testid="bundle-version" data-hash={status.hash} data-signer={signer?.fingerprint ?? ''}>
        <dt>{t('trustVersion')}</dt>
        <dd>
          {status.source === 'default' ? t('bundleDefault') : status.playbooks.join(', ')} · <code>{status.hash.replace(/^sha256:/, '').slice(0, 12)}</code>
        </dd>
        <dt>{t('trustSignedBy')}</dt>
        <dd data-testid="bundle-signer">
          {signer ? (
            <>
              <code>{signer.fingerprint}</code> {pinned ? (trusted ? t('trustIsPinned') : t('trustNotPinned')) : ''}
            </>
          ) : (
            t('trustUnsigned')
          )}
        </dd>
        {refresh && (
          <>
            <dt>{t('trustUpdates')}</dt>
            <dd>
              <code>{refresh.url}</code>
            </dd>
            <dt>
              <label for="trust-period">{t('trustEveryLabel')}</label>
            </dt>
            <dd>
              <select
                id="trust-period"
                value={String(refresh.periodMinutes)}
                onChange={(event) => void act(ask({ type: 'bundle-refresh-every', minutes: Number(event.currentTarget.value) }), t('trustPeriodSaved'))}
              >
                {[...new Set([...PERIODS, refresh.periodMinutes])].sort((a, b) => a - b).map((minutes) => (
                  <option key={minutes} value={String(minutes)}>
                    {periodText(minutes)}
                  </option>
                ))}
              </select>
            </dd>
            <dt>{t('trustLastChecked')}</dt>
            <dd data-testid="bundle-last-checked">{time(refresh.lastChecked)}</dd>
            <dt>{t('trustLastChanged')}</dt>
            <dd>{time(refresh.lastChanged)}</dd>
            <dt>{t('trustLastError')}</dt>
            <dd data-testid="bundle-last-error" data-code={refresh.lastError?.code ?? ''} class={refresh.lastError ? 'error' : ''}>
              {refresh.lastError ? `${time(refresh.lastError.at)}: ${reasonText(refresh.lastError)}` : t('trustNoError')}
            </dd>
          </>
        )}
      </dl>
      {refresh && (
        <button type="button" class="secondary" onClick={() => void act(ask({ type: 'bundle-refresh-now' }), t('trustChecked'))}>
          {t('trustCheckNow')}
        </button>
      )}
      {signer && !pinned && (
        <div class="card notice" data-testid="bundle-trust-offer">
          <p>{fill(t('trustOffer'), signer.fingerprint)}</p>
          <button type="button" onClick={() => void act(ask({ type: 'bundle-key-accept', fingerprint: signer.fingerprint }), t('trustPinnedDone'))}>
            {t('trustAccept')}
          </button>
        </div>
      )}
      {pinned ? (
        <p data-testid="bundle-pinned" data-fingerprint={pinned.fingerprint}>
          {t('trustPinned')} <code>{pinned.fingerprint}</code> ({pinned.from === 'pasted' ? t('trustFromPasted') : t('trustFromBundle')}){' '}
          <button type="button" class="secondary" onClick={() => void act(ask({ type: 'bundle-key-forget' }), t('trustForgotten'))}>
            {t('trustForget')}
          </button>
        </p>
      ) : (
        <form onSubmit={(event) => void pin(event)}>
          <label class="field">
            <span>{t('trustPaste')}</span>
            <textarea rows={3} value={pasted} placeholder="closer-ed25519-public-key" onInput={(event) => setPasted(event.currentTarget.value)} />
          </label>
          <button type="submit">{t('trustPin')}</button>
        </form>
      )}
      {note && (
        <p class={note.ok ? 'ok' : 'error'} role={note.ok ? 'status' : 'alert'} data-testid="bundle-trust-note">
          {note.text}
        </p>
      )}
    </section>
  );
}
