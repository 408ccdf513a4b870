// Sends a batch of files to the back end in chunks (a backup first), so the progress bar moves and one
// unreadable chunk never stops the rest; collects every file's verdict.
import { useCallback, useState } from 'react';
import { MERGE_CHUNK_FILES, type FileVerdict, type SkippedFile } from '../../shared/api/merge-contract.ts';
import { chunkFiles } from './chunk-files.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { api, ApiCallError } from '../api/client.ts';
import { fileToBase64 } from '../lib/files.ts';
import { MAX_IMPORT_BYTES } from '../../shared/api/limits.ts';

const rejected = (fileName: string, message: string): FileVerdict => ({
  fileName, verdict: 'rejected', supplier: null, year: null, reportedOn: null, submissionId: null, resubmission: null, duplicate: false,
  problems: [{ severity: 'error', location: '', message }],
});

export interface ImportProgress { done: number; total: number; running: boolean }

export function useBatchImport(year: number, onDone: () => void) {
  const [progress, setProgress] = useState<ImportProgress>({ done: 0, total: 0, running: false });
  const [verdicts, setVerdicts] = useState<FileVerdict[]>([]);
  const [skipped, setSkipped] = useState<SkippedFile[]>([]);
  const [error, setError] = useState('');

  const run = useCallback(async (files: File[]) => {
    setError('');
    setVerdicts([]);
    setSkipped([]);
    if (files.length === 0) { setError(MESSAGES.merge.page.noXlsx); return; }
    setProgress({ done: 0, total: files.length, running: true });
    const all: FileVerdict[] = [];
    try {
      await api['merge:begin-import']({ year });
      let done = 0;
      for (const chunk of chunkFiles(files)) {
        const big = chunk.filter((f) => f.size > MAX_IMPORT_BYTES);
        const ok = chunk.filter((f) => f.size <= MAX_IMPORT_BYTES);
        for (const f of big) all.push(rejected(f.name, MESSAGES.merge.file.tooLarge(MAX_IMPORT_BYTES / 1024 / 1024)));
        if (ok.length > 0) {
          try {
            const payload = await Promise.all(ok.map(async (f) => ({ fileName: f.name, bytesBase64: await fileToBase64(f) })));
            all.push(...await api['merge:import-files']({ year, files: payload }));
          } catch (e) {
            const message = e instanceof ApiCallError ? e.error.message : (e as Error).message;
            for (const f of ok) all.push(rejected(f.name, MESSAGES.merge.file.unreadable(message)));
          }
        }
        setVerdicts([...all]);
        done += chunk.length;
        setProgress({ done, total: files.length, running: true });
      }
    } catch (e) {
      setError(e instanceof ApiCallError ? e.error.message : (e as Error).message);
    } finally {
      setProgress((p) => ({ ...p, running: false }));
      onDone();
    }
  }, [year, onDone]);

  /**
   * The desktop's folder import: the main process shows the folder dialog and walks the folder (regular files only,
   * links kept inside it, each file once); the files are then read there in chunks. Returns false where there is no
   * folder dialog (the browser during development), so the caller falls back to the browser's own picker.
   */
  const runFolder = useCallback(async (): Promise<boolean> => {
    setError('');
    let picked;
    try {
      picked = await api['merge:pick-folder']({ year });
    } catch (e) {
      setError(e instanceof ApiCallError ? e.error.message : (e as Error).message);
      return true;
    }
    if (!picked.supported) return false;
    if (!picked.folder || !picked.token) return true;
    setVerdicts([]);
    setSkipped(picked.skipped);
    const total = picked.files.length;
    if (total === 0) { setError(MESSAGES.merge.page.noXlsx); return true; }
    setProgress({ done: 0, total, running: true });
    const all: FileVerdict[] = [];
    try {
      await api['merge:begin-import']({ year });
      for (let start = 0; start < total; start += MERGE_CHUNK_FILES) {
        const count = Math.min(MERGE_CHUNK_FILES, total - start);
        try {
          all.push(...await api['merge:import-folder-files']({ year, token: picked.token, start, count }));
        } catch (e) {
          const message = e instanceof ApiCallError ? e.error.message : (e as Error).message;
          for (const name of picked.files.slice(start, start + count)) all.push(rejected(name, MESSAGES.merge.file.unreadable(message)));
        }
        setVerdicts([...all]);
        setProgress({ done: start + count, total, running: true });
      }
    } catch (e) {
      setError(e instanceof ApiCallError ? e.error.message : (e as Error).message);
    } finally {
      setProgress((p) => ({ ...p, running: false }));
      onDone();
    }
    return true;
  }, [year, onDone]);

  return { progress, verdicts, skipped, error, run, runFolder };
}
