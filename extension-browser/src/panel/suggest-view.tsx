import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { PanelEventSchema, parseMessage } from '../protocol.ts';
import type { Suggestion } from '../requests.ts';
import { ask, askTab } from './api.ts';
import { ProfileCard } from './profile-card.tsx';
import type { Strings } from './i18n.ts';
import { ReplyCard } from './reply-card.tsx';
import { StoryCard } from './story-card.tsx';
import { VariablesForm } from './variables-form.tsx';

interface Props {
  t: Strings;
  tabId: number | undefined;
  generation: number;
}

/** The chat tab's web origin, when the panel may know it (activeTab or a granted host). */
async function originOf(tabId: number): Promise<string | undefined> {
  const tab = await chrome.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url) return undefined;
  const url = new URL(tab.url);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
}

/** The main view: the customer's latest message, what it means, and what to answer. */
export function SuggestView({ t, tabId, generation }: Props) {
  const [conversationKey, setConversationKey] = useState('pasted');
  const [suggestion, setSuggestion] = useState<Suggestion>();
  const [error, setError] = useState<string>();
  const [pasted, setPasted] = useState('');
  const [hint, setHint] = useState<string>();
  // Set when the content script could not be put into the chat tab: the page's origin, if known.
  const [noAccess, setNoAccess] = useState<{ origin?: string }>();
  const [attempt, setAttempt] = useState(0);
  // The message on screen, for refreshing after a change of variables, bundle or language.
  const current = useRef<{ text: string; key: string }>();
  // Set when a pick chose a list: the next suggestion is scrolled into view (the pick buttons sit at the bottom).
  const showAfterPick = useRef(false);
  // "Adapt" is offered only once the team allows it and the salesperson turned it on in Settings.
  const [adaptable, setAdaptable] = useState(false);
  useEffect(() => {
    void ask({ type: 'adapt-status' })
      .then(({ settings, policy }) => setAdaptable(settings.enabled && policy.allowed && policy.backends.includes(settings.backend)))
      .catch(() => setAdaptable(false));
  }, [generation]);

  const suggest = useCallback(async (text: string, key: string, record: boolean) => {
    current.current = { text, key };
    setConversationKey(key);
    try {
      const result = await ask({ type: 'suggest', text, conversationKey: key, record });
      // A newer message may have arrived while this one was computed; show only the newest.
      if (current.current?.text === text && current.current.key === key) {
        setSuggestion(result);
        setError(undefined);
      }
    } catch (reason) {
      setError((reason as Error).message);
    }
  }, []);

  // A new chat tab: make sure it has the content script, then show its latest customer message.
  useEffect(() => {
    if (tabId === undefined) return;
    let cancelled = false;
    void (async () => {
      const pending = await ask({ type: 'pending-take' }).catch(() => ({ text: undefined }));
      const attached = await ask({ type: 'attach', tabId }).catch((reason: Error) => ({ attached: false, error: reason.message }));
      if (cancelled) return;
      setNoAccess(attached.attached ? undefined : { origin: await originOf(tabId) });
      let key = `tab:${tabId}`;
      let latest: string | undefined;
      if (attached.attached) {
        const read = await askTab(tabId, { type: 'read-latest' }).catch(() => undefined);
        if (read) {
          key = read.conversationKey;
          latest = read.message;
        }
      }
      if (cancelled) return;
      const text = pending.text ?? latest;
      if (text) await suggest(text, key, true);
      else {
        // Another chat with nothing to answer yet: the last chat's suggestions must not linger.
        current.current = undefined;
        setSuggestion(undefined);
        setConversationKey(key);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [tabId, suggest, attempt]);

  // Live updates: the content script reports each new customer message; the context menu its text.
  useEffect(() => {
    const listener = (raw: unknown, sender: chrome.runtime.MessageSender) => {
      const event = parseMessage(PanelEventSchema, raw);
      if (!event.ok) return undefined;
      const message = event.message;
      if (message.type === 'customer-message') {
        if (tabId === undefined || sender.tab?.id === tabId) void suggest(message.text, message.conversationKey, false);
      } else if (message.type === 'pick-list-done') {
        if (tabId !== undefined && sender.tab?.id !== tabId) return undefined;
        setHint(undefined);
        // The chosen list's message may be on screen already or still on its way: scroll now and once it shows.
        showAfterPick.current = message.chosen;
        if (message.chosen) document.getElementById('latest-heading')?.scrollIntoView({ block: 'start' });
      } else if (message.tabId === undefined || message.tabId === tabId) {
        void suggest(message.text, current.current?.key ?? conversationKey, true);
      }
      return undefined;
    };
    chrome.runtime.onMessage.addListener(listener);
    return () => chrome.runtime.onMessage.removeListener(listener);
  }, [tabId, suggest, conversationKey]);

  useEffect(() => {
    if (!suggestion || !showAfterPick.current) return;
    showAfterPick.current = false;
    document.getElementById('latest-heading')?.scrollIntoView({ block: 'start' });
  }, [suggestion]);

  useEffect(() => {
    if (generation > 0 && current.current) void suggest(current.current.text, current.current.key, false);
  }, [generation, suggest]);

  const refresh = () => {
    if (current.current) void suggest(current.current.text, current.current.key, false);
  };

  const pickList = async (type: 'pick-list-start' | 'pick-list-reset') => {
    if (tabId === undefined) return;
    try {
      const result = await askTab(tabId, { type });
      setHint(result.ok ? (type === 'pick-list-start' ? t('pickListHint') : undefined) : result.error);
    } catch (reason) {
      setHint((reason as Error).message);
    }
  };

  const allowSite = async (origin: string) => {
    // Asked during the click: the browser shows its own prompt, and the worker registers the
    // content script for the site once it is granted (background/sites.ts).
    const granted = await chrome.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    if (granted) setAttempt((value) => value + 1);
  };

  const submitPaste = (event: Event) => {
    event.preventDefault();
    const text = pasted.trim();
    if (text) void suggest(text, conversationKey, true);
  };

  return (
    <div class="suggest">
      <ProfileCard t={t} conversationKey={conversationKey} message={suggestion?.message} generation={generation} />
      <section class="card message" aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t('latestMessage')}</h2>
        {suggestion ? (
          <blockquote class="customer" data-testid="customer-message">{suggestion.message}</blockquote>
        ) : (
          <p class="muted">{tabId === undefined ? t('noTab') : t('noMessage')}</p>
        )}
      </section>
      {error && <p class="error" role="alert">{t('error')} {error}</p>}
      {noAccess && (
        <div class="card notice" role="status">
          <p>{t('noAccess')}</p>
          {noAccess.origin && (
            <button type="button" onClick={() => void allowSite(noAccess.origin!)}>
              {t('allowSite')} {noAccess.origin}
            </button>
          )}
        </div>
      )}
      {suggestion && (
        <>
          <section class="card understanding" aria-label={t('intent')}>
            <p>
              <span class="label">{t('intent')}</span>{' '}
              <strong class={`intent intent-${suggestion.intent}`} data-testid="intent" data-intent={suggestion.intent}>
                {t(`intent_${suggestion.intent}`)}
              </strong>
            </p>
            <p class="evidence">
              <span class="label">{t('evidence')}</span>{' '}
              {suggestion.evidence.length > 0 ? suggestion.evidence.map((item) => <mark key={item}>{item}</mark>) : <span class="muted">{t('noEvidence')}</span>}
            </p>
            {suggestion.step && (
              <p class="step" data-testid="step" data-step={suggestion.step.id}>
                <span class="label">{t('stepNow')}</span> <strong>{suggestion.step.title}</strong>
                {suggestion.next && (
                  <>
                    {' → '}
                    <span class="label">{t('stepNext')}</span> <strong title={suggestion.next.goal}>{suggestion.next.title}</strong>
                  </>
                )}
              </p>
            )}
          </section>
          {suggestion.uncovered && (
            <section class="card principle" data-testid="uncovered" aria-label={t('uncoveredTitle')}>
              <p class="muted">{t('uncoveredTitle')}</p>
              <p>{suggestion.uncovered.principle}</p>
            </section>
          )}
          <section aria-labelledby="replies-heading">
            <h2 id="replies-heading">{t('replies')}</h2>
            {suggestion.replies.length === 0 && !suggestion.uncovered && <p class="muted">{t('noReplies')}</p>}
            <ol class="replies" data-testid="replies" data-for={suggestion.message}>
              {suggestion.replies.map((reply) => (
                <li key={reply.id}>
                  <ReplyCard t={t} reply={reply} tabId={tabId} conversationKey={conversationKey} message={suggestion.message} adaptable={adaptable} />
                </li>
              ))}
            </ol>
          </section>
          {suggestion.stories.length > 0 && (
            <section aria-labelledby="stories-heading">
              <h2 id="stories-heading">{t('stories')}</h2>
              {suggestion.stories.map((story) => (
                <StoryCard key={story.id} t={t} story={story} />
              ))}
            </section>
          )}
        </>
      )}
      <VariablesForm t={t} conversationKey={conversationKey} generation={generation} used={suggestion?.variables ?? []} onSaved={refresh} />
      <form class="card paste" onSubmit={submitPaste}>
        <label for="paste-box">{t('pasteLabel')}</label>
        <textarea id="paste-box" rows={3} placeholder={t('pastePlaceholder')} value={pasted} onInput={(event) => setPasted(event.currentTarget.value)} />
        <div class="row">
          <button type="submit">{t('suggestButton')}</button>
          <button type="button" class="secondary" disabled={tabId === undefined} onClick={() => void pickList('pick-list-start')}>
            {t('pickList')}
          </button>
          <button type="button" class="secondary" disabled={tabId === undefined} onClick={() => void pickList('pick-list-reset')}>
            {t('pickListReset')}
          </button>
        </div>
        {hint && <p class="muted" role="status">{hint}</p>}
      </form>
    </div>
  );
}
