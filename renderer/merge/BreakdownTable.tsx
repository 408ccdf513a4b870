// Every child side by side with the total: indicators (each child's own ratio, judged against the plan's
// targets, below-target cells marked) and the summed data items. A ratio's total pooled over only some children
// says so under the figure.
import { useState } from 'react';
import type { BreakdownView } from '../../shared/api/merge-contract.ts';
import { APP_LOCALE, MESSAGES } from '../../shared/messages.ts';

const T = MESSAGES.merge.page;
type Show = 'indicator' | 'item';

const fmt = (v: number | null, decimals: number) =>
  v === null ? '' : v.toLocaleString(APP_LOCALE, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

export function BreakdownTable({ breakdown }: { breakdown: BreakdownView }) {
  const [show, setShow] = useState<Show>('indicator');
  const rows = breakdown.rows.filter((r) => r.kind === show);
  return (
    <div data-testid="breakdown">
      <div className="toolbar">
        <div className="segmented" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={show === 'indicator'}
            className={show === 'indicator' ? 'tab active' : 'tab'}
            onClick={() => setShow('indicator')}
          >
            {T.indicators}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={show === 'item'}
            className={show === 'item' ? 'tab active' : 'tab'}
            onClick={() => setShow('item')}
          >
            {T.itemsHeading}
          </button>
        </div>
        <span className="muted small">{T.breakdownLegend}</span>
      </div>
      <div className="breakdown-scroll">
        <table className="grid breakdown">
          <thead>
            <tr>
              <th className="sticky-1">{T.code}</th>
              <th className="sticky-2">{show === 'indicator' ? T.indicators : T.itemsHeading}</th>
              {show === 'indicator' && <th>{T.target}</th>}
              {breakdown.columns.map((c) => (
                <th key={c.code} className="c-num child" title={c.code}>
                  {c.name}
                  {c.state === 'draft' ? MESSAGES.app.common.draftSuffix : ''}
                </th>
              ))}
              <th className="c-num total">{T.total}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.code}.${r.sex ?? ''}`} data-row={r.sex ? `${r.code}.${r.sex}` : r.code}>
                <td className="code sticky-1">{r.code}</td>
                <td className="sticky-2 label">
                  {r.label}
                  <span className="muted small"> {r.unit === '1/10万' ? MESSAGES.app.common.per100k : r.unit}</span>
                </td>
                {show === 'indicator' && <td className="small target-text">{r.target}</td>}
                {r.values.map((v, i) => (
                  <td
                    key={i}
                    className={`c-num ${r.status?.[i] === 'not_met' ? 'below' : r.status?.[i] === 'basically_met' ? 'risk' : ''}`}
                    title={
                      r.status?.[i] === 'not_met'
                        ? T.belowTarget
                        : r.status?.[i] === 'basically_met'
                          ? T.basicallyMet
                          : undefined
                    }
                  >
                    {fmt(v, r.decimals)}
                  </td>
                ))}
                <td
                  className={`c-num total ${r.totalStatus === 'not_met' ? 'below' : r.totalStatus === 'basically_met' ? 'risk' : ''}`}
                >
                  {fmt(r.total, r.decimals)}
                  {r.totalNote && (
                    <div className="muted small pooled-note" data-testid={`pooled-note-${r.code}`}>
                      {r.totalNote}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
