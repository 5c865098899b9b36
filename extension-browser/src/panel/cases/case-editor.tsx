import { useEffect, useRef, useState } from 'preact/hooks';
import type { Case } from '@closer/shared';
import type { Request } from '../../requests.ts';
import { ask } from '../api.ts';
import type { CaseWords } from './strings.ts';

interface Props {
  w: CaseWords;
  record: Case;
  reasons: string[];
  onSaved: (record: Case) => void;
}

/** Mark a case in one or two clicks: Won (then the amount, optional), Lost with its reason, a note. */
export function CaseEditor({ w, record, reasons, onSaved }: Props) {
  const [amount, setAmount] = useState(record.amount === undefined ? '' : String(record.amount));
  const [notes, setNotes] = useState(record.notes);
  const [customer, setCustomer] = useState(record.customer);
  const [choosing, setChoosing] = useState<'won' | 'lost'>();
  const [error, setError] = useState<string>();
  // A newer copy of the record (after any save) updates the fields the salesperson is not
  // editing; what they are typing is never overwritten by a save that finishes meanwhile.
  const previous = useRef(record);
  useEffect(() => {
    const before = previous.current;
    previous.current = record;
    const amountOf = (value: Case) => (value.amount === undefined ? '' : String(value.amount));
    if (before.id !== record.id) {
      setAmount(amountOf(record));
      setNotes(record.notes);
      setCustomer(record.customer);
      return;
    }
    setAmount((typed) => (typed === amountOf(before) ? amountOf(record) : typed));
    setNotes((typed) => (typed === before.notes ? record.notes : typed));
    setCustomer((typed) => (typed === before.customer ? record.customer : typed));
  }, [record]);

  const update = async (change: Extract<Request, { type: 'case-update' }>['change']) => {
    try {
      const saved = await ask({ type: 'case-update', id: record.id, change });
      setChoosing(undefined);
      setError(undefined);
      onSaved(saved);
    } catch (reason) {
      setError((reason as Error).message);
    }
  };
  const saveWon = (event: Event) => {
    event.preventDefault();
    const value = amount.trim() === '' ? undefined : Number(amount);
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) return setError(`${w.amount}: ${amount}`);
    void update({ outcome: 'won', amount: value });
  };

  return (
    <div class="case-editor" data-outcome={record.outcome}>
      <div class="row outcome-buttons">
        <button type="button" class={record.outcome === 'won' ? '' : 'secondary'} aria-pressed={record.outcome === 'won'} onClick={() => setChoosing('won')}>{w.won}</button>
        <button type="button" class={record.outcome === 'lost' ? '' : 'secondary'} aria-pressed={record.outcome === 'lost'} onClick={() => setChoosing('lost')}>{w.lost}</button>
        {record.outcome !== 'open' && <button type="button" class="secondary" onClick={() => void update({ outcome: 'open' })}>{w.open}</button>}
        <span class="label">{record.outcome === 'won' ? `${w.won}${record.amount !== undefined ? ` · ${record.amount}` : ''}` : record.outcome === 'lost' ? `${w.lost} · ${w.reasons[record.lossReason ?? 'other'] ?? record.lossReason}` : w.open}</span>
      </div>
      {choosing === 'won' && (
        <form class="row" onSubmit={saveWon}>
          <label class="field grow"><span>{w.amount}</span><input name="amount" inputMode="decimal" value={amount} onInput={(event) => setAmount(event.currentTarget.value)} /></label>
          <button type="submit">{w.save}</button>
        </form>
      )}
      {choosing === 'lost' && (
        <div class="row reasons" role="group" aria-label={w.reason}>
          {reasons.map((reason) => (
            <button key={reason} type="button" class="secondary" data-reason={reason} onClick={() => void update({ outcome: 'lost', lossReason: reason })}>{w.reasons[reason] ?? reason}</button>
          ))}
        </div>
      )}
      <label class="field"><span>{w.customer}</span><input name="customer" value={customer} onInput={(event) => setCustomer(event.currentTarget.value)} onBlur={() => customer !== record.customer && void update({ customer })} /></label>
      <label class="field"><span>{w.notes}</span><textarea name="notes" rows={2} value={notes} onInput={(event) => setNotes(event.currentTarget.value)} /></label>
      <button type="button" class="secondary" disabled={notes === record.notes} onClick={() => void update({ notes })}>{w.saveNotes}</button>
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
