// The entry screen's save queue: saves run one after another in the order made, a failure is reported and undone
// by its caller, the saves after it still run, and the state counts what is pending.
import { describe, expect, it } from 'vitest';
import { createSaveQueue, type SaveState } from '../../renderer/entry/save-queue.ts';

const deferred = () => {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

function queue() {
  const states: SaveState[] = [];
  const q = createSaveQueue({
    onChange: (s) => states.push(s),
    messageOf: (e) => (e as Error).message,
    now: () => '10:00:00',
  });
  return { q, states };
}

describe('save queue', () => {
  it('runs saves strictly in order, each after the one before has finished', async () => {
    const { q } = queue();
    const log: string[] = [];
    const first = deferred();
    void q.enqueue(
      async () => {
        log.push('start 1');
        await first.promise;
        log.push('end 1');
      },
      () => undefined,
    );
    void q.enqueue(
      async () => {
        log.push('start 2');
      },
      () => undefined,
    );
    await Promise.resolve();
    expect(q.state().pending).toBe(2);
    expect(log).toEqual(['start 1']);
    first.resolve();
    await q.flush();
    expect(log).toEqual(['start 1', 'end 1', 'start 2']);
    expect(q.state()).toEqual({ pending: 0, savedAt: '10:00:00', error: null });
  });

  it('reports a failed save to its caller and in the state, and still runs the saves after it', async () => {
    const { q, states } = queue();
    const failures: string[] = [];
    let ran = false;
    void q.enqueue(
      async () => {
        throw new Error('磁盘已满');
      },
      (m) => failures.push(m),
    );
    void q.enqueue(
      async () => {
        ran = true;
      },
      () => undefined,
    );
    await q.flush();
    expect(failures).toEqual(['磁盘已满']);
    expect(ran).toBe(true);
    expect(states.map((s) => s.pending)).toEqual([1, 2, 1, 0]);
    expect(states[2].error).toBe('磁盘已满');
    // a later success clears the error
    expect(q.state().error).toBeNull();
  });

  it('flush waits for every save enqueued so far', async () => {
    const { q } = queue();
    const d = deferred();
    let done = false;
    void q.enqueue(
      () =>
        d.promise.then(() => {
          done = true;
        }),
      () => undefined,
    );
    const flushed = q.flush().then(() => done);
    d.resolve();
    expect(await flushed).toBe(true);
  });
});
