import { useEffect, useState } from 'preact/hooks';
import type { VariableField } from '../requests.ts';
import { ask } from './api.ts';
import type { Strings } from './i18n.ts';

interface Props {
  t: Strings;
  conversationKey: string;
  generation: number;
  /** Names the shown replies use: these fields come first, the rest fold away. */
  used: string[];
  onSaved: () => void;
}

/** The details of this conversation (customer name, product, price…), remembered per conversation. */
export function VariablesForm({ t, conversationKey, generation, used, onSaved }: Props) {
  const [fields, setFields] = useState<VariableField[]>([]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let cancelled = false;
    ask({ type: 'variables-get', conversationKey })
      .then((result) => {
        if (cancelled) return;
        setFields(result.fields);
        setValues(Object.fromEntries(result.fields.map((field) => [field.name, field.value])));
        setSaved(false);
      })
      .catch(() => setFields([]));
    return () => {
      cancelled = true;
    };
  }, [conversationKey, generation]);

  if (fields.length === 0) return null;
  const submit = async (event: Event) => {
    event.preventDefault();
    await ask({ type: 'variables-set', conversationKey, values });
    setSaved(true);
    onSaved();
  };
  const input = (field: VariableField) => (
    <label key={field.name} class="field">
      <span>{field.label}</span>
      <input
        name={field.name}
        value={values[field.name] ?? ''}
        placeholder={field.fallback}
        onInput={(event) => {
          setSaved(false);
          setValues({ ...values, [field.name]: event.currentTarget.value });
        }}
      />
    </label>
  );
  const first = fields.filter((field) => used.includes(field.name));
  const rest = fields.filter((field) => !used.includes(field.name));
  return (
    <details class="card variables" open={first.length > 0}>
      <summary>{t('variables')}</summary>
      <form onSubmit={(event) => void submit(event)}>
        {first.map(input)}
        {rest.length > 0 && (
          <details class="more">
            <summary>{t('moreDetails')}</summary>
            {rest.map(input)}
          </details>
        )}
        <button type="submit">{t('save')}</button>
        {saved && <span class="ok" role="status"> ✓</span>}
      </form>
    </details>
  );
}
