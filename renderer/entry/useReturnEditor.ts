// The open return as the entry screen edits it: local cells updated at once, every change saved in order
// (one API call per user action), undo/redo, and the rule engine re-run on every change. Text typed that is no
// valid number is a cell like any other (raw), saved, undone and redone; an edit of an 已校验 return makes it a draft.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { CellEdit, ReturnView } from '../../shared/api/returns-contract.ts';
import type { Framework } from '../../shared/framework/schema.ts';
import {
  cellKey,
  type Cell,
  type QualitativeAnswer,
  type QualitativeChoice,
  type ReturnData,
  type ReturnStatus,
  type SettableStatus,
} from '../../shared/returns/schema.ts';
import { evaluateReturn } from '../../shared/rules/evaluate.ts';
import { api, errorMessage } from '../api/client.ts';
import { cellWrites, EditHistory } from './edit-history.ts';
import { createSaveQueue, type SaveState } from './save-queue.ts';
import { APP_LOCALE } from '../../shared/messages.ts';

const toCell = (e: CellEdit): Cell => ({
  item: e.item,
  sex: e.sex,
  value: e.value,
  noData: e.noData,
  prefilled: false,
  raw: e.raw,
});

/** Cells the office does not enter (a county's summed township items, a department's items), shown read-only. */
export interface LockedCells {
  cells: Cell[];
  locked: ReadonlySet<string>;
  pooledRatios?: ReturnData['pooledRatios'];
}

