import type { Framework } from '../../shared/framework/schema.ts';
import { APP_LOCALE, MESSAGES } from '../../shared/messages.ts';
import { describeAudit } from '../../shared/returns/audit-labels.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';

const T = MESSAGES.entry.audit;

/**
 * Who changed what and when: the return's audit trail, newest first, in words (item name and column, status
 * labels, the explained indicator). With `cell`, only that cell's history (from the grid's right-click menu).
 */
export function AuditPanel({
  returnId,
  version,
  framework,
  cell,
  onShowAll,
}: {
  returnId: number;
  version: string;
  framework: Framework;
  cell?: { key: string; name: string; column: string } | null;
  onShowAll?: () => void;
}) {
  const audit = useApiQuery('returns:audit', { returnId, limit: cell ? 1000 : 200 }, version);
  if (!audit.value) return null;
  const entries = cell ? audit.value.filter((a) => a.field === cell.key) : audit.value;
  return (
    <section className="card audit" data-testid="audit">
      <h2>{cell ? T.cellHeading(cell.name, cell.column) : T.heading}</h2>
      {cell && onShowAll && (
        <button type="button" className="link" onClick={onShowAll}>
          {T.showAll}
        </button>
      )}
      {entries.length === 0 ? (
        <p className="muted">{cell ? T.cellEmpty : T.empty}</p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th>{T.at}</th>
              <th>{T.user}</th>
              <th>{T.field}</th>
              <th>{T.old}</th>
              <th>{T.new}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((a) => {
              const line = describeAudit(framework, a);
              return (
                <tr key={a.id}>
                  <td>{new Date(a.at).toLocaleString(APP_LOCALE, { hour12: false })}</td>
                  <td>{a.userName}</td>
                  <td title={a.field}>{line.field}</td>
                  <td>{line.oldValue ?? '—'}</td>
                  <td>{line.newValue ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
