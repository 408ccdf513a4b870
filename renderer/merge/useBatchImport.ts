// A batch import is one long operation in the back end (merge:import-start): the files are read there on worker
// threads and stored a batch at a time, while this hook asks merge:import-progress (waiting for the next change)
// and shows the count, the file being read and each verdict as its batch is stored; 取消导入 asks
// merge:import-cancel, which stops before the next batch and says how many files were kept. Files picked or
// dropped in the page are uploaded first (merge:import-stage); a folder chosen in the desktop's dialog is read
// by the main process itself. The page stays usable throughout: nothing here blocks, every call is awaited.
import { useCallback, useRef, useState } from 'react';
import type { Output } from '../../shared/api/contract.ts';
import type { FileVerdict, ImportSource, SkippedFile } from '../../shared/api/merge-contract.ts';
import { chunkFiles } from './chunk-files.ts';
import { MAX_IMPORT_BYTES } from '../../shared/api/limits.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { api, errorMessage } from '../api/client.ts';
import { fileToBase64 } from '../lib/files.ts';

/** A file refused before it is sent (over the size limit): shown in the list like the back end's verdicts. */
const rejected = (fileName: string, message: string): FileVerdict => ({
  fileName,
  verdict: 'rejected',
  supplier: null,
  year: null,
  reportedOn: null,
  submissionId: null,
  resubmission: null,
  duplicate: false,
  problems: [{ severity: 'error', location: '', message }],
});

export interface ImportProgress {
  /** staging: the page's files are being uploaded; reading: the back end reads and stores them */
  phase: 'staging' | 'reading';
  done: number;
  total: number;
  running: boolean;
  /** the file being read now */
  current: string;
  cancelling: boolean;
  /** the last import was stopped by 取消导入 (its verdict list is partial) */
  cancelled: boolean;
}

const IDLE: ImportProgress = {
  phase: 'reading',
  done: 0,
  total: 0,
  running: false,
  current: '',
  cancelling: false,
  cancelled: false,
};
/** How long one progress call may wait for news: short enough that a closed page stops asking soon. */
const WAIT_MS = 1000;

/** `onBatch` after each stored batch (and `onDone` at the end): the page reloads what the import changed. */
export function useBatchImport(year: number, onDone: () => void, onBatch: () => void = onDone) {
  const [progress, setProgress] = useState<ImportProgress>(IDLE);
  const [verdicts, setVerdicts] = useState<FileVerdict[]>([]);
  const [skipped, setSkipped] = useState<SkippedFile[]>([]);
  const [error, setError] = useState('');
  /** the running operation (or, while uploading, a flag the 取消导入 button sets) */
  const running = useRef<{ operationId: string | null; cancelled: boolean } | null>(null);

  /** Starts the operation and follows it to its end; `before` are verdicts decided in the page (files too large). */
  const follow = useCallback(
    async (source: ImportSource, before: FileVerdict[]) => {
      const all = [...before];
      try {
        const started = await api['merge:import-start']({ year, source });
        setSkipped((s) => [...s, ...started.skipped]);
        if (started.total === 0 && before.length === 0) {
          setError(MESSAGES.merge.page.noXlsx);
          return;
        }
        const run = running.current;
        if (run) run.operationId = started.operationId;
        setProgress({
          ...IDLE,
          total: started.total + before.length,
          running: true,
          cancelling: run?.cancelled ?? false,
        });
        if (run?.cancelled) void api['merge:import-cancel']({ operationId: started.operationId }).catch(() => {});
        for (;;) {
          const p = await api['merge:import-progress']({
            operationId: started.operationId,
            since: all.length - before.length,
            waitMs: WAIT_MS,
          });
          if (p.verdicts.length > 0) {
            all.push(...p.verdicts);
            setVerdicts([...all]);
            onBatch(); // the completeness and the other views follow each stored batch
          }
          setProgress((old) => ({
            ...old,
            done: before.length + p.read,
            current: p.current,
            running: p.state === 'running',
          }));
          if (p.state !== 'running') {
            if (p.state !== 'done') setError(p.message);
            setProgress((old) => ({ ...old, done: before.length + p.stored, cancelled: p.state === 'cancelled' }));
            break;
          }
        }
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [year, onBatch],
  );

  const end = useCallback(() => {
    running.current = null;
    setProgress((p) => ({ ...p, running: false, current: '', cancelling: false }));
    onDone();
  }, [onDone]);

  const run = useCallback(
    async (files: File[]) => {
      if (running.current) return;
      setError('');
      setVerdicts([]);
      setSkipped([]);
      if (files.length === 0) {
        setError(MESSAGES.merge.page.noXlsx);
        return;
      }
      const run = { operationId: null, cancelled: false };
      running.current = run;
      setProgress({ ...IDLE, phase: 'staging', total: files.length, running: true });
      const tooLarge = files
        .filter((f) => f.size > MAX_IMPORT_BYTES)
        .map((f) => rejected(f.name, MESSAGES.merge.file.tooLarge(MAX_IMPORT_BYTES / 1024 / 1024)));
      try {
        let token: string | undefined;
        let sent = 0;
        for (const chunk of chunkFiles(files.filter((f) => f.size <= MAX_IMPORT_BYTES))) {
          if (run.cancelled) break;
          const payload = await Promise.all(
            chunk.map(async (f) => ({ fileName: f.name, bytesBase64: await fileToBase64(f) })),
          );
          token = (await api['merge:import-stage']({ year, token, files: payload })).token;
          sent += chunk.length;
          setProgress((p) => ({ ...p, done: sent }));
        }
        if (run.cancelled) {
          setProgress((p) => ({ ...p, done: 0, cancelled: true }));
          setError(MESSAGES.merge.operation.cancelled(0, files.length));
          return;
        }
        if (token) await follow({ kind: 'staged', token }, tooLarge);
        else setVerdicts(tooLarge);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        end();
      }
    },
    [year, follow, end],
  );

  /**
   * The desktop's folder import: the main process shows the folder dialog and walks the folder (regular files only,
   * links kept inside it, each file once) and reads the files itself. Returns false where there is no folder dialog
   * (the browser during development), so the caller falls back to the browser's own picker.
   */
  const runFolder = useCallback(async (): Promise<boolean> => {
    if (running.current) return true;
    setError('');
    let picked: Output<'merge:pick-folder'>;
    try {
      picked = await api['merge:pick-folder']({ year });
    } catch (e) {
      setError(errorMessage(e));
      return true;
    }
    if (!picked.supported) return false;
    if (!picked.folder || !picked.token) return true;
    setVerdicts([]);
    setSkipped(picked.skipped);
    if (picked.files.length === 0) {
      setError(MESSAGES.merge.page.noXlsx);
      return true;
    }
    running.current = { operationId: null, cancelled: false };
    setProgress({ ...IDLE, total: picked.files.length, running: true });
    try {
      await follow({ kind: 'folder', token: picked.token }, []);
    } finally {
      end();
    }
    return true;
  }, [year, follow, end]);

  /** 取消导入: the back end stops before its next batch; the files already stored stay (the answer says how many). */
  const cancel = useCallback(() => {
    const run = running.current;
    if (!run || run.cancelled) return;
    run.cancelled = true;
    setProgress((p) => ({ ...p, cancelling: true }));
    if (run.operationId)
      void api['merge:import-cancel']({ operationId: run.operationId }).catch((e) => setError(errorMessage(e)));
  }, []);

  return { progress, verdicts, skipped, error, run, runFolder, cancel };
}
