import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../requests.ts';
import { ask } from './api.ts';
import { CasesView } from './cases/cases-view.tsx';
import { PracticeView } from './drill/practice-view.tsx';
import { followAskedView } from './asked-view.ts';
import { followChatTab } from './chat-tab.ts';
import { FollowupsView } from './followups-view.tsx';
import { loadStrings, type Strings } from './i18n.ts';
import { SearchView } from './search-view.tsx';
import { SettingsView } from './settings-view.tsx';
import { SuggestView } from './suggest-view.tsx';

type View = 'suggest' | 'followups' | 'search' | 'cases' | 'practice' | 'settings';
const VIEWS: View[] = ['suggest', 'search', 'followups', 'cases', 'practice', 'settings'];
const VIEW_LABEL: Record<View, string> = { suggest: 'tabSuggest', followups: 'tabFollowups', search: 'tabSearch', cases: 'tabCases', practice: 'tabPractice', settings: 'tabSettings' };

/** The view named in the page's address (?view=practice opens the Practice view in its own tab). */
function initialView(): View {
  const named = new URLSearchParams(location.search).get('view');
  return VIEWS.find((candidate) => candidate === named) ?? 'suggest';
}

export function App() {
  const [language, setLanguage] = useState<Language>();
  const [t, setStrings] = useState<Strings>();
  const [view, setView] = useState<View>(initialView);
  const [tabId, setTabId] = useState<number>();
  // Bumped when the bundle, the defaults or the language change, so views fetch again.
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<string>();
  // How many follow-ups are due today, beside the Due today tab's name.
  const [dueCount, setDueCount] = useState(0);

  useEffect(() => followChatTab(setTabId), []);
  // A click on the follow-ups notification asks for Due today (the worker cannot call the panel).
  useEffect(() => followAskedView((name) => VIEWS.includes(name as View) && setView(name as View)), []);
  useEffect(() => {
    ask({ type: 'settings-get' })
      .then((settings) => setLanguage(settings.language))
      .catch((reason: Error) => {
        setError(reason.message);
        setLanguage('zh-CN');
      });
  }, []);
  useEffect(() => {
    if (!language) return;
    document.documentElement.lang = language;
    void loadStrings(language).then((strings) => setStrings(() => strings));
  }, [language]);

  if (!t || !language) return <p class="loading" role="status">…</p>;
  // The tabs pattern: one tab in the Tab order, arrow keys move between them.
  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = VIEWS[(VIEWS.indexOf(view) + step + VIEWS.length) % VIEWS.length]!;
    setView(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  const changed = (next?: Language) => {
    if (next) setLanguage(next);
    setGeneration((value) => value + 1);
  };
  return (
    <div class="app">
      <nav class="tabs" role="tablist" aria-label="Closer" onKeyDown={onTabKey}>
        {VIEWS.map((name) => (
          <button
            key={name}
            role="tab"
            id={`tab-${name}`}
            aria-selected={view === name}
            aria-controls={`view-${name}`}
            tabIndex={view === name ? 0 : -1}
            onClick={() => setView(name)}
          >
            {t(VIEW_LABEL[name])}
            {name === 'followups' && dueCount > 0 && <span class="tab-count" data-testid="due-count">{dueCount}</span>}
          </button>
        ))}
      </nav>
      {error && <p class="error" role="alert">{t('error')} {error}</p>}
      {/* Views stay mounted (hidden) so the Suggest view keeps following the chat. */}
      <section id="view-suggest" role="tabpanel" aria-labelledby="tab-suggest" hidden={view !== 'suggest'}>
        <SuggestView t={t} tabId={tabId} generation={generation} />
      </section>
      <section id="view-followups" role="tabpanel" aria-labelledby="tab-followups" hidden={view !== 'followups'}>
        <FollowupsView t={t} tabId={tabId} visible={view === 'followups'} generation={generation} onCount={setDueCount} />
      </section>
      <section id="view-search" role="tabpanel" aria-labelledby="tab-search" hidden={view !== 'search'}>
        <SearchView t={t} generation={generation} />
      </section>
      <section id="view-cases" role="tabpanel" aria-labelledby="tab-cases" hidden={view !== 'cases'}>
        {view === 'cases' && <CasesView language={language} tabId={tabId} visible={view === 'cases'} />}
      </section>
      <section id="view-practice" role="tabpanel" aria-labelledby="tab-practice" hidden={view !== 'practice'}>
        {view === 'practice' && <PracticeView language={language} generation={generation} />}
      </section>
      <section id="view-settings" role="tabpanel" aria-labelledby="tab-settings" hidden={view !== 'settings'}>
        {view === 'settings' && <SettingsView t={t} generation={generation} onChange={changed} tabId={tabId} />}
      </section>
    </div>
  );
}
