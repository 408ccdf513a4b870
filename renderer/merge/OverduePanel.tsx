// 催报 on the county's completeness view: the deadline the office sets for the year, who has not reported (nothing,
// a draft, or sent back) with whom to call from their last return's footer, and the printable list (A4, printed
// through the app's print path: the document is lifted into this page) or the same list as a workbook, and the short
// text to copy into a message (for the list, or for one unit).
import { useState } from 'react';
import type { Overdue } from '../../shared/returns/overdue.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { api, ApiCallError } from '../api/client.ts';
import { PrintHost } from '../components/PrintHost.tsx';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { saveBase64 } from '../lib/files.ts';
import { LateUnitsTable } from './LateUnitsTable.tsx';
import { OverdueMessage } from './OverdueMessage.tsx';

const T = MESSAGES.merge.overdue;

export function OverduePanel({
  year,
  version,
  onMessage,
}: {
  year: number;
  version: number;
  onMessage: (text: string) => void;
}) {
  const [nonce, setNonce] = useState(0);
  const list = useApiQuery('merge:overdue', { year }, [version, nonce]);
  const doc = useApiQuery('merge:overdue-print', { year }, [version, nonce]);
  const [draft, setDraft] = useState<string | null>(null);
  const o: Overdue | undefined = list.value;
  const deadline = draft ?? o?.deadline ?? '';
  const run = async (task: () => Promise<string>) => {
    try {
      onMessage(await task());
    } catch (e) {
      onMessage(
        e instanceof ApiCallError
          ? [e.error.message, ...e.error.details.map((d) => d.message)].join('：')
          : (e as Error).message,
      );
    }
  };
  const save = (value: string | null) =>
    run(async () => {
      const r = await api['merge:set-deadline']({ year, deadline: value });
      setDraft(null);
      setNonce((n) => n + 1);
      return T.deadlineSaved(r.deadline);
    });
  const print = () =>
    run(async () => {
      if (!window.wdp) {
        window.print();
        return '';
      }
      await api['shell:print']({ landscape: false });
      return '';
    });
  const pdf = () =>
    run(async () => {
      const r = await api['shell:print-to-pdf']({ suggestedName: `${doc.value!.title}.pdf`, landscape: false });
      return r.saved && r.path ? T.saved(r.path) : T.notSaved;
    });
  const excel = () =>
    run(async () => {
      const file = await api['merge:overdue-export']({ year });
      const path = await saveBase64(file.fileName, 'xlsx', file.bytesBase64);
      return path ? T.saved(path) : T.notSaved;
    });
  if (!o)
    return list.error ? (
      <p className="error" role="alert">
        {list.error.message}
      </p>
    ) : null;
  return (
    <section className="card overdue" data-testid="overdue">
      <div className="overdue-head">
        <h2>{T.heading}</h2>
        <label className="inline-field">
          {T.deadline}
          <input type="date" aria-label={T.deadline} value={deadline} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="button" onClick={() => void save(deadline || null)} disabled={draft === null}>
          {T.saveDeadline}
        </button>
        {o.deadline && (
          <button type="button" className="link" onClick={() => void save(null)}>
            {T.clearDeadline}
          </button>
        )}
        <strong className={o.daysLate > 0 && o.rows.length > 0 ? 'error-text' : ''} data-testid="overdue-summary">
          {T.summary(o.rows.length, o.daysLate, o.deadline)}
        </strong>
        <span className="spacer" />
        <button type="button" onClick={() => void print()} disabled={!doc.value}>
          {T.print}
        </button>
        <button type="button" onClick={() => void pdf()} disabled={!doc.value}>
          {T.pdf}
        </button>
        <button type="button" onClick={() => void excel()}>
          {T.excel}
        </button>
      </div>
      <OverdueMessage text={o.message} />
      {o.rows.length > 0 && (
        <details>
          <summary>{T.listToggle(o.rows.length)}</summary>
          <LateUnitsTable rows={o.rows} full className="grid overdue-list" testId="overdue-list" />
        </details>
      )}
      <PrintHost html={doc.value?.html ?? null} />
    </section>
  );
}
