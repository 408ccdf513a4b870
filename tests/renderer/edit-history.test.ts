// Undo has one owner: the back end's `previous` (the cells before a write, read in the write's transaction) is
// what an undo restores; the grid's own snapshot only shows the undo until the save has answered.
import { describe, expect, it } from 'vitest';
import { cellWrites, EditHistory } from '../../renderer/entry/edit-history.ts';
import { createSaveQueue } from '../../renderer/entry/save-queue.ts';
import type { CellEdit } from '../../shared/api/returns-contract.ts';

const edit = (value: number | null, raw: string | null = null): CellEdit => ({
  item: 'HD01',
  sex: 'total',
  value,
  noData: null,
  raw,
});
const key = (e: CellEdit) => `${e.item}.${e.sex}`;

/** A back end holding cells, normalising text that parses (as the real one does), and a grid showing cells. */
function setup(options: { failOn?: (edits: CellEdit[]) => boolean } = {}) {
  const db = new Map<string, CellEdit>();
  const grid = new Map<string, CellEdit>();
  const sent: CellEdit[][] = [];
  const history = new EditHistory();
  const queue = createSaveQueue({ onChange: () => undefined, messageOf: (e) => String(e), now: () => '' });
  const writes = cellWrites(history, {
    queue,
    send: async (edits) => {
      sent.push(edits);
      if (options.failOn?.(edits)) throw new Error('refused');
      const previous = edits.map((e) => db.get(key(e)) ?? { ...e, value: null, noData: null, raw: null });
      for (const e of edits)
        db.set(
          key(e),
          e.raw !== null && Number.isFinite(Number(e.raw)) ? { ...e, value: Number(e.raw), raw: null } : e,
        );
      return { previous };
    },
    apply: (edits) => {
      for (const e of edits) grid.set(key(e), e);
    },
    snapshot: (edits) => edits.map((e) => grid.get(key(e)) ?? { ...e, value: null, noData: null, raw: null }),
    changed: () => undefined,
  });
  return { db, grid, sent, history, queue, writes };
}

describe('undo and redo', () => {
  it('an undo restores what the back end said the cell held, not what the grid showed', async () => {
    const t = setup();
    t.db.set('HD01.total', edit(5)); // stored, but the grid was opened before (shows blank)
    await t.writes.commit([edit(7)]);
    await t.writes.undo();
    await t.queue.flush();
    expect(t.db.get('HD01.total')).toEqual(edit(5));
    expect(t.grid.get('HD01.total')).toEqual(edit(5));
  });

  it('an undo queued behind a save still pending writes the back end’s answer once it is in', async () => {
    const t = setup();
    t.db.set('HD01.total', edit(3));
    void t.writes.commit([edit(8)]);
    void t.writes.undo(); // before the save above has answered
    await t.queue.flush();
    expect(t.sent.at(-1)).toEqual([edit(3)]);
    expect(t.db.get('HD01.total')).toEqual(edit(3));
  });

  it('redo writes the action again and a second undo restores the back end’s value of that time', async () => {
    const t = setup();
    await t.writes.commit([edit(1)]);
    await t.writes.commit([edit(2)]);
    await t.writes.undo();
    await t.writes.redo();
    await t.queue.flush();
    expect(t.db.get('HD01.total')).toEqual(edit(2));
    await t.writes.undo();
    await t.writes.undo();
    await t.queue.flush();
    expect(t.db.has('HD01.total') ? t.db.get('HD01.total')!.value : null).toBeNull();
    expect(t.history.canUndo).toBe(false);
    expect(t.history.canRedo).toBe(true);
  });

  it('a failed save is shown undone and cannot be undone; a new action clears redo', async () => {
    const t = setup({ failOn: (edits) => edits[0].value === 99 });
    await t.writes.commit([edit(4)]);
    await t.writes.commit([edit(99)]);
    await t.queue.flush();
    expect(t.grid.get('HD01.total')).toEqual(edit(4));
    expect(t.db.get('HD01.total')).toEqual(edit(4));
    await t.writes.undo(); // undoes the 4, the only action that happened
    await t.queue.flush();
    expect(t.history.canUndo).toBe(false);
    expect(t.history.canRedo).toBe(true);
    await t.writes.commit([edit(6)]);
    expect(t.history.canRedo).toBe(false);
  });
});
