import { useEffect, useState } from 'preact/hooks';
import type { AdaptSettings, AdaptStatus } from '../requests.ts';
import { ask } from './api.ts';
import type { Strings } from './i18n.ts';

interface Props {
  t: Strings;
  generation: number;
  /** Called after a save, so the Suggest view learns whether to offer "Adapt". */
  onChange: () => void;
}

/**
 * Settings → Adaptation: the salesperson's opt-in and back-end on top of the team's policy, which
 * comes from the bundle and is shown here read-only. Saving sends nothing to any endpoint.
 */
export function AdaptSettingsCard({ t, generation, onChange }: Props) {
  const [status, setStatus] = useState<AdaptStatus>();
  const [draft, setDraft] = useState<AdaptSettings>();
  const [saved, setSaved] = useState<{ ok: boolean; text: string }>();

  const load = () =>
    ask({ type: 'adapt-status' }).then((loaded) => {
      setStatus(loaded);
      setDraft(loaded.settings);
    });
  useEffect(() => {
    void load().catch((reason: Error) => setSaved({ ok: false, text: reason.message }));
  }, [generation]);
  if (!status || !draft) return null;

  const { policy, builtIn } = status;
  const change = (patch: Partial<AdaptSettings>) => setDraft({ ...draft, ...patch });

  const save = async (event: Event) => {
    event.preventDefault();
    const timeoutSeconds = Number(draft.timeoutSeconds);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 120) return setSaved({ ok: false, text: t('adaptTimeoutBad') });
    if (draft.backend === 'openai-compatible' && draft.enabled) {
      let origin: string;
      try {
        const url = new URL(draft.endpoint.trim());
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
        origin = url.origin;
      } catch {
        return setSaved({ ok: false, text: `${t('adaptEndpointBad')} ${draft.endpoint}` });
      }
      // The worker's fetch to another origin needs its host permission, which the browser grants
      // only during a click like this one; refused or not, the worker reports any failure later.
      try {
        await globalThis.chrome?.permissions?.request({ origins: [`${origin}/*`] });
      } catch {
        // No such prompt here (or the origin is already granted by the build): nothing to do.
      }
    }
    try {
      await ask({ type: 'adapt-settings-set', settings: { ...draft, endpoint: draft.endpoint.trim(), model: draft.model.trim(), timeoutSeconds } });
      setSaved({ ok: true, text: t('adaptSaved') });
      onChange();
      await load();
    } catch (reason) {
      setSaved({ ok: false, text: (reason as Error).message });
    }
  };

  const backendName = (backend: string) => (backend === 'chrome-built-in' ? t('adaptBuiltIn') : t('adaptOpenAi'));
  return (
    <section class="card" aria-labelledby="adapt-heading" data-testid="adapt-settings">
      <h2 id="adapt-heading">{t('adaptHeading')}</h2>
      <p class="muted">{t('adaptHint')}</p>
      <dl class="policy" data-testid="adapt-policy" data-allowed={String(policy.allowed)}>
        <dt>{t('adaptPolicy')}</dt>
        <dd>{policy.allowed ? t('adaptPolicyAllowed') : t('adaptPolicyRefused')}</dd>
        {policy.allowed && (
          <>
            <dt>{t('adaptPolicyBackends')}</dt>
            <dd>{policy.backends.map(backendName).join(', ')}</dd>
            <dt>{t('adaptPolicyHosted')}</dt>
            <dd>{policy.hosted ? t('adaptHostedYes') : t('adaptHostedNo')}</dd>
          </>
        )}
      </dl>
      <form onSubmit={(event) => void save(event)}>
        <label class="check">
          <input type="checkbox" checked={draft.enabled} disabled={!policy.allowed} onChange={(event) => change({ enabled: event.currentTarget.checked })} />
          <span>{t('adaptEnable')}</span>
        </label>
        <fieldset disabled={!policy.allowed}>
          <legend>{t('adaptBackend')}</legend>
          {(['openai-compatible', 'chrome-built-in'] as const).map((backend) => (
            <label key={backend} class="check">
              <input type="radio" name="adapt-backend" value={backend} checked={draft.backend === backend} disabled={!policy.backends.includes(backend)} onChange={() => change({ backend })} />
              <span>{backendName(backend)}</span>
            </label>
          ))}
        </fieldset>
        {draft.backend === 'openai-compatible' ? (
          <>
            <label class="field">
              <span>{t('adaptEndpoint')}</span>
              <input type="url" value={draft.endpoint} placeholder="http://127.0.0.1:11434/v1" onInput={(event) => change({ endpoint: event.currentTarget.value })} />
            </label>
            <label class="field">
              <span>{t('adaptModel')}</span>
              <input value={draft.model} placeholder="qwen2.5:7b" onInput={(event) => change({ model: event.currentTarget.value })} />
            </label>
            <label class="field">
              <span>{t('adaptKey')}</span>
              <input type="password" autocomplete="off" value={draft.key} onInput={(event) => change({ key: event.currentTarget.value })} />
            </label>
            <p class="muted">{t('adaptKeyHint')}</p>
            <p class="muted" data-testid="ollama-note">
              {t('adaptOllama')} <code>OLLAMA_ORIGINS=chrome-extension://{chrome.runtime.id}</code>
            </p>
          </>
        ) : (
          <p class={builtIn.available ? 'ok' : 'muted'} data-testid="built-in-availability" data-available={String(builtIn.available)}>
            {builtIn.available ? t('adaptBuiltInReady') : t('adaptBuiltInMissing')} {builtIn.reason}
          </p>
        )}
        <label class="field">
          <span>{t('adaptTimeout')}</span>
          <input type="number" min="1" max="120" step="1" value={draft.timeoutSeconds} onInput={(event) => change({ timeoutSeconds: Number(event.currentTarget.value) })} />
        </label>
        <button type="submit" disabled={!policy.allowed}>
          {t('save')}
        </button>
      </form>
      {saved && (
        <p class={saved.ok ? 'ok' : 'error'} role={saved.ok ? 'status' : 'alert'}>
          {saved.text}
        </p>
      )}
    </section>
  );
}
