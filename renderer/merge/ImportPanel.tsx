// Where files come in: pick many files, pick a folder, or drop either; a progress bar while they are read;
// then each file's verdict with its reasons (cell by cell).
import { useRef, useState, type DragEvent } from 'react';
import type { SkippedFile } from '../../shared/api/merge-contract.ts';
import type { VerdictLine } from './verdict-lines.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { fromDrop, fromFileList } from './gather-files.ts';
import type { ImportProgress } from './useBatchImport.ts';

const T = MESSAGES.merge.page;

export function ImportPanel({
  progress,
  onFiles,
  onPickFolder,
  onCancel,
}: {
  progress: ImportProgress;
  onFiles: (files: File[]) => void;
  /** 取消导入: stops before the next batch (the files stored so far stay) */
  onCancel: () => void;
  /** the desktop's folder dialog and walk (main process); false where there is none, then the browser's picker opens */
  onPickFolder: () => Promise<boolean>;
}) {
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (progress.running) return;
    onFiles(await fromDrop(e.dataTransfer));
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for files dragged from the desktop; the 选择文件 button beside it is the keyboard way
    <div
      className={over ? 'merge-drop over' : 'merge-drop'}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <div className="drop-actions">
        <button type="button" className="primary" disabled={progress.running} onClick={() => filesRef.current?.click()}>
          {T.pickFiles}
        </button>
        <button
          type="button"
          disabled={progress.running}
          onClick={() =>
            void onPickFolder().then((handled) => {
              if (!handled) folderRef.current?.click();
            })
          }
        >
          {T.pickFolder}
        </button>
        <span className="muted">{T.dropHint}</span>
      </div>
      <input
        ref={filesRef}
        type="file"
        multiple
        accept=".xlsx,.xls,.csv"
        hidden
        data-testid="pick-files"
        onChange={(e) => {
          onFiles(fromFileList(e.target.files));
          e.target.value = '';
        }}
      />
      <input
        ref={folderRef}
        type="file"
        multiple
        hidden
        data-testid="pick-folder"
        {...{ webkitdirectory: '', directory: '' }}
        onChange={(e) => {
          onFiles(fromFileList(e.target.files));
          e.target.value = '';
        }}
      />
      {progress.total > 0 && (
        <div className="import-progress" aria-live="polite" data-running={progress.running ? 'true' : 'false'}>
          <progress
            max={progress.total}
            value={progress.done}
            aria-label={T.importing(progress.done, progress.total)}
          />
          <span data-testid="import-progress">
            {!progress.running
              ? T.importDone(progress.done)
              : progress.phase === 'staging'
                ? T.staging(progress.done, progress.total)
                : T.importing(progress.done, progress.total)}
          </span>
          {progress.running && progress.current && (
            <span className="muted file-name" data-testid="import-current">
              {T.currentFile(progress.current)}
            </span>
          )}
          {progress.running && (
            <button type="button" onClick={onCancel} disabled={progress.cancelling} data-testid="cancel-import">
              {progress.cancelling ? T.cancelling : T.cancelImport}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** What the folder walk left out (FIFOs, links out of the folder, the same file twice), with the reason. */
export function SkippedList({ skipped }: { skipped: SkippedFile[] }) {
  if (skipped.length === 0) return null;
  return (
    <div className="notice" data-testid="skipped-files">
      <p>{MESSAGES.merge.skip.heading(skipped.length)}</p>
      <ul className="problems inline">
        {skipped.map((s, i) => (
          <li key={i} className="warning">
            <span className="code">{s.fileName} </span>
            {s.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** `state`: running while an import still stores batches, cancelled when it was stopped (the list is then partial). */
export function VerdictList({
  verdicts,
  state = 'done',
}: {
  verdicts: VerdictLine[];
  state?: 'running' | 'done' | 'cancelled';
}) {
  const counts = { accepted: 0, warnings: 0, rejected: 0 };
  for (const v of verdicts) counts[v.verdict]++;
  // the reader's notes at a cell (a number stored as text, read as its value): shown and counted, never hidden
  const noted = verdicts.filter(
    (v) => v.verdict !== 'rejected' && v.problems.some((p) => p.severity === 'info' && p.location),
  ).length;
  return (
    <div data-testid="verdicts">
      <p className="notice" role="status" data-testid="verdict-summary">
        {(state === 'running' ? T.importedSoFar : state === 'cancelled' ? T.importedCancelled : T.imported)(
          counts.accepted,
          counts.warnings,
          counts.rejected,
        )}
        {noted > 0 ? T.withNotes(noted) : ''}
      </p>
      <table className="grid verdicts">
        <thead>
          <tr>
            <th>{T.file}</th>
            <th>{T.supplier}</th>
            <th>{T.verdict}</th>
            <th>{T.reasons}</th>
          </tr>
        </thead>
        <tbody>
          {verdicts.map((v, i) => (
            <tr key={`${v.fileName}-${i}`} data-verdict={v.verdict}>
              <td className="file-name">{v.fileName}</td>
              <td>{v.supplier}</td>
              <td>
                <span className={`status verdict-${v.verdict}`}>{MESSAGES.merge.verdict[v.verdict]}</span>
              </td>
              <td>
                {v.problems.length > 0 && (
                  <ul className="problems inline">
                    {v.problems.map((p, j) => (
                      <li key={j} className={p.severity}>
                        {p.location && <span className="code">{p.location} </span>}
                        {p.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
