import { useEffect, useRef, useState } from 'preact/hooks';
import type { DrillAnswerInput, DrillListView, DrillScoreView, Language } from '../../requests.ts';
import { ask } from '../api.ts';
import { drillWords, fill } from './strings.ts';
import { TurnScore } from './turn-score.tsx';

type Drill = DrillListView['drills'][number];

interface Run {
  drill: Drill;
  started: string;
  answers: DrillAnswerInput[];
  /** When the current customer line was shown, for the time to answer. */
  shownAt: number;
  /** The score after each turn, when asked for. */
  each?: DrillScoreView;
  final?: DrillScoreView;
}

interface Props {
  language: Language;
  generation: number;
}

/** The Practice view: pick a drill, answer the simulated customer turn by turn, read the score. */
export function PracticeView({ language, generation }: Props) {
  const w = drillWords(language);
  const [list, setList] = useState<DrillListView>();
  const [chosen, setChosen] = useState<string>();
  const [each, setEach] = useState(false);
  const [run, setRun] = useState<Run>();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const replyBox = useRef<HTMLTextAreaElement>(null);

  const load = () => {
    setList(undefined);
    // A new seed per run picks other variants of the customer's words.
    ask({ type: 'drill-list', seed: Math.floor(Math.random() * 1000) })
      .then((answer) => {
        setList(answer);
        setChosen((current) => (answer.drills.some((drill) => drill.id === current) ? current : answer.drills[0]?.id));
      })
      .catch((reason: Error) => setError(reason.message));
  };
  useEffect(load, [generation]);

  if (error) return <p class="error" role="alert">{error}</p>;
  if (!list) return <p role="status">{w.loading}</p>;
  if (list.missing) return <p class="drill-missing" role="alert">{w.missing}{list.missing}</p>;

  const start = () => {
    const drill = list.drills.find((candidate) => candidate.id === chosen);
    if (!drill) return;
    setStatus(undefined);
    setDraft('');
    setRun({ drill, started: new Date().toISOString(), answers: [], shownAt: Date.now() });
    setTimeout(() => replyBox.current?.focus(), 0);
  };

  const send = async () => {
    if (!run || busy) return;
    const turn = run.drill.turns[run.answers.length];
    if (!turn) return;
    const answers = [...run.answers, { customer: turn.customer, reply: draft, seconds: (Date.now() - run.shownAt) / 1000 }];
    const done = answers.length === run.drill.turns.length;
    setBusy(true);
    try {
      const scored = done || each ? await ask({ type: 'drill-score', drill: run.drill.id, answers, save: done, started: run.started }) : undefined;
      setRun({ ...run, answers, shownAt: Date.now(), ...(each && scored ? { each: scored } : {}), ...(done ? { final: scored } : {}) });
      if (done && scored?.saved) setStatus(w.saved);
      setDraft('');
      if (!done) setTimeout(() => replyBox.current?.focus(), 0);
    } catch (reason) {
      setError((reason as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const exportFile = async () => {
    const { text, count } = await ask({ type: 'drills-export' });
    const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `closer-drills-${new Date().toISOString().slice(0, 10)}.jsonl`;
    link.click();
    URL.revokeObjectURL(url);
    setStatus(fill(w.exported, count));
  };

  const current = run && !run.final ? run.drill.turns[run.answers.length] : undefined;
  const lastEach = run?.each?.turns.at(-1);
  return (
    <div class="practice">
      <section class="card" aria-labelledby="practice-heading">
        <h2 id="practice-heading">{w.title}</h2>
        <p>{w.intro}</p>
        {/* The side panel is narrow; the same view in a tab of its own gives a new hire room. */}
        {new URLSearchParams(location.search).get('view') !== 'practice' && (
          <button type="button" class="secondary" onClick={() => void chrome.tabs.create({ url: chrome.runtime.getURL('panel.html?view=practice') })}>
            {w.bigger}
          </button>
        )}
        {list.drills.length > 1 && (
          <label>
            {w.drill}{' '}
            <select value={chosen} onChange={(event) => setChosen((event.target as HTMLSelectElement).value)} disabled={Boolean(current)}>
              {list.drills.map((drill) => <option key={drill.id} value={drill.id}>{drill.title}</option>)}
            </select>
          </label>
        )}
        {!current && (
          <>
            <label class="drill-each">
              <input type="checkbox" checked={each} onChange={(event) => setEach((event.target as HTMLInputElement).checked)} /> {w.each}
            </label>
            <button type="button" onClick={start}>{run?.final ? w.again : w.start}</button>
          </>
        )}
      </section>
      {run && (
        <section class="card drill-run" aria-label={run.drill.title} data-drill={run.drill.id}>
          <h3>{run.drill.title}</h3>
          {run.drill.trade && <p class="drill-trade">{w.trade}: {run.drill.trade}</p>}
          {run.drill.persona && <p class="drill-persona">{w.persona}: {run.drill.persona}</p>}
          <ol class="drill-transcript">
            {run.answers.map((answer, index) => (
              <li key={index}>
                <p class="drill-customer"><strong>{w.customer}:</strong> {answer.customer}</p>
                <p class="drill-you"><strong>{w.you}:</strong> {answer.reply}</p>
              </li>
            ))}
          </ol>
          {lastEach && !run.final && <TurnScore turn={lastEach} w={w} />}
          {current && (
            <form class="drill-answer" onSubmit={(event) => { event.preventDefault(); void send(); }}>
              <p class="drill-turn">{fill(w.turn, run.answers.length + 1, run.drill.turns.length)}</p>
              <p class="drill-customer drill-current" role="status"><strong>{w.customer}:</strong> {current.customer}</p>
              <label>
                {w.reply}
                <textarea ref={replyBox} rows={3} value={draft} onInput={(event) => setDraft((event.target as HTMLTextAreaElement).value)} />
              </label>
              <button type="submit" disabled={busy}>{busy ? w.scoring : w.send}</button>
            </form>
          )}
          {run.final && (
            <div class="drill-final">
              <p class="drill-total" role="status" data-total={run.final.total}>{fill(w.total, run.final.total)}</p>
              {run.final.turns.map((turn, index) => <TurnScore key={index} turn={turn} w={w} />)}
            </div>
          )}
        </section>
      )}
      <section class="card" aria-labelledby="drill-export-heading">
        <h2 id="drill-export-heading">{w.exportTitle}</h2>
        <button type="button" onClick={() => void exportFile()}>{w.exportButton}</button>
      </section>
      {status && <p class="status" role="status">{status}</p>}
    </div>
  );
}
