import { useEffect, useState } from 'preact/hooks';
import type { DueFollowupView, FollowupsDue } from '../requests.ts';
import { ask } from './api.ts';
import { FollowupItem } from './followups-item.tsx';
import type { Strings } from './i18n.ts';
import './followups.css';

interface Props {
  t: Strings;
  tabId: number | undefined;
  /** True while the view is on screen: it counts again each time it is shown. */
  visible: boolean;
  generation: number;
  /** How many are due, for the tab's label. */
  onCount: (count: number) => void;
}

/** "Due today": the follow-ups the playbooks' revisit plan makes due, each to insert, finish, put off or mark declined. */
export function FollowupsView({ t, tabId, visible, generation, onCount }: Props) {
  const [due, setDue] = useState<FollowupsDue>();
  const [error, setError] = useState<string>();

  const shown = (loaded: FollowupsDue) => {
    setDue(loaded);
    setError(undefined);
    onCount(loaded.items.length);
  };
  useEffect(() => {
    ask({ type: 'followups-due' }).then(shown, (reason: Error) => setError(reason.message));
  }, [visible, generation]);

  const act = async (item: DueFollowupView, action: 'done' | 'snoozed' | 'declined', days?: number) => {
    try {
      shown(await ask({ type: 'followup-act', case: item.case, rule: item.rule, due: item.due, action, ...(days ? { days } : {}) }));
    } catch (reason) {
      setError((reason as Error).message);
    }
  };

  return (
    <div class="followups">
      <h2 id="followups-heading">{t('followupsTitle')}</h2>
      {error && <p class="error" role="alert">{t('error')} {error}</p>}
      {due && due.items.length === 0 && <p class="muted" data-testid="followups-none">{t('followupsNone')}</p>}
      {due && due.items.length > 0 && (
        <>
          <p class="muted">{t('followupsNeverSent')}</p>
          <ol class="followup-list" data-testid="followups" aria-labelledby="followups-heading">
            {due.items.map((item) => (
              <li key={`${item.case}|${item.rule}|${item.due}`}>
                <FollowupItem t={t} item={item} tabId={tabId} onAct={(action, days) => void act(item, action, days)} />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
