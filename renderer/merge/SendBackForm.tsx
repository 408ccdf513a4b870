// 退回 at the county: the problems the rule engine finds in a received version, each a pre-filled remark the office
// can edit or leave out, remarks the office adds on any cell, and an overall remark. Saving records the review and
// saves the annotated copy (the township's own return, the remarked cells red with notes) through the save dialog.
import { useMemo, useState } from 'react';
import type { ChildStatus } from '../../shared/api/merge-contract.ts';
import { sexColumnsOf, type DataItem, type SexColumn } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { localDate } from '../../shared/returns/dates.ts';
import { api, errorMessage } from '../api/client.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { saveBase64 } from '../lib/files.ts';

const T = MESSAGES.merge.review;
const SEX = MESSAGES.merge.sexLabel;

interface Row {
  key: string;
  item: string;
  sex: SexColumn;
  severity: string;
  problem: string;
  remark: string;
  include: boolean;
  own: boolean;
}

export function SendBackForm({
  year,
  unit,
  items,
  onDone,
  onCancel,
}: {
  year: number;
  unit: ChildStatus;
  items: Map<string, DataItem>;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const submission = unit.submission!;
  const issues = useApiQuery('merge:version-issues', { year, submissionId: submission.id });
  const [edits, setEdits] = useState<Record<string, Partial<Row>>>({});
  const [added, setAdded] = useState<Row[]>([]);
  const [overall, setOverall] = useState('');
  const [newItem, setNewItem] = useState('');
  const [newSex, setNewSex] = useState<SexColumn>('total');
  const [newRemark, setNewRemark] = useState('');
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);

  const found: Row[] = useMemo(
    () =>
      (issues.value ?? []).map((i, n) => ({
        key: `${n}:${i.item}.${i.sex}`,
        item: i.item,
        sex: i.sex,
        severity: i.severity,
        problem: i.message.slice(0, 300),
        remark: T.prefill,
        include: i.severity !== 'info',
        own: false,
      })),
    [issues.value],
  );
  const rows = [...found.map((r) => ({ ...r, ...edits[r.key] })), ...added];
  const where = (r: Row) => `${r.item} ${items.get(r.item)?.name ?? ''}（${SEX[r.sex]}）`;
  const update = (r: Row, patch: Partial<Row>) => {
    if (r.own) setAdded((list) => list.map((a) => (a.key === r.key ? { ...a, ...patch } : a)));
    else setEdits((e) => ({ ...e, [r.key]: { ...e[r.key], ...patch } }));
  };
  const newItemDef = items.get(newItem);
  const add = () => {
    if (!newItemDef || newRemark.trim() === '') return;
    setAdded((list) => [
      ...list,
      {
        key: `own:${list.length}:${newItem}.${newSex}`,
        item: newItem,
        sex: newSex,
        severity: '',
        problem: '',
        remark: newRemark.trim(),
        include: true,
        own: true,
      },
    ]);
    setNewRemark('');
  };
  const chosen = rows.filter((r) => r.include);

  const send = async () => {
    setError('');
    const empty = chosen.find((r) => r.remark.trim() === '');
    if (empty) {
      setError(T.needRemark(where(empty)));
      return;
    }
    setSending(true);
    try {
      const file = await api['merge:send-back']({
        year,
        submissionId: submission.id,
        review: {
          overall: overall.trim(),
          remarks: chosen.map((r) => ({ item: r.item, sex: r.sex, problem: r.problem, remark: r.remark.trim() })),
        },
      });
      const path = await saveBase64(file.fileName, 'xlsx', file.bytesBase64);
      onDone(path ? T.exported(path) : T.saveCancelled);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="card send-back" data-testid="send-back" aria-label={T.heading(unit.name)}>
      <h2>{T.heading(unit.name)}</h2>
      <p className="muted small">{T.version(submission.fileName, localDate(submission.reportedOn))}</p>
      <label className="block-field">
        {T.overall}
        <textarea
          aria-label={T.overall}
          rows={2}
          maxLength={1000}
          value={overall}
          onChange={(e) => setOverall(e.target.value)}
        />
      </label>
      <h3>{T.problems}</h3>
      {issues.loading && <p className="muted">{T.loading}</p>}
      {issues.error && (
        <p className="error" role="alert">
          {issues.error.message}
        </p>
      )}
      {issues.value && rows.length === 0 && (
        <p className="muted" data-testid="no-problems">
          {T.noProblems}
        </p>
      )}
      {rows.length > 0 && (
        <table className="grid remarks" data-testid="send-back-remarks">
          <thead>
            <tr>
              <th>{T.include}</th>
              <th>{T.location}</th>
              <th>{T.problem}</th>
              <th>{T.remark}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-cell={`${r.item}.${r.sex}`} className={r.include ? '' : 'left-out'}>
                <td className="c-center">
                  <input
                    type="checkbox"
                    aria-label={`${T.include} ${where(r)}`}
                    checked={r.include}
                    onChange={(e) => update(r, { include: e.target.checked })}
                  />
                </td>
                <td>{where(r)}</td>
                <td>
                  {r.own ? (
                    <span className="muted">{T.ownProblem}</span>
                  ) : (
                    <>
                      <span className={`sev sev-${r.severity}`}>{T.severity[r.severity]}</span> {r.problem}
                    </>
                  )}
                </td>
                <td>
                  <textarea
                    aria-label={T.remarkFor(where(r))}
                    rows={2}
                    maxLength={300}
                    value={r.remark}
                    disabled={!r.include}
                    onChange={(e) => update(r, { remark: e.target.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <fieldset className="add-remark">
        <legend>{T.addHeading}</legend>
        <select
          aria-label={T.addItem}
          value={newItem}
          onChange={(e) => {
            setNewItem(e.target.value);
            setNewSex('total');
          }}
        >
          <option value="">{T.pickItem}</option>
          {[...items.values()].map((d) => (
            <option key={d.code} value={d.code}>
              {d.code} {d.name}
            </option>
          ))}
        </select>
        <select
          aria-label={T.addSex}
          value={newSex}
          onChange={(e) => setNewSex(e.target.value as SexColumn)}
          disabled={!newItemDef}
        >
          {(newItemDef ? sexColumnsOf(newItemDef) : ['total' as SexColumn]).map((s) => (
            <option key={s} value={s}>
              {SEX[s]}
            </option>
          ))}
        </select>
        <input
          aria-label={T.addRemark}
          placeholder={T.addPlaceholder}
          maxLength={300}
          value={newRemark}
          onChange={(e) => setNewRemark(e.target.value)}
        />
        <button type="button" onClick={add} disabled={!newItemDef || newRemark.trim() === ''}>
          {T.add}
        </button>
      </fieldset>
      {error && (
        <p className="error" role="alert" data-testid="send-back-error">
          {error}
        </p>
      )}
      <div className="actions">
        <span className="muted small">{T.counted(chosen.length)}</span>
        <span className="spacer" />
        <button type="button" onClick={onCancel}>
          {T.cancel}
        </button>
        <button
          type="button"
          className="primary"
          disabled={sending || issues.loading || (overall.trim() === '' && chosen.length === 0)}
          onClick={() => void send()}
        >
          {sending ? T.sending : T.export}
        </button>
      </div>
      <p className="muted small">{T.pending}</p>
    </section>
  );
}
