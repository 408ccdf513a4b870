import { useState } from 'react';
import { MESSAGES } from '../../shared/messages.ts';
import { api, ApiCallError } from '../api/client.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';

const T = MESSAGES.backups;
const D = MESSAGES.diagnostics;
type Inspection = Awaited<ReturnType<typeof api['backups:inspect']>>;

/** Backups: see what each holds before restoring it; a restore first backs up the current state. */
export function BackupsPage() {
  const list = useApiQuery('backups', () => api['backups:list']({}));
  const [inspected, setInspected] = useState<Inspection | null>(null);
  const [message, setMessage] = useState('');
  const run = async (task: () => Promise<string>) => {
    setMessage('');
    try { setMessage(await task()); } catch (e) { setMessage(e instanceof ApiCallError ? e.error.message : (e as Error).message); }
    list.reload();
  };
  return (
    <section>
      <header className="page-head">
        <div><h1>{T.title}</h1><p className="muted">{T.intro}</p></div>
        <div className="actions">
          <button className="primary" onClick={() => void run(async () => T.created((await api['backups:create']({})).name))}>{T.createNow}</button>
          <button title={D.exportHint} onClick={() => void run(async () => {
            const r = await api['diagnostics:export']({});
            return r.saved && r.path ? D.saved(r.path) : D.cancelled;
          })}>{D.export}</button>
        </div>
      </header>
      {message && <p className="notice" role="status">{message}</p>}
      <div className="two-columns">
        <table className="grid" data-testid="backups-table">
          <thead><tr><th>{T.columns.time}</th><th>{T.columns.reason}</th><th className="c-num">{T.columns.size}</th><th /></tr></thead>
          <tbody>
            {list.value?.map((b) => (
              <tr key={b.name} className={inspected?.name === b.name ? 'selected' : ''}>
                <td>{new Date(b.createdAt).toLocaleString('zh-CN', { hour12: false })}</td>
                <td>{T.reasons[b.reason]}</td>
                <td className="c-num">{(b.bytes / 1024).toFixed(0)} KB</td>
                <td><button onClick={() => void run(async () => { setInspected(await api['backups:inspect']({ name: b.name })); return ''; })}>{T.inspect}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        {inspected && (
          <div className="card">
            <h2>{T.holds(new Date(list.value?.find((b) => b.name === inspected.name)?.createdAt ?? Date.now()).toLocaleString('zh-CN', { hour12: false }))}</h2>
            {inspected.returns.length === 0 ? <p className="muted">{T.empty}</p> : (
              <table className="grid">
                <thead><tr><th>{T.columns.region}</th><th>{T.columns.year}</th><th>{T.columns.status}</th><th className="c-num">{T.columns.cells}</th><th>{T.columns.updated}</th></tr></thead>
                <tbody>
                  {inspected.returns.map((r) => (
                    <tr key={`${r.regionCode}-${r.year}`}>
                      <td>{r.regionName}</td><td>{r.year}</td><td>{MESSAGES.returns.status[r.status] ?? r.status}</td>
                      <td className="c-num">{r.cells}</td><td>{new Date(r.updatedAt).toLocaleString('zh-CN', { hour12: false })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="muted small">{T.restoreHint}</p>
            <button className="danger" onClick={() => {
              if (!window.confirm(T.confirmRestore(inspected.name))) return;
              void run(async () => { const r = await api['backups:restore']({ name: inspected.name }); return T.restored(r.restored, r.safetyBackup); });
            }}>{T.restore}</button>
          </div>
        )}
      </div>
    </section>
  );
}
