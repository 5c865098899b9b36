import { useEffect, useState } from 'preact/hooks';
import type { TeamView } from '../requests.ts';
import { ask } from './api.ts';
import type { Strings } from './i18n.ts';

interface Props {
  t: Strings;
  generation: number;
}

type Draft = { url: string; user: string; secret: string; secretKind: 'password' | 'token' };

/** "3 min ago" style time for the status line, in the panel's words. */
function since(t: Strings, iso: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return t('teamJustNow');
  if (minutes < 120) return t('teamMinutesAgo').replace('$1', String(minutes));
  return new Date(iso).toLocaleString();
}

/** The status line a salesperson reads: last sync, pending, the last error in plain words. */
export function teamStatusLine(t: Strings, status: TeamView['status'], now = Date.now()): string {
  if (!status.enabled) return t('teamOff');
  const parts = [status.lastSync ? `${t('teamLastSync')} ${since(t, status.lastSync, now)}` : t('teamNeverSynced')];
  parts.push(t('teamPending').replace('$1', String(status.pending)));
  if (status.running) parts.push(t('teamRunning'));
  return parts.join(' · ');
}

function errorLine(t: Strings, error: NonNullable<TeamView['status']['error']>): string {
  const key = `teamError_${error.code}`;
  const said = t(key);
  // A code the panel has no words for falls back to the worker's English sentence.
  return said === key ? error.message : said;
}

/**
 * Settings → Team: the team's CouchDB server, the user name and password or token there, a status
 * line and "Sync now". Off until saved; saving asks the browser for access to that one server.
 */
export function TeamSettingsCard({ t, generation }: Props) {
  const [view, setView] = useState<TeamView>();
  const [draft, setDraft] = useState<Draft>({ url: '', user: '', secret: '', secretKind: 'password' });
  const [saved, setSaved] = useState<{ ok: boolean; text: string }>();

  const load = async (fillDraft: boolean) => {
    const loaded = await ask({ type: 'team-get' });
    setView(loaded);
    if (fillDraft) setDraft({ url: loaded.settings.url, user: loaded.settings.user, secret: '', secretKind: loaded.settings.secretKind });
    return loaded;
  };
  useEffect(() => {
    void load(true).catch((reason: Error) => setSaved({ ok: false, text: reason.message }));
  }, [generation]);
  // While a run is going on, the status line follows it.
  useEffect(() => {
    if (!view?.status.running) return;
    const timer = setTimeout(() => void load(false), 1000);
    return () => clearTimeout(timer);
  }, [view]);
  if (!view) return null;

  const save = async (enabled: boolean, event?: Event) => {
    event?.preventDefault();
    if (enabled) {
      let origin: string;
      try {
        origin = new URL(draft.url.trim()).origin;
      } catch {
        return setSaved({ ok: false, text: `${t('teamUrlBad')} ${draft.url}` });
      }
      // The worker may reach that one server only with its host permission, which the browser
      // grants during a click like this one.
      let granted = false;
      try {
        granted = await chrome.permissions.request({ origins: [`${origin}/*`] });
      } catch (reason) {
        return setSaved({ ok: false, text: `${t('teamNoPermission')} ${(reason as Error).message}` });
      }
      if (!granted) return setSaved({ ok: false, text: t('teamNoPermission') });
    }
    try {
      const next = await ask({ type: 'team-set', enabled, url: draft.url, user: draft.user, secretKind: draft.secretKind, ...(draft.secret ? { secret: draft.secret } : {}) });
      setView(next);
      setDraft({ ...draft, secret: '' });
      setSaved({ ok: true, text: enabled ? t('teamSaved') : t('teamTurnedOff') });
    } catch (reason) {
      setSaved({ ok: false, text: (reason as Error).message });
    }
  };

  const syncNow = async () => {
    setView({ ...view, status: { ...view.status, running: true } });
    try {
      setView(await ask({ type: 'team-sync-now' }));
    } catch (reason) {
      setSaved({ ok: false, text: (reason as Error).message });
      await load(false);
    }
  };

  const { status, settings } = view;
  return (
    <section class="card" aria-labelledby="team-heading" data-testid="team-settings">
      <h2 id="team-heading">{t('teamHeading')}</h2>
      <p class="muted">{t('teamHint')}</p>
      <p data-testid="team-status" data-enabled={String(status.enabled)} data-pending={String(status.pending)} data-error={status.error?.code ?? ''} role="status">
        {teamStatusLine(t, status)}
      </p>
      {status.error && (
        <p class="error" data-testid="team-error" role="alert">
          {errorLine(t, status.error)}
          {status.nextAttempt && ` ${t('teamNextTry')} ${new Date(status.nextAttempt).toLocaleTimeString()}.`}
        </p>
      )}
      {status.refused.length > 0 && (
        <div class="error" data-testid="team-refused">
          <p>{t('teamRefused').replace('$1', String(status.refused.length))}</p>
          <ul>
            {status.refused.slice(0, 5).map((entry) => (
              <li key={entry.id}>
                <code>{entry.id.slice(0, 8)}</code> {entry.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {status.lastRun && status.lastRun.settled > 0 && <p class="muted" data-testid="team-settled">{t('teamSettled').replace('$1', String(status.lastRun.settled))}</p>}
      <form onSubmit={(event) => void save(true, event)}>
        <label class="field">
          <span>{t('teamUrl')}</span>
          <input type="url" name="team-url" value={draft.url} placeholder="https://couch.example.com" onInput={(event) => setDraft({ ...draft, url: event.currentTarget.value })} />
        </label>
        <label class="field">
          <span>{t('teamUser')}</span>
          <input name="team-user" autocomplete="username" value={draft.user} onInput={(event) => setDraft({ ...draft, user: event.currentTarget.value })} />
        </label>
        <fieldset>
          <legend>{t('teamSecretKind')}</legend>
          {(['password', 'token'] as const).map((kind) => (
            <label key={kind} class="check">
              <input type="radio" name="team-secret-kind" value={kind} checked={draft.secretKind === kind} onChange={() => setDraft({ ...draft, secretKind: kind })} />
              <span>{kind === 'password' ? t('teamPassword') : t('teamToken')}</span>
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span>{draft.secretKind === 'password' ? t('teamPassword') : t('teamToken')}</span>
          <input
            type="password"
            name="team-secret"
            autocomplete="off"
            value={draft.secret}
            placeholder={settings.hasSecret ? t('teamSecretKept') : ''}
            onInput={(event) => setDraft({ ...draft, secret: event.currentTarget.value })}
          />
        </label>
        <div class="row">
          <button type="submit">{t('save')}</button>
          <button type="button" class="secondary" disabled={!status.enabled || status.running} onClick={() => void syncNow()}>
            {t('teamSyncNow')}
          </button>
          {status.enabled && (
            <button type="button" class="secondary" onClick={() => void save(false)}>
              {t('teamTurnOff')}
            </button>
          )}
        </div>
      </form>
      {saved && (
        <p class={saved.ok ? 'ok' : 'error'} role={saved.ok ? 'status' : 'alert'} data-testid="team-saved">
          {saved.text}
        </p>
      )}
    </section>
  );
}
