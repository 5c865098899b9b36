import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Case, CaseEvent } from '@closer/shared';
import type { Language, Result } from '../../requests.ts';
import { ask, askTab } from '../api.ts';
import { CaseEditor } from './case-editor.tsx';
import { caseWords, fill, type CaseWords } from './strings.ts';
import './cases.css';

interface Props {
  language: Language;
  tabId: number | undefined;
  /** True while the view is on screen: it refreshes each time it is shown. */
  visible: boolean;
}

type Listing = Result<'cases-list'>;

/** The salesperson's cases: this chat's case to mark, the list with a filter, export and import. */
export function CasesView({ language, tabId, visible }: Props) {
  const w = caseWords(language);
  const [listing, setListing] = useState<Listing>();
  const [conversationKey, setConversationKey] = useState<string>();
  const [outcome, setOutcome] = useState<'' | Case['outcome']>('');
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string>();
  const [keepNames, setKeepNames] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string; problems?: string[] }>();
  const [name, setName] = useState('');
  const [teamReasons, setTeamReasons] = useState('');

  const load = async (key = conversationKey) => {
    const loaded = await ask({ type: 'cases-list', conversationKey: key });
    setListing(loaded);
    setName(loaded.profile.salesperson);
    setTeamReasons(loaded.profile.reasons.join(', '));
  };
  useEffect(() => {
    if (!visible) return;
    void (async () => {
      const read = tabId === undefined ? undefined : await askTab(tabId, { type: 'read-latest' }).catch(() => undefined);
      const key = read?.conversationKey ?? (tabId === undefined ? undefined : `tab:${tabId}`);
      setConversationKey(key);
      await load(key);
    })();
  }, [visible, tabId]);

  const shown = useMemo(() => {
    const words = query.trim().toLowerCase();
    return (listing?.cases ?? []).filter((record) =>
      (!outcome || record.outcome === outcome) &&
      (!words || [record.customer, record.product ?? '', record.salesperson, record.notes].some((text) => text.toLowerCase().includes(words))));
  }, [listing, outcome, query]);

  if (!listing) return <p role="status">…</p>;
  const current = listing.cases.find((record) => record.id === listing.current);
  const saved = () => void load();

  const exportFile = async () => {
    const { text, count, drills } = await ask({ type: 'cases-export', keepNames });
    const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `closer-cases-${new Date().toISOString().slice(0, 10)}.jsonl`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus({ ok: true, text: drills > 0 ? fill(w.exportedDrills, count, drills) : fill(w.exported, count) });
  };
  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const result = await ask({ type: 'cases-import', text: await file.text(), source: file.name });
      setStatus({ ok: result.problems.length === 0, text: fill(w.imported, result.added, result.updated, result.unchanged), problems: result.problems });
    } catch (reason) {
      setStatus({ ok: false, text: (reason as Error).message });
    }
    input.value = '';
    await load();
  };
  const saveName = async () => {
    if (name.trim() === listing.profile.salesperson) return;
    await ask({ type: 'cases-profile', salesperson: name });
    await load();
  };
  const saveReasons = async () => {
    const reasons = teamReasons.split(/[,，\s]+/).map((reason) => reason.trim().toLowerCase()).filter(Boolean);
    if (reasons.join(',') === listing.profile.reasons.join(',')) return;
    try {
      await ask({ type: 'cases-profile', reasons });
      setStatus(undefined);
    } catch (reason) {
      setStatus({ ok: false, text: (reason as Error).message });
    }
    await load();
  };
  const startCase = async () => {
    if (!conversationKey) return;
    await ask({ type: 'case-update', conversationKey, change: {} });
    await load();
  };

  return (
    <div class="cases">
      <section class="card" aria-labelledby="case-current-heading" data-testid="current-case">
        <h2 id="case-current-heading">{w.thisChat}</h2>
        {current ? (
          <CaseEditor w={w} record={current} reasons={listing.reasons} onSaved={saved} />
        ) : conversationKey ? (
          <button type="button" class="secondary" onClick={() => void startCase()}>{w.open} +</button>
        ) : (
          <p class="label">{w.noChat}</p>
        )}
        <label class="field"><span>{w.yourName}</span><input name="salesperson" value={name} onInput={(event) => setName(event.currentTarget.value)} onBlur={() => void saveName()} /></label>
        <label class="field"><span>{w.teamReasons}</span><input name="team-reasons" value={teamReasons} onInput={(event) => setTeamReasons(event.currentTarget.value)} onBlur={() => void saveReasons()} /></label>
      </section>

      <section class="card" aria-labelledby="case-list-heading">
        <h2 id="case-list-heading">{w.cases} ({shown.length})</h2>
        <div class="row">
          <select name="outcome" aria-label={w.won} value={outcome} onChange={(event) => setOutcome(event.currentTarget.value as typeof outcome)}>
            <option value="">{w.all}</option>
            <option value="won">{w.won}</option>
            <option value="lost">{w.lost}</option>
            <option value="open">{w.open}</option>
          </select>
          <input type="search" class="grow" placeholder={w.search} aria-label={w.search} value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
        </div>
        {shown.length === 0 && <p class="label">{w.none}</p>}
        <ul class="case-list">
          {shown.slice(0, 200).map((record) => (
            <li key={record.id} data-case-id={record.id} data-outcome={record.outcome}>
              <button type="button" class="case-summary secondary" aria-expanded={openId === record.id} onClick={() => setOpenId(openId === record.id ? undefined : record.id)}>
                <span>{record.createdAt.slice(0, 10)}</span> <span>{record.customer || '—'}</span> <span>{record.product ?? ''}</span>{' '}
                <strong>{record.outcome === 'won' ? w.won : record.outcome === 'lost' ? w.lost : w.open}</strong>
                {record.amount !== undefined && <span> · {record.amount}</span>}
              </button>
              {openId === record.id && (
                <div class="case-detail">
                  <CaseEditor w={w} record={record} reasons={listing.reasons} onSaved={saved} />
                  <ol class="timeline">{record.timeline.map((event, index) => <li key={index}>{record.timeline.length > 0 && eventText(w, event)}</li>)}</ol>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section class="card" aria-labelledby="case-export-heading">
        <h2 id="case-export-heading">{w.exportTitle}</h2>
        <label class="row"><input type="checkbox" name="keep-names" checked={keepNames} onChange={(event) => setKeepNames(event.currentTarget.checked)} /> {w.keepNames}</label>
        <button type="button" onClick={() => void exportFile()}>{w.exportButton}</button>
        <label class="field"><span>{w.importFile}</span><input type="file" name="import-cases" accept=".jsonl,.ndjson,application/x-ndjson,text/plain" onChange={(event) => void importFile(event)} /></label>
        {status && (
          <div class={status.ok ? 'ok' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid="cases-status">
            <p>{status.text}</p>
            {status.problems && status.problems.length > 0 && <><p>{w.problems}</p><ul>{status.problems.slice(0, 20).map((problem) => <li key={problem}>{problem}</li>)}</ul></>}
          </div>
        )}
      </section>
    </div>
  );
}

function eventText(w: CaseWords, event: CaseEvent): string {
  const at = event.at.slice(11, 16);
  switch (event.type) {
    case 'message': return `${at} ${fill(w.events.message!, event.intent)}`;
    case 'step': return `${at} ${fill(w.events.step!, event.step)}`;
    case 'suggested': return `${at} ${fill(w.events.suggested!, event.replies.join(', '))}`;
    case 'inserted': return `${at} ${fill(w.events.inserted!, event.reply)}`;
    case 'sent': return `${at} ${fill(w.events.sent!, event.reply, event.message)}`;
    case 'meeting': return `${at} ${w.events.meeting!}`;
    case 'signal': return `${at} ${w.events.signal!}`;
    case 'tag': return `${at} ${fill(event.added ? w.events.tagOn! : w.events.tagOff!, event.tag)}`;
  }
}
