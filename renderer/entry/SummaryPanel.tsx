// Per area and overall: how much is filled, errors, warnings, targets by verdict with the 达标率 and 预警; every problem
// listed with a click through to its cell.
import type { AreaCode, DataItem, SexColumn } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { countsOf } from '../../shared/report/build-report.ts';
import { headlineSentences } from '../../shared/report/headline.ts';
import type { Evaluation } from '../../shared/rules/result.ts';

const T = MESSAGES.entry.summary;

export function SummaryPanel({
  evaluation,
  items,
  onJump,
  onArea,
  unexplained,
  onTarget,
}: {
  evaluation: Evaluation;
  items: Map<string, DataItem>;
  onJump: (item: string, sex: SexColumn) => void;
  onArea: (area: AreaCode) => void;
  /** 预警 still needing an explanation before 报送, each with where it is */
  unexplained: { targetId: string; label: string }[];
  onTarget: (targetId: string) => void;
}) {
  const rows = [
    ...evaluation.areas.map((a) => ({
      ...a,
      label: MESSAGES.areaShortNames[a.area],
      title: MESSAGES.areaTitles[a.area],
    })),
    { ...evaluation.total, area: null, label: T.total, title: T.total },
  ];
  const headline = headlineSentences(countsOf(evaluation.total));
  return (
    <section className="summary" aria-label={T.heading} data-testid="summary">
      <h2>{T.heading}</h2>
      <table className="grid summary-table">
        <thead>
          <tr>
            <th>{T.area}</th>
            <th className="c-num">{T.filled}</th>
            <th className="c-num">{T.errors}</th>
            <th className="c-num">{T.warnings}</th>
            <th className="c-num">{T.met}</th>
            <th className="c-num" title={T.basicallyMet}>
              {T.basicShort}
            </th>
            <th className="c-num" title={T.notMet}>
              {T.notMetShort}
            </th>
            <th className="c-num" title={T.alertsTitle}>
              {T.alerts}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className={r.area ? 'clickable' : 'total-row'} onClick={() => r.area && onArea(r.area)}>
              <td title={r.title}>{r.label}</td>
              <td className="c-num">
                {r.cellsFilled}/{r.cellsTotal}
              </td>
              <td className={`c-num ${r.errors ? 'num-error' : ''}`}>{r.errors}</td>
              <td className={`c-num ${r.warnings ? 'num-warn' : ''}`}>{r.warnings}</td>
              <td className="c-num">{r.met}</td>
              <td className="c-num">{r.basicallyMet}</td>
              <td className={`c-num ${r.notMet ? 'num-error' : ''}`}>{r.notMet}</td>
              <td className={`c-num ${r.alerts ? 'num-warn' : ''}`}>{r.alerts}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="headline" data-testid="headline">
        {headline.join('')}
      </p>
      <details className="legend small muted">
        <summary>{T.legend}</summary>
        <ul>
          {T.conventions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </details>
      <h3>{T.problems}</h3>
      {unexplained.length > 0 && (
        <div className="unexplained" data-testid="unexplained">
          <h4 title={MESSAGES.entry.blockers.unexplainedHint}>
            {MESSAGES.entry.blockers.unexplained(unexplained.length)}
          </h4>
          <ul className="problems">
            {unexplained.map((u) => (
              <li key={u.targetId} className="warning">
                <button type="button" className="link" onClick={() => onTarget(u.targetId)}>
                  {u.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {evaluation.issues.length === 0 ? (
        unexplained.length === 0 && <p className="muted">{T.noProblems}</p>
      ) : (
        <ul className="problems" data-testid="problems">
          {evaluation.issues.slice(0, 200).map((issue, i) => (
            <li key={i} className={issue.severity}>
              <button type="button" className="link" onClick={() => onJump(issue.item, issue.sex)}>
                {issue.item} {items.get(issue.item)?.name} · {MESSAGES.entry.sexLabel[issue.sex]}
              </button>
              ：{issue.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
