// The merged return: its verdict by the rule engine, the 说明 (rate, who is missing, how it was made),
// who supplied each item, and the export for the level above.
import type { MergeResult } from '../../shared/api/merge-contract.ts';
import type { DataItem } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { countsOf } from '../../shared/report/build-report.ts';
import { headlineSentences } from '../../shared/report/headline.ts';

const T = MESSAGES.merge.page;

export function MergeResultPanel({
  result,
  items,
  onExport,
  exporting,
}: {
  result: MergeResult;
  items: Map<string, DataItem>;
  onExport: () => void;
  exporting: boolean;
}) {
  const t = result.evaluation.total;
  const counts = countsOf(t);
  const [headline] = headlineSentences(counts);
  const errors = result.evaluation.issues.filter((i) => i.severity === 'error').length;
  const bySource = new Map<string, number>();
  for (const s of result.sources) bySource.set(s.label, (bySource.get(s.label) ?? 0) + 1);
  return (
    <div data-testid="merge-result">
      <div className="toolbar">
        {/* green only when there is a 达标率 to state; a withheld rate is a plain note */}
        <span
          className={`status ${counts.rate === null ? 'status-no_data' : 'status-met'}`}
          data-testid="merge-headline"
        >
          {headline}
        </span>
        {errors > 0 && <span className="status status-not_met">{T.errors(errors)}</span>}
        {result.gaps.length > 0 && <span className="status status-volatile">{T.gaps(result.gaps.length)}</span>}
        <span className="spacer" />
        <button type="button" className="primary" disabled={exporting} onClick={onExport}>
          {T.export}
        </button>
      </div>
      <h2>{T.notes}</h2>
      <ol className="merge-notes" data-testid="merge-notes">
        {result.notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ol>
      <p className="muted small">{T.openEntry}</p>
      <h2>{T.sources}</h2>
      <div className="source-chips">
        {[...bySource].map(([label, n]) => (
          <span key={label} className="tag">
            {label} · {n}
          </span>
        ))}
      </div>
      <details className="elsewhere">
        <summary>{T.sourcesDetail}</summary>
        <table className="grid sources">
          <thead>
            <tr>
              <th>{T.code}</th>
              <th>{T.itemsHeading}</th>
              <th>{T.department}</th>
              <th>{T.source}</th>
            </tr>
          </thead>
          <tbody>
            {result.sources.map((s) => (
              <tr key={s.item}>
                <td className="code">{s.item}</td>
                <td>{items.get(s.item)?.name ?? ''}</td>
                <td>{items.get(s.item)?.department ?? ''}</td>
                <td>{s.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
