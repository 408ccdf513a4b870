// The cell-level report of a validated or imported file: sortable by location or severity, copyable as
// tab-separated text (pastes into Excel or WPS as columns).
import { useMemo, useState } from 'react';
import type { ImportProblem, ImportReport } from '../../shared/api/excel-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';

const T = MESSAGES.excel.ui;
const SEVERITY = MESSAGES.excel.result.severity;
const RANK: Record<ImportProblem['severity'], number> = { error: 0, warning: 1, info: 2 };
type SortKey = 'location' | 'severity';

/** Tab-separated text of the problems, with a header line (what the 复制 button puts on the clipboard). */
function problemsAsTsv(report: Pick<ImportReport, 'verdict'>, problems: ImportProblem[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const head = [T.columns.severity, T.columns.location, T.columns.item, T.columns.message].join('\t');
  return [
    report.verdict,
    head,
    ...problems.map((p) => [SEVERITY[p.severity], p.location, p.item ?? '', clean(p.message)].join('\t')),
  ].join('\n');
}

export function ImportReportTable({ report }: { report: Pick<ImportReport, 'verdict' | 'counts' | 'problems'> }) {
  const [sort, setSort] = useState<SortKey>('location');
  const [copied, setCopied] = useState('');
  const rows = useMemo(() => {
    // the report arrives in workbook order (sheet, row, column): that is the location order
    const indexed = report.problems.map((p, i) => ({ p, i }));
    if (sort === 'severity') indexed.sort((a, b) => RANK[a.p.severity] - RANK[b.p.severity] || a.i - b.i);
    return indexed.map(({ p }) => p);
  }, [report, sort]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(problemsAsTsv(report, rows));
      setCopied(T.copied);
    } catch {
      setCopied(T.copyFailed);
    }
  };
  const header = (key: SortKey, text: string) => (
    <th aria-sort={sort === key ? 'ascending' : 'none'}>
      <button type="button" className="link" onClick={() => setSort(key)}>
        {text}
        {sort === key ? ' ▲' : ''}
      </button>
    </th>
  );
  return (
    <div className="import-report">
      <div className="toolbar">
        <span className="muted">{T.counts(report.counts.errors, report.counts.warnings, report.counts.infos)}</span>
        <span className="spacer" />
        <span className="muted small">{T.sortBy}：</span>
        <button
          type="button"
          className={sort === 'location' ? 'tab active' : 'tab'}
          onClick={() => setSort('location')}
        >
          {T.sortLocation}
        </button>
        <button
          type="button"
          className={sort === 'severity' ? 'tab active' : 'tab'}
          onClick={() => setSort('severity')}
        >
          {T.sortSeverity}
        </button>
        <button type="button" onClick={() => void copy()} data-testid="copy-report">
          {T.copyButton}
        </button>
        {copied && (
          <span className="muted small" role="status">
            {copied}
          </span>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="muted">{T.noProblems}</p>
      ) : (
        <div className="import-report-scroll">
          <table className="grid" data-testid="import-problems">
            <thead>
              <tr>
                {header('severity', T.columns.severity)}
                {header('location', T.columns.location)}
                <th>{T.columns.item}</th>
                <th>{T.columns.message}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p, i) => (
                <tr key={i} className={`problem-${p.severity}`}>
                  <td>
                    <span className={`severity severity-${p.severity}`}>{SEVERITY[p.severity]}</span>
                  </td>
                  <td className="code">{p.location}</td>
                  <td className="code">{p.item ?? ''}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
