// The spreadsheet-like grid of one area's data items: 合计 / 女 / 男 columns, keyboard entry, block paste.
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { CellEdit } from '../../shared/api/returns-contract.ts';
import type { DataItem, SexColumn } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { parseClipboardBlock, placeBlock } from '../../shared/returns/paste.ts';
import { parseNumberInput } from '../../shared/returns/parse-number.ts';
import { cellKey, type Cell } from '../../shared/returns/schema.ts';
import type { CellIssue } from '../../shared/rules/result.ts';
import { nextPos, type GridPos, type NavKey } from './grid-nav.ts';

const T = MESSAGES.entry;
const SEXES: SexColumn[] = ['total', 'female', 'male'];
const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Tab', 'Enter', 'Home', 'End']);

export const columnsOf = (item: DataItem): SexColumn[] =>
  item.sex === 'single' ? ['total'] : item.sex === 'total_female' ? ['total', 'female'] : ['total', 'female', 'male'];

export interface Draft { text: string; message: string }
interface Editing { text: string; mode: 'enter' | 'edit' }

export interface DataGridProps {
  items: DataItem[];
  cells: Map<string, Cell>;
  previous: Map<string, Cell>;
  issues: Map<string, CellIssue[]>;
  drafts: Map<string, Draft>;
  readOnly: boolean;
  focus: { item: string; sex: SexColumn; nonce: number } | null;
  onCommit: (edits: CellEdit[]) => void;
  onDrafts: (update: (drafts: Map<string, Draft>) => Map<string, Draft>) => void;
  onUndo: () => void;
  onRedo: () => void;
  onActiveChange: (item: DataItem, sex: SexColumn) => void;
  onNoData: (item: DataItem, sex: SexColumn) => void;
  onNotice: (text: string) => void;
  /** items this office does not enter (summed from townships, or a department's): read-only, with source and gaps */
  locked?: { sources: Map<string, string>; gaps: Map<string, string> };
  /** the text being typed into a cell (null when editing ends), so computed indicators can follow it live */
  onTyping?: (item: DataItem, sex: SexColumn, text: string | null) => void;
}

export const formatCell = (cell: Cell | undefined): string =>
  !cell ? '' : cell.noData ? T.noDataMark : cell.value === null ? '' : String(cell.value);