/** `onBackToDraft`: called when an edit put an 已校验 return back to 草稿 (the back end decides and audits it). */
export function useReturnEditor(
  framework: Framework,
  initial: ReturnView,
  overlay?: LockedCells,
  onBackToDraft?: () => void,
) {
  const returnId = initial.summary.id;
  const [cells, setCells] = useState(() => new Map(initial.data.cells.map((c) => [cellKey(c.item, c.sex), c])));
  const [qualitative, setQualitative] = useState(() => new Map(initial.data.qualitative.map((q) => [q.indicator, q])));
  const [thresholds, setThresholds] = useState<Record<string, number>>(initial.data.externalThresholds);
  const [explanations, setExplanations] = useState<Record<string, string>>(initial.explanations);
  const [status, setStatusState] = useState<ReturnStatus>(initial.summary.status);
  const statusRef = useRef(status);
  const backToDraft = useRef(onBackToDraft);
  backToDraft.current = onBackToDraft;
  const setStatus = useCallback((next: ReturnStatus) => {
    if (statusRef.current === 'checked' && next === 'draft') backToDraft.current?.();
    statusRef.current = next;
    setStatusState(next);
  }, []);
  /** after an edit is saved: the status the back end left the return in */
  const afterEdit = useCallback(
    (r: { status: ReturnStatus }) => {
      if (r.status !== statusRef.current) setStatus(r.status);
    },
    [setStatus],
  );
  const [save, setSave] = useState<SaveState>({ pending: 0, savedAt: null, error: null });
  const [saveQueue] = useState(() =>
    createSaveQueue({
      onChange: setSave,
      messageOf: errorMessage,
      now: () => new Date().toLocaleTimeString(APP_LOCALE, { hour12: false }),
    }),
  );
  const enqueue = saveQueue.enqueue;
  const [history] = useState(() => new EditHistory());
  const [, setStackVersion] = useState(0);

  const applyLocal = useCallback((edits: CellEdit[]) => {
    setCells((prev) => {
      const next = new Map(prev);
      for (const e of edits) {
        const key = cellKey(e.item, e.sex);
        if (e.value === null && e.noData === null && e.raw === null) next.delete(key);
        else next.set(key, toCell(e));
      }
      return next;
    });
  }, []);

  const snapshot = useCallback(
    (edits: CellEdit[]): CellEdit[] =>
      edits.map((e) => {
        const c = cells.get(cellKey(e.item, e.sex));
        return { item: e.item, sex: e.sex, value: c?.value ?? null, noData: c?.noData ?? null, raw: c?.raw ?? null };
      }),
    [cells],
  );

  // undo restores what the back end says the cells held (edit-history.ts says why)
  const writes = useMemo(
    () =>
      cellWrites(history, {
        queue: saveQueue,
        send: async (edits) => {
          const r = await api['returns:set-cells']({ returnId, edits });
          afterEdit(r);
          return r;
        },
        apply: applyLocal,
        snapshot,
        changed: () => setStackVersion((v) => v + 1),
      }),
    [afterEdit, applyLocal, history, returnId, saveQueue, snapshot],
  );

  const commitCells = useCallback((edits: CellEdit[]) => writes.commit(edits), [writes]);
  const undo = useCallback(() => {
    void writes.undo();
  }, [writes]);
  const redo = useCallback(() => {
    void writes.redo();
  }, [writes]);

  const setAnswer = useCallback(
    (indicator: string, choice: QualitativeChoice | null, note: string) => {
      const answer: QualitativeAnswer = { indicator, choice, note };
      setQualitative((prev) => new Map(prev).set(indicator, answer));
      return enqueue(
        () => api['returns:set-qualitative']({ returnId, indicator, choice, note }).then(afterEdit),
        () => undefined,
      );
    },
    [afterEdit, enqueue, returnId],
  );

  const setThreshold = useCallback(
    (targetId: string, value: number | null) => {
      setThresholds((prev) => {
        const next = { ...prev };
        if (value === null) delete next[targetId];
        else next[targetId] = value;
        return next;
      });
      return enqueue(
        () => api['returns:set-threshold']({ returnId, targetId, value }).then(afterEdit),
        () => undefined,
      );
    },
    [afterEdit, enqueue, returnId],
  );

  const setExplanation = useCallback(
    (key: string, text: string) => {
      setExplanations((prev) => ({ ...prev, [key]: text }));
      return enqueue(
        () => api['returns:set-explanation']({ returnId, key, text }),
        () => undefined,
      );
    },
    [enqueue, returnId],
  );

  const confirmPrefilled = useCallback(() => {
    setCells((prev) => new Map([...prev].map(([k, c]) => [k, { ...c, prefilled: false }])));
    return enqueue(
      () => api['returns:confirm-prefilled']({ returnId }).then(afterEdit),
      () => undefined,
    );
  }, [afterEdit, enqueue, returnId]);

  /** Status changes wait for pending saves, then let the back end check the stored return. */
  const changeStatus = useCallback(
    async (next: SettableStatus, reason?: string) => {
      await saveQueue.flush();
      const summary = await api['returns:set-status']({ returnId, status: next, ...(reason ? { reason } : {}) });
      // a change the user asked for: no 'back to draft' notice
      statusRef.current = summary.status;
      setStatusState(summary.status);
      return summary;
    },
    [returnId, saveQueue],
  );

  /** Resolves when every change made so far is in the database. */
  const flush = saveQueue.flush;

  const data: ReturnData = useMemo(
    () => ({
      ...initial.data,
      // a county judges its return as merged: the summed and department-supplied cells in place of its own
      cells: overlay
        ? [...[...cells.values()].filter((c) => !overlay.locked.has(c.item)), ...overlay.cells]
        : [...cells.values()],
      qualitative: [...qualitative.values()],
      externalThresholds: thresholds,
      // and its ratios pooled over the townships that have both numerator and denominator, as the merge does
      ...(overlay?.pooledRatios ? { pooledRatios: overlay.pooledRatios } : {}),
    }),
    [initial.data, cells, qualitative, thresholds, overlay],
  );

  const evaluation = useMemo(
    () => evaluateReturn(framework, data, initial.history),
    [framework, data, initial.history],
  );

  return {
    returnId,
    data,
    cells,
    qualitative,
    thresholds,
    explanations,
    status,
    save,
    evaluation,
    history: initial.history,
    prefilledCount: [...cells.values()].filter((c) => c.prefilled).length,
    canUndo: history.canUndo,
    canRedo: history.canRedo,
    commitCells,
    undo,
    redo,
    flush,
    setAnswer,
    setThreshold,
    setExplanation,
    confirmPrefilled,
    changeStatus,
  };
}
export type ReturnEditor = ReturnType<typeof useReturnEditor>;
