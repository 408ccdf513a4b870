// Undo and redo of the entry grid. One owner of the truth: the back end. A cell write (returns:set-cells) answers
// with `previous`, the cells as the database held them before the write, read in the same transaction that wrote
// them, after the back end's own normalisation (a text that parses is stored as a number). That is what an undo
// restores. The client's own snapshot of its cells (what the grid showed) is only provisional: it lets an undo show
// at once, and is replaced by the back end's answer when the save returns. An undo queued behind a save still
// pending reads `previous` when its turn comes (the queue runs in order, so the answer is in by then).
// Pure (no React, no API): the hook (useReturnEditor) drives it.
import type { CellEdit } from '../../shared/api/returns-contract.ts';

export interface Step {
  /** what the user's action wrote */
  edits: CellEdit[];
  /** what an undo writes back: the back end's `previous` once the save returned, the local snapshot until then */
  previous: CellEdit[];
  /** the back end has answered for this step (previous is its word) */
  confirmed: boolean;
}

export class EditHistory {
  private undoSteps: Step[] = [];
  private redoSteps: Step[] = [];

  get canUndo(): boolean {
    return this.undoSteps.length > 0;
  }
  get canRedo(): boolean {
    return this.redoSteps.length > 0;
  }

  /** A new action: undoable, and nothing is left to redo. */
  record(edits: CellEdit[], snapshot: CellEdit[]): Step {
    const step: Step = { edits, previous: snapshot, confirmed: false };
    this.undoSteps.push(step);
    this.redoSteps = [];
    return step;
  }

  /** The back end saved the step's write and said what the cells held before. */
  saved(step: Step, previous: CellEdit[]): void {
    step.previous = previous;
    step.confirmed = true;
  }

  /** The step's write failed: it never happened, so it cannot be undone (nor redone). */
  failed(step: Step): void {
    this.undoSteps = this.undoSteps.filter((s) => s !== step);
    this.redoSteps = this.redoSteps.filter((s) => s !== step);
  }

  /** The step to undo (moved to the redo stack), or null. Write its `previous` when the write runs. */
  undo(): Step | null {
    const step = this.undoSteps.pop();
    if (!step) return null;
    this.redoSteps.push(step);
    return step;
  }

  /** The step to redo (back on the undo stack, its `previous` to be confirmed again), or null. */
  redo(): Step | null {
    const step = this.redoSteps.pop();
    if (!step) return null;
    this.undoSteps.push(step);
    step.confirmed = false;
    return step;
  }
}

/** What the cell writes need from their surroundings (the hook gives React state and the API; tests give fakes). */
export interface CellWriteDeps {
  queue: { enqueue<T>(task: () => Promise<T>, onError: (message: string) => void): Promise<void> };
  /** saves the edits (returns:set-cells) and answers with the cells as they were before */
  send: (edits: CellEdit[]) => Promise<{ previous: CellEdit[] }>;
  /** shows edits in the grid at once */
  apply: (edits: CellEdit[]) => void;
  /** the grid's cells at these edits' places, as the grid shows them now */
  snapshot: (edits: CellEdit[]) => CellEdit[];
  /** the stacks changed (canUndo / canRedo) */
  changed: () => void;
}

/** Commit, undo and redo of cell edits over one save queue, with the back end's `previous` as what undo restores. */
export function cellWrites(history: EditHistory, deps: CellWriteDeps) {
  const { queue, send, apply, snapshot, changed } = deps;
  /** writes a step's edits (a new action or a redo); the back end's answer becomes the step's `previous` */
  const forward = (step: Step) => {
    const before = snapshot(step.edits);
    apply(step.edits);
    changed();
    return queue.enqueue(
      async () => {
        history.saved(step, (await send(step.edits)).previous);
      },
      () => {
        apply(before);
        history.failed(step);
        changed();
      },
    );
  };
  return {
    commit: (edits: CellEdit[]) => forward(history.record(edits, snapshot(edits))),
    redo: () => {
      const step = history.redo();
      return step ? forward(step) : Promise.resolve();
    },
    undo: () => {
      const step = history.undo();
      if (!step) return Promise.resolve();
      const before = snapshot(step.previous);
      apply(step.previous); // provisional until the step's save has answered
      changed();
      return queue.enqueue(
        async () => {
          if (!step.confirmed) return; // its save failed: nothing was written, nothing to undo
          apply(step.previous); // the back end's word, which may differ from what the grid showed
          await send(step.previous);
        },
        () => apply(before),
      );
    },
  };
}
