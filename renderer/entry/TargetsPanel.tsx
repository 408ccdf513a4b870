// The area's targets next to the grid: computed value, last year, status, and what the office must add
// (qualitative progress, 上级要求 thresholds, explanations of warnings).
import { useState } from 'react';
import { describeRule } from '../../shared/framework/describe.ts';
import type { Indicator, PlanArea } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import type { QualitativeAnswer, QualitativeChoice } from '../../shared/returns/schema.ts';
import { formatInUnit } from '../../shared/rules/format.ts';
import { POOL_MSG } from '../../shared/rules/messages.ts';
import { hasAlert, type IndicatorValue, type TargetResult } from '../../shared/rules/result.ts';

const T = MESSAGES.entry;

interface Props {
  area: PlanArea;
  indicators: Map<string, Indicator>;
  values: Map<string, IndicatorValue>;
  results: Map<string, TargetResult>;
  qualitative: Map<string, QualitativeAnswer>;
  thresholds: Record<string, number>;
  explanations: Record<string, string>;
  readOnly: boolean;
  onAnswer: (indicator: string, choice: QualitativeChoice | null, note: string) => void;
  onThreshold: (targetId: string, value: number | null) => void;
  onExplanation: (key: string, text: string) => void;
}

/** A text box that saves when it loses focus (not on every keystroke). */
function LazyInput(props: {
  value: string;
  placeholder?: string;
  disabled?: boolean;
  label: string;
  onSave: (v: string) => void;
  className?: string;
}) {
  const [text, setText] = useState(props.value);
  return (
    <input
      className={props.className}
      aria-label={props.label}
      value={text}
      placeholder={props.placeholder}
      disabled={props.disabled}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text !== props.value && props.onSave(text)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
      }}
    />
  );
}

/** Targets this return is judged on first; those judged at another level folded away below them. */
export function TargetsPanel(p: Props) {
  const applicable = p.area.targets.filter((t) => p.results.get(t.id)?.status !== 'not_applicable');
  const elsewhere = p.area.targets.filter((t) => p.results.get(t.id)?.status === 'not_applicable');
  return (
    <>
      <TargetsTable {...p} targets={applicable} testId="targets-table" />
      {elsewhere.length > 0 && (
        <details className="elsewhere">
          <summary>{T.indicators.elsewhere(elsewhere.length)}</summary>
          <TargetsTable {...p} targets={elsewhere} testId="targets-elsewhere" />
        </details>
      )}
    </>
  );
}

function TargetsTable(p: Props & { targets: PlanArea['targets']; testId: string }) {
  if (p.targets.length === 0) return <p className="muted small">{T.indicators.none}</p>;
  return (
    <table className="grid targets-table" data-testid={p.testId}>
      <thead>
        <tr>
          <th>{T.indicators.indicator}</th>
          <th>{T.indicators.target}</th>
          <th className="c-num">{T.indicators.value}</th>
          <th className="c-num">{T.indicators.previous}</th>
          <th>{T.indicators.status}</th>
          <th>{T.indicators.note}</th>
        </tr>
      </thead>
      <tbody>
        {p.targets.map((target) => {
          const indicator = p.indicators.get(target.indicator)!;
          const result = p.results.get(target.id);
          const value = p.values.get(target.indicator);
          const unit = indicator.kind === 'qualitative' ? '' : indicator.unit;
          const decimals = indicator.kind === 'qualitative' ? 0 : indicator.decimals;
          const fmt = (v: number | null | undefined) =>
            v === null || v === undefined ? '' : formatInUnit(v, decimals, unit);
          const needsExplanation = result && hasAlert(result);
          const answer = p.qualitative.get(indicator.code);
          return (
            <tr key={target.id} data-target={target.id}>
              <td>
                <span className="code">{indicator.code}</span> {indicator.name}
              </td>
              <td title={target.source.quote}>
                {target.text}
                <div className="muted small">{describeRule(target.rule, indicator)}</div>
              </td>
              <td className="c-num" data-testid={`value-${target.id}`}>
                {indicator.kind === 'qualitative' ? (
                  <select
                    aria-label={MESSAGES.app.common.progressOf(indicator.name)}
                    value={answer?.choice ?? ''}
                    disabled={p.readOnly}
                    onChange={(e) =>
                      p.onAnswer(
                        indicator.code,
                        (e.target.value || null) as QualitativeChoice | null,
                        answer?.note ?? '',
                      )
                    }
                  >
                    <option value="">{T.indicators.choiceEmpty}</option>
                    {(['done', 'in_progress', 'not_done'] as const).map((c) => (
                      <option key={c} value={c}>
                        {T.choices[indicator.choices][c]}
                      </option>
                    ))}
                  </select>
                ) : (
                  fmt(result?.value ?? value?.value)
                )}
                {value?.referenceOnly && <div className="muted small">{T.indicators.referenceOnly}</div>}
                {value?.coverage && (
                  <div className="muted small pooled-note" data-testid={`pooled-${target.id}`}>
                    {POOL_MSG.coverage(value.coverage)}
                  </div>
                )}
              </td>
              <td className="c-num muted">{fmt(result?.previous)}</td>
              <td>
                {result && (
                  <span className={`status status-${result.status}`} data-testid={`status-${target.id}`}>
                    {T.targetStatus[result.status]}
                  </span>
                )}
                {result?.hardToMeet && (
                  <span className="status status-volatile" data-testid={`alert-${target.id}`}>
                    {T.alerts.hardToMeet}
                  </span>
                )}
                {result?.volatile && <span className="status status-volatile">{T.alerts.volatile}</span>}
              </td>
              <td className="notes">
                {result?.message && <div className="small">{result.message}</div>}
                {target.rule.kind === 'external' && (
                  <LazyInput
                    className="threshold"
                    label={T.indicators.thresholdPlaceholder}
                    placeholder={T.indicators.thresholdPlaceholder}
                    disabled={p.readOnly}
                    value={p.thresholds[target.id] === undefined ? '' : String(p.thresholds[target.id])}
                    onSave={(v) =>
                      p.onThreshold(target.id, v.trim() === '' || Number.isNaN(Number(v)) ? null : Number(v))
                    }
                  />
                )}
                {indicator.kind === 'qualitative' && (
                  <LazyInput
                    className="note"
                    label={MESSAGES.app.common.noteOf(indicator.name)}
                    placeholder={T.indicators.note}
                    disabled={p.readOnly}
                    value={answer?.note ?? ''}
                    onSave={(v) => p.onAnswer(indicator.code, answer?.choice ?? null, v)}
                  />
                )}
                {needsExplanation && (
                  <LazyInput
                    className={p.explanations[target.id] ? 'explanation' : 'explanation missing'}
                    label={T.indicators.explanation}
                    placeholder={T.indicators.explanationPlaceholder}
                    disabled={p.readOnly}
                    value={p.explanations[target.id] ?? ''}
                    onSave={(v) => p.onExplanation(target.id, v)}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
