// The entry screen's save queue: every change is one API call, run strictly one after another so the database sees
// edits in the order they were made; a failed save is reported and the ones after it still run. Pure (no React):
// the hook (useReturnEditor) shows its state.

export interface SaveState {
  pending: number;
  savedAt: string | null;
  error: string | null;
}

export interface SaveQueue {
  /** Runs `task` after every task enqueued before it; `onError` gets the failure's message (the save is undone locally). */
  enqueue<T>(task: () => Promise<T>, onError: (message: string) => void): Promise<void>;
  /** Resolves when every task enqueued so far has run. */
  flush(): Promise<void>;
  state(): SaveState;
}

export function createSaveQueue(options: {
  onChange: (state: SaveState) => void;
  messageOf: (error: unknown) => string;
  now: () => string;
}): SaveQueue {
  let tail: Promise<void> = Promise.resolve();
  let state: SaveState = { pending: 0, savedAt: null, error: null };
  const set = (next: SaveState) => {
    state = next;
    options.onChange(state);
  };
  return {
    enqueue(task, onError) {
      set({ ...state, pending: state.pending + 1 });
      tail = tail.then(task).then(
        () => set({ pending: state.pending - 1, savedAt: options.now(), error: null }),
        (error: unknown) => {
          const message = options.messageOf(error);
          onError(message);
          set({ ...state, pending: state.pending - 1, error: message });
        },
      );
      return tail;
    },
    flush: () => tail,
    state: () => state,
  };
}
