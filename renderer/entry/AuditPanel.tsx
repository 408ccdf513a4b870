import { MESSAGES } from '../../shared/messages.ts';
import { api } from '../api/client.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';

const T = MESSAGES.entry.audit;

/** Who changed what and when: the return's audit trail, newest first. */
export function AuditPanel({ returnId, version }: { returnId: number; version: string }) {
  const audit = useApiQuery(`audit:${returnId}:${version}`, () => api['returns:audit']({ returnId, limit: 200 }));
  if (!audit.value) return null;
  return (
    <section className="card audit" data-testid="audit">
      <h2>{T.heading}</h2>
      {audit.value.length === 0 ? <p className="muted">{T.empty}</p> : (
        <table className="grid">
          <thead><tr><th>{T.at}</th><th>{T.user}</th><th>{T.field}</th><th>{T.old}</th><th>{T.new}</th></tr></thead>
          <tbody>
            {audit.value.map((a) => (
              <tr key={a.id}>
                <td>{new Date(a.at).toLocaleString('zh-CN', { hour12: false })}</td><td>{a.userName}</td><td className="code">{a.field}</td>
                <td>{a.oldValue ?? '—'}</td><td>{a.newValue ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
