// The spreadsheet-like grid of one area's data items: 合计 / 女 / 男 columns, keyboard entry, block paste.
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { CellEdit } from '../../shared/api/returns-contract.ts';
import type { DataItem, SexColumn } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { parseClipboardBlock, placeBlock } from '../../shared/returns/paste.ts';
import { parseNumberInput } from '../../shared/returns/parse-number.ts';
import { cellKey, type Cell } from '../../shared/returns/schema.ts';
import type { CellIssue } from '../../shared/rules/result.ts';
import { enterPos, inRect, nextPos, rectToText, selectionRect, type GridPos, type NavKey } from './grid-nav.ts';

const T = MESSAGES.entry;
const SEXES: SexColumn[] = ['total', 'female', 'male'];
const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Tab', 'Enter', 'Home', 'End']);

export const columnsOf = (item: DataItem): SexColumn[] =>
  item.sex === 'single' ? ['total'] : item.sex === 'total_female' ? ['total', 'female'] : ['total', 'female', 'male'];

interface Editing { text: string; mode: 'enter' | 'edit' }

export interface DataGridProps {
  items: DataItem[];
  cells: Map<string, Cell>;
  previous: Map<string, Cell>;
  issues: Map<string, CellIssue[]>;
  readOnly: boolean;
  focus: { item: string; sex: SexColumn; nonce: number } | null;
  onCommit: (edits: CellEdit[]) => void;
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

/** What a cell shows: its number, 无数据, or the text typed that is not yet a valid number (shown red). */
export const formatCell = (cell: Cell | undefined): string =>
  !cell ? '' : cell.raw !== null ? cell.raw : cell.noData ? T.noDataMark : cell.value === null ? '' : String(cell.value);

/** Longest text a cell keeps as typed (the back end's limit). */
const MAX_RAW = 200;

export function DataGrid(props: DataGridProps) {
  const { items, cells, previous, issues, readOnly } = props;
  const [active, setActive] = useState<GridPos>({ row: 0, col: 0 });
  /** the other corner of a Shift-selected block (null: just the active cell) */
  const [anchor, setAnchor] = useState<GridPos | null>(null);
  const rect = selectionRect(anchor, active);
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

  /**
   * Parses texts for cells and saves them as one action. Nothing typed is lost: text that is not a valid number
   * is saved as typed (raw) and shown red with the rule engine's message until it is corrected.
   */
  const commitTexts = (entries: { pos: GridPos; text: string }[]) => {
    const edits: CellEdit[] = [];
    let invalid = 0;
    for (const { pos, text } of entries) {
      if (!editable(pos)) continue;
      const { item, sex } = at(pos);
      const key = cellKey(item.code, sex);
      const current = cells.get(key);
      const typed = text.trim();
      if (typed === T.noDataMark && current?.noData) continue;
      if (typed === T.noDataShort || typed === T.noDataMark) { props.onNoData(item, sex); continue; }
      const parsed = parseNumberInput(text, { valueType: item.valueType, decimals: item.decimals, unit: item.unit });
      if (!parsed.ok) {
        invalid++;
        const raw = typed.slice(0, MAX_RAW);
        if (current?.raw !== raw) edits.push({ item: item.code, sex, value: null, noData: null, raw });
        continue;
      }
      if (current && !current.noData && current.raw === null && current.value === parsed.value && !current.prefilled) continue;
      if (!current && parsed.value === null) continue;
      edits.push({ item: item.code, sex, value: parsed.value, noData: null, raw: null });
    }
    if (edits.length > 0) props.onCommit(edits);
    return invalid;
  };

  /** the column where a run of Tabs started: Enter goes back to it on the next row (Excel / WPS) */
  const tabStart = useRef<number | null>(null);
  const move = (key: NavKey, shift: boolean) => {
    if (key === 'Enter') {
      const start = tabStart.current;
      tabStart.current = null;
      setActive((p) => enterPos(p, start, shift, rows, 3, editable));
      return;
    }
    if (key === 'Tab') tabStart.current ??= active.col;
    else tabStart.current = null;
    setActive((p) => nextPos(p, key, shift, rows, 3, editable));
  };

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
    if (NAV_KEYS.has(e.key)) {
      // Shift + arrows select a block (to copy or clear); any other move drops the selection.
      if (e.shiftKey && e.key.startsWith('Arrow')) {
        e.preventDefault();
        setAnchor((a) => a ?? active);
        move(e.key as NavKey, false);
        return;
      }
      setAnchor(null);
      // Tab past the last (Shift+Tab before the first) editable cell leaves the grid, so the keyboard is never trapped.
      if (e.key === 'Tab') {
        const next = nextPos(active, 'Tab', e.shiftKey, rows, 3, editable);
        if (next.row === active.row && next.col === active.col) return;
      }
      e.preventDefault();
      move(e.key as NavKey, e.shiftKey);
      return;
    }
    if (e.key === 'F2') { e.preventDefault(); const { item, sex } = at(active); startEditing('edit', formatCell(cells.get(cellKey(item.code, sex)))); return; }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      // clears every editable cell of the selection, as one action (one undo)
      const keys: { item: string; sex: SexColumn; key: string }[] = [];
      for (let row = rect.top; row <= rect.bottom; row++) {
        for (let col = rect.left; col <= rect.right; col++) {
          if (!editable({ row, col })) continue;
          const { item, sex } = at({ row, col });
          keys.push({ item: item.code, sex, key: cellKey(item.code, sex) });
        }
      }
      const edits = keys.filter((k) => cells.has(k.key)).map((k) => ({ item: k.item, sex: k.sex, value: null, noData: null, raw: null }));
      if (edits.length > 0) props.onCommit(edits);
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

  /** Ctrl+C (or the menu): the selected block as Excel/WPS text; 无数据 and locked cells copy as they show. */
  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', rectToText(rect, (p) => {
      const { item, sex } = at(p);
      if (!item || !columnsOf(item).includes(sex)) return '';
      const key = cellKey(item.code, sex);
      return formatCell(cells.get(key));
    }));
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (readOnly) return;
    const text = e.clipboardData.getData('text/plain');
    if (editing && !/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    setEditing(null);
    const { placed, clipped } = placeBlock(parseClipboardBlock(text), rect.top, rect.left, rows, 3);
    const invalid = commitTexts(placed.map((p) => ({ pos: { row: p.row, col: p.col }, text: p.text })));
    if (clipped) props.onNotice(T.pasteClipped(clipped));
    else if (invalid) props.onNotice(T.pasteInvalid(invalid));
    gridRef.current?.focus();
  };

  return (
    <div className="data-grid" ref={gridRef} tabIndex={0} role="grid" aria-label={T.title} onKeyDown={onGridKey} onPaste={onPaste} onCopy={onCopy} data-testid="data-grid">
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
                  const select = (e: { shiftKey: boolean }) => { tabStart.current = null; setAnchor(e.shiftKey ? (anchor ?? active) : null); setActive({ row, col }); };
                  const inBlock = anchor !== null && inRect(rect, { row, col });
                  if (!cols.includes(sex)) return <td key={sex} className={`c-num locked${inBlock ? ' in-range' : ''}`} data-pos={`${row}-${col}`} onMouseDown={select}>{T.notCollected}</td>;
                  const cell = cells.get(key);
                  const cellIssues = issues.get(key) ?? [];
                  const isActive = active.row === row && active.col === col;
                  const source = lockedItems?.get(item.code);
                  const gap = source ? props.locked?.gaps.get(key) : undefined;
                  const cls = ['c-num', 'cell', source ? 'summed' : '', gap ? 'has-gap' : '',
                    isActive ? 'active' : '', inBlock ? 'in-range' : '',
                    cellIssues.some((i) => i.severity === 'error') ? 'has-error' : cellIssues.length ? 'has-warning' : '',
                    cell?.raw ? 'raw-text' : '', cell?.noData ? 'no-data' : '', cell?.prefilled ? 'prefilled' : ''].filter(Boolean).join(' ');
                  const title = [source ? MESSAGES.merge.entry.summedCell(source) : '', gap ? MESSAGES.merge.entry.gap(gap) : '', ...cellIssues.map((i) => i.message), cell?.noData ? `${T.noDataMark}：${cell.noData.reason}` : '', cell?.prefilled ? T.prefilledHint : ''].filter(Boolean).join('\n');
                  return (
                    <td key={sex} className={cls} data-pos={`${row}-${col}`} data-cell={key} title={title || undefined} data-source={source}
                      aria-invalid={cellIssues.some((i) => i.severity === 'error') ? true : undefined}
                      onMouseDown={(e) => { if (editing && !isActive) finishEditing(true); select(e); }}
                      onDoubleClick={() => startEditing('edit', formatCell(cell))}>
                      {isActive && editing ? (
                        <input ref={inputRef} className="cell-input" value={editing.text} aria-label={`${item.name} ${T.sexLabel[sex]}`}
                          onChange={(e) => { setEditing({ ...editing, text: e.target.value }); props.onTyping?.(item, sex, e.target.value); }}
                          onKeyDown={onInputKey} onBlur={() => finishEditing(true)} />
                      ) : formatCell(cell)}
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
