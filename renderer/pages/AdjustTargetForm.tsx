import { useState } from 'react';
import type { TargetRule } from '../../shared/framework/schema.ts';
import { adjustableParts } from '../../shared/framework/describe.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { api, ApiCallError } from '../api/client.ts';

const T = MESSAGES.frameworkAdjust;

const initialValue = (rule: TargetRule) =>
  rule.kind === 'at_least' || rule.kind === 'at_most' || rule.kind === 'about' ? String(rule.value) : '';
const initialTolerance = (rule: TargetRule) =>
  rule.kind === 'about'
    ? String(rule.tolerance)
    : rule.kind === 'trend' && rule.stableTolerance !== undefined
      ? String(rule.stableTolerance)
      : '';

/**
 * A county's local adjustment of one target: the new value, the 左右 tolerance or 保持稳定 margin, or the
 * balanced band — what the rule has — and its basis, saved as a new version.
 */
export function AdjustTargetForm({
  planId,
  targetId,
  rule,
  onDone,
}: {
  planId: string;
  targetId: string;
  rule: TargetRule;
  onDone: (message: string | null) => void;
}) {
  const parts = adjustableParts(rule)!;
  const [value, setValue] = useState(initialValue(rule));
  const [tolerance, setTolerance] = useState(initialTolerance(rule));
  const [low, setLow] = useState(rule.kind === 'balanced' ? String(rule.low) : '');
  const [high, setHigh] = useState(rule.kind === 'balanced' ? String(rule.high) : '');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const num = (text: string) => (text.trim() === '' ? undefined : Number(text));
  const numbers = [
    parts.value ? value : '',
    parts.tolerance ? tolerance : '',
    parts.band ? low : '',
    parts.band ? high : '',
  ];
  const invalid = numbers.some((t) => t.trim() !== '' && Number.isNaN(Number(t)));
  const save = async () => {
    try {
      const r = await api['plans:adjust-target']({
        planId,
        targetId,
        note,
        value: parts.value ? num(value) : undefined,
        tolerance: parts.tolerance ? num(tolerance) : undefined,
        band: parts.band ? { low: Number(low), high: Number(high) } : undefined,
      });
      onDone(T.saved(r.version));
    } catch (e) {
      setError(
        e instanceof ApiCallError
          ? [e.error.message, ...e.error.details.map((d) => d.message)].join('；')
          : (e as Error).message,
      );
    }
  };
  return (
    <form
      className="adjust-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid={`adjust-${targetId}`}
    >
      {parts.value && (
        <input
          aria-label={T.value}
          placeholder={T.value}
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      )}
      {parts.tolerance && (
        <input
          aria-label={rule.kind === 'trend' ? T.stableTolerance : T.tolerance}
          placeholder={rule.kind === 'trend' ? T.stableTolerance : T.tolerance}
          inputMode="decimal"
          value={tolerance}
          onChange={(e) => setTolerance(e.target.value)}
        />
      )}
      {parts.band && (
        <>
          <input
            aria-label={T.bandLow}
            placeholder={T.bandLow}
            inputMode="decimal"
            value={low}
            onChange={(e) => setLow(e.target.value)}
          />
          <input
            aria-label={T.bandHigh}
            placeholder={T.bandHigh}
            inputMode="decimal"
            value={high}
            onChange={(e) => setHigh(e.target.value)}
          />
        </>
      )}
      <input
        aria-label={T.note}
        placeholder={T.note}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={200}
      />
      <button type="submit" className="primary" disabled={!note.trim() || invalid}>
        {T.save}
      </button>
      <button type="button" onClick={() => onDone(null)}>
        {T.cancel}
      </button>
      {error && (
        <span className="error-text small" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
