import { useState } from 'react';
import { MESSAGES } from '../../shared/messages.ts';
import { api, ApiCallError } from '../api/client.ts';

const T = MESSAGES.frameworkAdjust;

/** A county's local adjustment of one numeric target: the new value and its basis, saved as a new version. */
export function AdjustTargetForm({ planId, targetId, initial, onDone }: {
  planId: string; targetId: string; initial: number; onDone: (message: string | null) => void;
}) {
  const [value, setValue] = useState(String(initial));
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const save = async () => {
    try {
      const r = await api['plans:adjust-target']({ planId, targetId, value: Number(value), note });
      onDone(T.saved(r.version));
    } catch (e) {
      setError(e instanceof ApiCallError ? [e.error.message, ...e.error.details.map((d) => d.message)].join('；') : (e as Error).message);
    }
  };
  return (
    <form className="adjust-form" onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid={`adjust-${targetId}`}>
      <input aria-label={T.value} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
      <input aria-label={T.note} placeholder={T.note} value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
      <button type="submit" className="primary" disabled={!note.trim() || Number.isNaN(Number(value))}>{T.save}</button>
      <button type="button" onClick={() => onDone(null)}>{T.cancel}</button>
      {error && <span className="error-text small" role="alert">{error}</span>}
    </form>
  );
}
