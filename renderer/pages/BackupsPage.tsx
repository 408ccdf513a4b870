import { useState } from 'react';
import { APP_LOCALE, MESSAGES } from '../../shared/messages.ts';
import { api, errorMessage } from '../api/client.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';

const T = MESSAGES.backups;
const D = MESSAGES.diagnostics;
type Inspection = Awaited<ReturnType<(typeof api)['backups:inspect']>>;

/**
 * Backups of this database: see what each holds before restoring it; the restore says what will change, first
 * backs up the current state and keeps this machine's settings. `onBack`: shown from the first-start screen.
 */
export function BackupsPage({ onBack }: { onBack?: () => void } = {}) {
  const list = useApiQuery('backups:list', {});
  const [inspected, setInspected] = useState<Inspection | null>(null);
  const [confirming, setConfirming] = useState<{ current: number } | null>(null);
  const timeOf = (name: string) =>
    new Date(list.value?.find((b) => b.name === name)?.createdAt ?? Date.now()).toLocaleString(APP_LOCALE, {
      hour12: false,
    });
  const [message, setMessage] = useState('');
  const run = async (task: () => Promise<string>) => {
    setMessage('');
    try {
      setMessage(await task());
    } catch (e) {
      setMessage(errorMessage(e));
    }
    list.reload();
  };
  return (
    <section>
      <header className="page-head">
        <div>
          <h1>{T.title}</h1>
          <p className="muted">{T.intro}</p>
        </div>
        <div className="actions">
          {onBack && (
            <button type="button" onClick={onBack}>
              {T.backToSetup}
            </button>
          )}
          <button
            type="button"
            className="primary"
            onClick={() => void run(async () => T.created((await api['backups:create']({})).name))}
          >
            {T.createNow}
          </button>
          <button
            type="button"
            title={D.exportHint}
            onClick={() =>
              void run(async () => {
                const r = await api['diagnostics:export']({});
                return r.saved && r.path ? D.saved(r.path) : D.cancelled;
              })
            }
          >
            {D.export}
          </button>
        </div>
      </header>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <div className="two-columns">
        <table className="grid" data-testid="backups-table">
          <thead>
            <tr>
              <th>{T.columns.time}</th>
              <th>{T.columns.reason}</th>
              <th className="c-num">{T.columns.size}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.value?.map((b) => (
              <tr key={b.name} className={inspected?.name === b.name ? 'selected' : ''}>
                <td>{new Date(b.createdAt).toLocaleString(APP_LOCALE, { hour12: false })}</td>
                <td>{T.reasons[b.reason]}</td>
                <td className="c-num">{(b.bytes / 1024).toFixed(0)} KB</td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      void run(async () => {
                        setInspected(await api['backups:inspect']({ name: b.name }));
                        return '';
                      })
                    }
                  >
                    {T.inspect}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          {list.value?.length === 0 && <caption className="muted small caption-bottom">{T.none}</caption>}
        </table>
        {inspected && (
          <div className="card">
            <h2>{T.holds(timeOf(inspected.name))}</h2>
            {inspected.returns.length === 0 ? (
              <p className="muted">{T.empty}</p>
            ) : (
              <table className="grid">
                <thead>
                  <tr>
                    <th>{T.columns.region}</th>
                    <th>{T.columns.year}</th>
                    <th>{T.columns.status}</th>
                    <th className="c-num">{T.columns.cells}</th>
                    <th>{T.columns.updated}</th>
                  </tr>
                </thead>
                <tbody>
                  {inspected.returns.map((r) => (
                    <tr key={`${r.regionCode}-${r.year}`}>
                      <td>{r.regionName}</td>
                      <td>{r.year}</td>
                      <td>{MESSAGES.returns.status[r.status] ?? r.status}</td>
                      <td className="c-num">{r.cells}</td>
                      <td>{new Date(r.updatedAt).toLocaleString(APP_LOCALE, { hour12: false })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="muted small">{T.restoreHint}</p>
            <button
              type="button"
              className="danger"
              onClick={() => void api['returns:list']({}).then((current) => setConfirming({ current: current.length }))}
            >
              {T.restore}
            </button>
          </div>
        )}
      </div>
      {inspected && confirming && (
        <ConfirmDialog
          title={T.confirmTitle}
          confirmLabel={T.confirm}
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void run(async () => {
              const r = await api['backups:restore']({ name: inspected.name });
              return T.restored(r.restored, r.safetyBackup);
            });
          }}
        >
          <p>{T.confirmWhat(timeOf(inspected.name), confirming.current, inspected.returns.length)}</p>
          <ul className="small">
            {inspected.returns.slice(0, 12).map((r) => (
              <li key={`${r.regionCode}-${r.year}`}>
                {T.confirmReturn(r.regionName, r.year, MESSAGES.returns.status[r.status] ?? r.status, r.cells)}
              </li>
            ))}
            {inspected.returns.length > 12 && <li>…</li>}
          </ul>
          <p>
            {T.keepsSettings}
            {T.confirmSafety}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
