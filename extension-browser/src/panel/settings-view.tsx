import { useEffect, useState } from 'preact/hooks';
import type { Language, Settings } from '../requests.ts';
import { ask } from './api.ts';
import type { Strings } from './i18n.ts';
import { AdaptSettingsCard } from './adapt-settings.tsx';
import { BundleTrustCard } from './bundle-trust-card.tsx';
import { TeamSettingsCard } from './team-settings.tsx';
import { FollowupsSettingsCard } from './followups-settings.tsx';
import { ReaderCard } from './reader-card.tsx';

// Granted by the test build's manifest (dist-test/) for the demo page and the tests; never in the
// build users install, and not something to remove here.
const BUILT_IN_HOSTS = ['http://127.0.0.1/*'];

interface Props {
  t: Strings;
  /** Bumped on a change of language or bundle: the labels are fetched again. */
  generation: number;
  onChange: (language?: Language) => void;
  /** The chat tab the panel serves, for "Reading this page". */
  tabId?: number;
}

/** What the reader finds in the chat tab, bundle import, adaptation by a model, default details, saved message lists per site, interface language. */
export function SettingsView({ t, generation, onChange, tabId }: Props) {
  const [settings, setSettings] = useState<Settings>();
  const [defaults, setDefaults] = useState<Record<string, string>>({});
  const [url, setUrl] = useState('');
  // `answer` counts the answers shown, so a second answer with the same words is still a new one.
  const [status, setStatus] = useState<{ ok: boolean; text: string; answer: number }>();
  const [allowed, setAllowed] = useState<string[]>([]);

  const load = () =>
    ask({ type: 'settings-get' }).then((loaded) => {
      setSettings(loaded);
      setDefaults(loaded.defaults);
    });
  const loadAllowed = () =>
    chrome.permissions.getAll().then(({ origins = [] }) => setAllowed(origins.filter((origin) => !BUILT_IN_HOSTS.includes(origin))));
  useEffect(() => {
    void load();
    void loadAllowed();
  }, [generation]);
  if (!settings) return <p role="status">…</p>;

  const imported = async (work: Promise<unknown>) => {
    try {
      await work;
      setStatus((previous) => ({ ok: true, text: t('importDone'), answer: (previous?.answer ?? 0) + 1 }));
      onChange();
    } catch (reason) {
      setStatus((previous) => ({ ok: false, text: `${t('importRefused')} ${(reason as Error).message}`, answer: (previous?.answer ?? 0) + 1 }));
    }
    await load();
  };

  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await imported(file.text().then((text) => ask({ type: 'bundle-import-text', text, source: file.name })));
    input.value = '';
  };

  const importUrl = async (event: Event) => {
    event.preventDefault();
    const target = url.trim();
    if (!target) return;
    // Ask for access to that one origin during this click (a user gesture), so the fetch is not
    // blocked by CORS; refused or not, the fetch is tried and any failure is reported.
    try {
      const origin = new URL(target).origin;
      await globalThis.chrome?.permissions?.request({ origins: [`${origin}/*`] });
    } catch {
      // Not a URL, or the browser has no such prompt here: the background reports it.
    }
    await imported(ask({ type: 'bundle-import-url', url: target }));
  };

  const saveDefaults = async (event: Event) => {
    event.preventDefault();
    await ask({ type: 'settings-set', defaults });
    onChange();
    await load();
  };

  const setLanguage = async (language: Language) => {
    await ask({ type: 'settings-set', language });
    onChange(language);
  };

  const bundle = settings.bundle;
  return (
    <div class="settings" data-language={settings.language}>
      <ReaderCard t={t} tabId={tabId} />
      <section class="card" aria-labelledby="bundle-heading">
        <h2 id="bundle-heading">{t('bundle')}</h2>
        <p data-testid="bundle-info" data-hash={bundle.hash}>
          {t('bundleInUse')} {bundle.source === 'default' ? t('bundleDefault') : bundle.source} · {bundle.playbooks.join(', ')} · {bundle.replies}{' '}
          {t('bundleReplies')}
        </p>
        {bundle.notice ? (
          <p class="notice" role="note" data-testid="bundle-notice">
            {t('bundleSlowStart')} {bundle.notice}
          </p>
        ) : null}
        <label class="field">
          <span>{t('importFile')}</span>
          <input type="file" accept=".json,application/json" onChange={(event) => void importFile(event)} />
        </label>
        <form class="row" onSubmit={(event) => void importUrl(event)}>
          <label class="field grow">
            <span>{t('importUrl')}</span>
            <input type="url" value={url} placeholder="https://…/bundle.json" onInput={(event) => setUrl(event.currentTarget.value)} />
          </label>
          <button type="submit">{t('importButton')}</button>
        </form>
        {bundle.source !== 'default' && (
          <button type="button" class="secondary" onClick={() => void imported(ask({ type: 'bundle-reset' }))}>
            {t('resetBundle')}
          </button>
        )}
        {status && (
          <p class={status.ok ? 'ok' : 'error'} role={status.ok ? 'status' : 'alert'} data-answer={status.answer}>
            {status.text}
          </p>
        )}
      </section>
      <BundleTrustCard t={t} language={settings.language} generation={generation} onChange={() => onChange()} />
      <AdaptSettingsCard t={t} generation={generation} onChange={() => onChange()} />
      <TeamSettingsCard t={t} generation={generation} />
      <FollowupsSettingsCard t={t} />
      <section class="card" aria-labelledby="defaults-heading">
        <h2 id="defaults-heading">{t('defaults')}</h2>
        <p class="muted">{t('defaultsHint')}</p>
        <form onSubmit={(event) => void saveDefaults(event)}>
          {settings.variables.map((field) => (
            <label key={field.name} class="field">
              <span>{field.label}</span>
              <input name={field.name} value={defaults[field.name] ?? ''} placeholder={field.fallback} onInput={(event) => setDefaults({ ...defaults, [field.name]: event.currentTarget.value })} />
            </label>
          ))}
          <button type="submit">{t('save')}</button>
        </form>
      </section>
      <section class="card" aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('sites')}</h2>
        {settings.sites.length === 0 && <p class="muted">{t('noSites')}</p>}
        <ul class="sites">
          {settings.sites.map((site) => (
            <li key={site.site}>
              <strong>{site.site}</strong> <code>{site.selector}</code>{' '}
              <button type="button" class="secondary" onClick={() => void ask({ type: 'site-forget', site: site.site }).then(load)}>
                {t('reset')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="allowed-heading">
        <h2 id="allowed-heading">{t('allowedSites')}</h2>
        {allowed.length === 0 && <p class="muted">{t('noAllowedSites')}</p>}
        <ul class="sites">
          {allowed.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>{' '}
              <button type="button" class="secondary" onClick={() => void chrome.permissions.remove({ origins: [origin] }).then(loadAllowed)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="language-heading">
        <h2 id="language-heading">{t('language')}</h2>
        <select aria-labelledby="language-heading" value={settings.language} onChange={(event) => void setLanguage(event.currentTarget.value as Language)}>
          <option value="zh-CN">中文</option>
          <option value="en">English</option>
        </select>
      </section>
    </div>
  );
}