export function DataGrid(props: DataGridProps) {
  const { items, cells, previous, issues, drafts, readOnly } = props;
  const [active, setActive] = useState<GridPos>({ row: 0, col: 0 });
  const [editing, setEditingState] = useState<Editing | null>(null);
  const finished = useRef(true);
  const setEditing = (next: Editing | null) => {
    if (next) finished.current = false;
    setEditingState(next);
  };
  const gridRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const rows = items.length;

  const lockedItems = props.locked?.sources;
  const editable = useMemo(() => (p: GridPos) => !readOnly && !!items[p.row] && !lockedItems?.has(items[p.row].code) && columnsOf(items[p.row]).includes(SEXES[p.col]), [items, readOnly, lockedItems]);
  const at = (p: GridPos) => ({ item: items[p.row], sex: SEXES[p.col] });

  useEffect(() => {
    if (active.row >= rows) setActive({ row: Math.max(0, rows - 1), col: 0 });
  }, [rows, active.row]);

  useEffect(() => {
    const item = items[active.row];
    if (item) props.onActiveChange(item, SEXES[active.col]);
    gridRef.current?.querySelector(`[data-pos="${active.row}-${active.col}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, items]);

  useEffect(() => {
    const f = props.focus;
    if (!f) return;
    const row = items.findIndex((i) => i.code === f.item);
    if (row >= 0) {
      setEditing(null);
      setActive({ row, col: SEXES.indexOf(f.sex) });
      gridRef.current?.focus();
    }
  }, [props.focus, items]);

  useEffect(() => {
    if (editing) inputRef.current?.focus();
  }, [editing !== null]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Parses texts for cells; valid ones are saved as one action, invalid ones stay as red drafts. */
  const commitTexts = (entries: { pos: GridPos; text: string }[]) => {
    const edits: CellEdit[] = [];
    const invalid = new Map<string, Draft>();
    const cleared: string[] = [];
    for (const { pos, text } of entries) {
      if (!editable(pos)) continue;
      const { item, sex } = at(pos);
      const key = cellKey(item.code, sex);
      if (text.trim() === T.noDataMark && cells.get(key)?.noData) { cleared.push(key); continue; }
      if (text.trim() === T.noDataShort || text.trim() === T.noDataMark) { props.onNoData(item, sex); cleared.push(key); continue; }
      const parsed = parseNumberInput(text, { valueType: item.valueType, decimals: item.decimals });
      if (!parsed.ok) { invalid.set(key, { text, message: parsed.message }); continue; }
      cleared.push(key);
      const current = cells.get(key);
      if (current && !current.noData && current.value === parsed.value && !current.prefilled) continue;
      if (!current && parsed.value === null) continue;
      edits.push({ item: item.code, sex, value: parsed.value, noData: null });
    }
    props.onDrafts((prev) => {
      const next = new Map(prev);
      for (const key of cleared) next.delete(key);
      for (const [key, draft] of invalid) next.set(key, draft);
      return next;
    });
    if (edits.length > 0) props.onCommit(edits);
    return invalid.size;
  };

  const move = (key: NavKey, shift: boolean) => setActive((p) => nextPos(p, key, shift, rows, 3, editable));

  const startEditing = (mode: Editing['mode'], text: string) => {
    if (!editable(active)) {
      const source = items[active.row] ? lockedItems?.get(items[active.row].code) : undefined;
      props.onNotice(readOnly ? T.locked : source ? MESSAGES.merge.entry.summedCell(source) : T.cellLocked);
      return;
    }
    setEditing({ mode, text });
    props.onTyping?.(items[active.row], SEXES[active.col], text);
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && (e.key === 'z' || e.key === 'Z')) { e.preventDefault(); if (e.shiftKey) props.onRedo(); else props.onUndo(); return; }
    if (ctrl && (e.key === 'y' || e.key === 'Y')) { e.preventDefault(); props.onRedo(); return; }
    if (ctrl && (e.key === 'c' || e.key === 'C')) {
      const { item, sex } = at(active);
      if (item) void navigator.clipboard?.writeText(formatCell(cells.get(cellKey(item.code, sex)))).catch(() => undefined);
      return;
    }
    if (NAV_KEYS.has(e.key)) {
      // Tab past the last (Shift+Tab before the first) editable cell leaves the grid, so the keyboard is never trapped.
      if (e.key === 'Tab') {
        const next = nextPos(active, 'Tab', e.shiftKey, rows, 3, editable);
        if (next.row === active.row && next.col === active.col) return;
      }
      e.preventDefault();
      move(e.key as NavKey, e.shiftKey);
      return;
    }
    if (e.key === 'F2') { e.preventDefault(); const { item, sex } = at(active); startEditing('edit', drafts.get(cellKey(item.code, sex))?.text ?? formatCell(cells.get(cellKey(item.code, sex)))); return; }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (!editable(active)) return;
      const { item, sex } = at(active);
      const key = cellKey(item.code, sex);
      props.onDrafts((prev) => { const next = new Map(prev); next.delete(key); return next; });
      if (cells.has(key)) props.onCommit([{ item: item.code, sex, value: null, noData: null }]);
      return;
    }
    if (e.key.length === 1 && !ctrl && !e.altKey) { e.preventDefault(); startEditing('enter', e.key); }
    // An input method (e.g. typing 无 with a Chinese IME) sends 'Process': open the cell so the text lands there.
    if (e.key === 'Process') startEditing('enter', '');
  };

  const finishEditing = (commit: boolean, then?: () => void) => {
    // Ending an edit unmounts the input, whose blur calls here again with the stale `editing`: the ref
    // makes that second call a no-op, so Esc really cancels and a commit happens once.
    if (finished.current) return;
    finished.current = true;
    if (items[active.row]) props.onTyping?.(items[active.row], SEXES[active.col], null);
    if (editing && commit) commitTexts([{ pos: active, text: editing.text }]);
    setEditing(null);
    gridRef.current?.focus();
    then?.();
  };

  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === 'Escape') { e.preventDefault(); finishEditing(false); return; }
    if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); finishEditing(true, () => move(e.key as NavKey, e.shiftKey)); return; }
    if (editing?.mode === 'enter' && e.key.startsWith('Arrow')) { e.preventDefault(); finishEditing(true, () => move(e.key as NavKey, false)); }
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (readOnly) return;
    const text = e.clipboardData.getData('text/plain');
    if (editing && !/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    setEditing(null);
    const { placed, clipped } = placeBlock(parseClipboardBlock(text), active.row, active.col, rows, 3);
    const invalid = commitTexts(placed.map((p) => ({ pos: { row: p.row, col: p.col }, text: p.text })));
    if (clipped) props.onNotice(T.pasteClipped(clipped));
    else if (invalid) props.onNotice(T.pasteInvalid(invalid));
    gridRef.current?.focus();
  };

  return (
    <div className="data-grid" ref={gridRef} tabIndex={0} role="grid" aria-label={T.title} onKeyDown={onGridKey} onPaste={onPaste} data-testid="data-grid">
      <table className="grid entry-grid">
        <thead>
          <tr>
            <th className="c-code">{T.columns.code}</th><th>{T.columns.item}</th><th className="c-unit">{T.columns.unit}</th>
            {SEXES.map((s) => <th key={s} className="c-num">{T.columns[s]}</th>)}
            <th className="c-prev">{T.columns.previous}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, row) => {
            const cols = columnsOf(item);
            const prevTotal = previous.get(cellKey(item.code, 'total'));
            const prevFemale = previous.get(cellKey(item.code, 'female'));
            return (
              <tr key={item.code} data-item={item.code}>
                <td className="c-code">{item.code}</td>
                <td title={item.note}>{item.name}{item.note && <span className="hint" aria-hidden>ⓘ</span>}</td>
                <td className="c-unit">{item.unit}</td>
                {SEXES.map((sex, col) => {
                  const key = cellKey(item.code, sex);
                  if (!cols.includes(sex)) return <td key={sex} className="c-num locked" data-pos={`${row}-${col}`} onMouseDown={() => setActive({ row, col })}>{T.notCollected}</td>;
                  const cell = cells.get(key);
                  const draft = drafts.get(key);
                  const cellIssues = issues.get(key) ?? [];
                  const isActive = active.row === row && active.col === col;
                  const source = lockedItems?.get(item.code);
                  const gap = source ? props.locked?.gaps.get(key) : undefined;
                  const cls = ['c-num', 'cell', source ? 'summed' : '', gap ? 'has-gap' : '',
                    isActive ? 'active' : '',
                    draft || cellIssues.some((i) => i.severity === 'error') ? 'has-error' : cellIssues.length ? 'has-warning' : '',
                    cell?.noData ? 'no-data' : '', cell?.prefilled ? 'prefilled' : ''].filter(Boolean).join(' ');
                  const title = [source ? MESSAGES.merge.entry.summedCell(source) : '', gap ? MESSAGES.merge.entry.gap(gap) : '', draft?.message, ...cellIssues.map((i) => i.message), cell?.noData ? `${T.noDataMark}：${cell.noData.reason}` : '', cell?.prefilled ? T.prefilledHint : ''].filter(Boolean).join('\n');
                  return (
                    <td key={sex} className={cls} data-pos={`${row}-${col}`} data-cell={key} title={title || undefined} data-source={source}
                      aria-invalid={draft || cellIssues.some((i) => i.severity === 'error') ? true : undefined}
                      onMouseDown={() => { if (editing && !isActive) finishEditing(true); setActive({ row, col }); }}
                      onDoubleClick={() => startEditing('edit', draft?.text ?? formatCell(cell))}>
                      {isActive && editing ? (
                        <input ref={inputRef} className="cell-input" value={editing.text} aria-label={`${item.name} ${T.sexLabel[sex]}`}
                          onChange={(e) => { setEditing({ ...editing, text: e.target.value }); props.onTyping?.(item, sex, e.target.value); }}
                          onKeyDown={onInputKey} onBlur={() => finishEditing(true)} />
                      ) : (draft ? draft.text : formatCell(cell))}
                    </td>
                  );
                })}
                <td className="c-prev muted">
                  {prevTotal?.value ?? ''}{prevFemale?.value !== undefined && prevFemale?.value !== null ? ` / ${prevFemale.value}` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
