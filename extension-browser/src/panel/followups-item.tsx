import { useState } from 'preact/hooks';
import type { DueFollowupView } from '../requests.ts';
import { askTab } from './api.ts';
import { fill } from './cases/strings.ts';
import { copyText } from './clipboard.ts';
import type { Strings } from './i18n.ts';

interface Props {
  t: Strings;
  item: DueFollowupView;
  /** The chat tab the panel serves. */
  tabId: number | undefined;
  onAct: (action: 'done' | 'snoozed' | 'declined', days?: number) => void;
}

/** The conversation a tab's content script is in, or undefined when it has none (not a chat, no access). */
async function conversationIn(tabId: number): Promise<string | undefined> {
  return (await askTab(tabId, { type: 'read-latest' }).catch(() => undefined))?.conversationKey;
}

/** Another open tab showing this conversation, so the panel can offer to go there. */
async function findChatTab(conversation: string, except: number | undefined): Promise<chrome.tabs.Tab | undefined> {
  const tabs = await chrome.tabs.query({ url: ['http://*/*', 'https://*/*'] }).catch(() => []);
  for (const tab of tabs) {
    if (tab.id === undefined || tab.id === except) continue;
    if ((await conversationIn(tab.id)) === conversation) return tab;
  }
  return undefined;
}

/** One due follow-up: who, why, the approved message filled in, and what the salesperson does with it. */
export function FollowupItem({ t, item, tabId, onAct }: Props) {
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [elsewhere, setElsewhere] = useState<chrome.tabs.Tab>();
  const who = item.customer || t('profileNoName');

  // Insert only into this customer's own chat: a follow-up typed into another chat would reach the wrong person.
  const insert = async () => {
    setElsewhere(undefined);
    const here = tabId === undefined ? undefined : await conversationIn(tabId);
    if (tabId === undefined || here !== item.conversation) {
      const other = await findChatTab(item.conversation, tabId);
      setElsewhere(other);
      return setStatus({ ok: false, text: fill(t('followupOpenChat'), who, item.conversation) });
    }
    try {
      const result = await askTab(tabId, { type: 'insert', text: item.text });
      setStatus(result.ok ? { ok: true, text: t('inserted') } : { ok: false, text: `${t('insertFailed')} ${result.error ?? result.strategy}` });
    } catch (reason) {
      setStatus({ ok: false, text: `${t('insertFailed')} ${(reason as Error).message}` });
    }
  };

  const copy = async () => {
    const ok = await copyText(item.text);
    setStatus({ ok, text: ok ? t('copied') : t('error') });
  };

  const goTo = async (tab: chrome.tabs.Tab) => {
    await chrome.tabs.update(tab.id!, { active: true }).catch(() => undefined);
    await chrome.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
    setElsewhere(undefined);
    setStatus(undefined);
  };

  const dueDay = new Date(item.due).toLocaleDateString(document.documentElement.lang || undefined);
  return (
    <article class="card followup" aria-label={who} data-testid="followup" data-case={item.case} data-rule={item.rule} data-state={item.state}>
      <h3>
        <span data-testid="followup-customer">{who}</span>{' '}
        <span class={`followup-state state-${item.state}`}>{t(`followupState_${item.state}`)}</span>{' '}
        <span class="label">{fill(t('followupDueOn'), dueDay)}</span>
      </h3>
      <p class="why" data-testid="followup-reason">{item.reason}</p>
      <p class="reply-text" data-testid="followup-text">{item.text}</p>
      <div class="row">
        <button type="button" onClick={() => void insert()}>{t('insert')}</button>
        <button type="button" class="secondary" onClick={() => void copy()}>{t('copy')}</button>
        <button type="button" class="secondary" onClick={() => onAct('done')}>{t('followupDone')}</button>
        <button type="button" class="secondary" onClick={() => onAct('snoozed', 1)}>{t('followupSnoozeTomorrow')}</button>
        <button type="button" class="secondary" onClick={() => onAct('snoozed', 3)}>{t('followupSnoozeDays')}</button>
        <button type="button" class="secondary" onClick={() => onAct('declined')}>{t('followupDeclined')}</button>
      </div>
      {status && (
        <p class={status.ok ? 'ok' : 'error'} role="status" data-testid="followup-status">
          {status.text}
        </p>
      )}
      {elsewhere && <button type="button" class="secondary" onClick={() => void goTo(elsewhere)}>{t('followupSwitch')}</button>}
    </article>
  );
}
