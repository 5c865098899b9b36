import { useEffect, useState } from 'preact/hooks';
import { ask } from './api.ts';
import type { Strings } from './i18n.ts';

/**
 * Settings: a system notification for due follow-ups, only if the user allows it. The permission is
 * optional in the manifest and asked for during this click (the browser's own prompt).
 */
export function FollowupsSettingsCard({ t }: { t: Strings }) {
  const [on, setOn] = useState<boolean>();
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    void ask({ type: 'followups-due' }).then((due) => setOn(due.notify)).catch(() => setOn(false));
  }, []);

  const toggle = async (wanted: boolean) => {
    setRefused(false);
    if (wanted) {
      // permissions.request must be the first thing the click does, or the browser refuses it.
      const granted = await chrome.permissions.request({ permissions: ['notifications'] }).catch(() => false);
      if (!granted) {
        setRefused(true);
        return setOn(false);
      }
    }
    await ask({ type: 'followups-notify', enabled: wanted });
    setOn(wanted);
  };

  return (
    <section class="card" aria-labelledby="followups-settings-heading">
      <h2 id="followups-settings-heading">{t('followupsNotifyHeading')}</h2>
      <p class="muted">{t('followupsNotifyHint')}</p>
      <label>
        <input type="checkbox" name="followups-notify" checked={on === true} disabled={on === undefined} onChange={(event) => void toggle(event.currentTarget.checked)} />{' '}
        {t('followupsNotifyToggle')}
      </label>
      {refused && <p class="error" role="alert">{t('followupsNotifyRefused')}</p>}
    </section>
  );
}
