// Suppliers who sent more than one version: each version with what differs from the one in use, and a
// button to use it instead. Earlier versions are never deleted.
import type { Resubmission } from '../../shared/api/merge-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { localDate, localDateTime } from '../../shared/returns/dates.ts';

const T = MESSAGES.merge.page;

export function ResubmissionsPanel({
  items,
  onKeep,
}: {
  items: Resubmission[];
  onKeep: (submissionId: number) => void;
}) {
  if (items.length === 0)
    return (
      <p className="muted" data-testid="resubmissions">
        {T.noResubmissions}
      </p>
    );
  return (
    <div data-testid="resubmissions">
      {items.map((r) => (
        <section key={`${r.regionCode}|${r.department}`} className="card resubmission" data-region={r.regionCode}>
          <h3>
            {r.name} <span className="code">{r.regionCode}</span>
          </h3>
          <table className="grid">
            <thead>
              <tr>
                <th>{T.file}</th>
                <th>{T.reportedOn}</th>
                <th>{T.receivedAt}</th>
                <th>{T.differences}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {r.versions.map((v) => (
                <tr key={v.submission.id} className={v.submission.isCurrent ? 'selected' : ''}>
                  <td className="file-name">{v.submission.fileName}</td>
                  <td>{localDate(v.submission.reportedOn)}</td>
                  <td>{localDateTime(v.submission.receivedAt)}</td>
                  <td>
                    {v.submission.isCurrent ? (
                      ''
                    ) : v.changes.length + v.answers.length === 0 ? (
                      T.noChanges
                    ) : (
                      <details>
                        <summary>{T.changes(v.changes.length + v.answers.length)}</summary>
                        <table className="grid diff">
                          <thead>
                            <tr>
                              <th>{T.cell}</th>
                              <th className="c-num">{T.current}</th>
                              <th className="c-num">{T.thisVersion}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {v.changes.map((c) => (
                              <tr key={`${c.item}.${c.sex}`}>
                                <td>{c.label}</td>
                                <td className="c-num">{c.before}</td>
                                <td className="c-num changed">{c.after}</td>
                              </tr>
                            ))}
                            {v.answers.map((a) => (
                              <tr key={a.indicator}>
                                <td>{a.indicator}</td>
                                <td>{a.before}</td>
                                <td className="changed">{a.after}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </details>
                    )}
                  </td>
                  <td>
                    {v.submission.isCurrent ? (
                      <span className="status state-reported">{T.kept}</span>
                    ) : (
                      <button type="button" onClick={() => onKeep(v.submission.id)}>
                        {T.keep}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
