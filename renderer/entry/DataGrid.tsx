// The spreadsheet-like grid of one area's data items: 合计 / 女 / 男 columns, worked like Excel / WPS from the
// keyboard and the mouse. The keyboard goes to one hidden text input that always has the focus and sits over the
// active cell (as the well-known web grids do): a key or an input method's composition starts editing right there,
// so typing 无 with a pinyin IME into a cell not yet being edited gives 无, never a stray "w".
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { CellEdit } from '../../shared/api/returns-contract.ts';
import { SEX_COLUMNS, sexColumnsOf, type DataItem, type SexColumn } from '../../shared/framework/schema.ts';
import { APP_LOCALE, MESSAGES } from '../../shared/messages.ts';
import { parseClipboardBlock, placeBlock } from '../../shared/returns/paste.ts';
import { parseNumberInput } from '../../shared/returns/parse-number.ts';
import { cellKey, type Cell } from '../../shared/returns/schema.ts';
import type { CellIssue } from '../../shared/rules/result.ts';
import { GridMenu, type GridMenuAction } from './GridMenu.tsx';
import {
  ctrlJump,
  enterPos,
  fillDown,
  inRect,
  nextPos,
  pagePos,
  rectPositions,
  rectToText,
  selectionRect,
  selectionStats,
  type GridPos,
  type GridRect,
  type NavKey,
} from './grid-nav.ts';

const T = MESSAGES.entry;
const SEXES = SEX_COLUMNS;
const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Tab', 'Enter', 'Home', 'End']);
const PAGE_ROWS = 10;

interface Editing {
  text: string;
  mode: 'enter' | 'edit';
}

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
  /** the right-click menu's 查看本格修改记录 */
  onCellHistory?: (item: DataItem, sex: SexColumn) => void;
  /** items this office does not enter (summed from townships, or a department's): read-only, with source and gaps */
  locked?: { sources: Map<string, string>; gaps: Map<string, string> };
  /** the text being typed into a cell (null when editing ends), so computed indicators can follow it live */
  onTyping?: (item: DataItem, sex: SexColumn, text: string | null) => void;
}

/** The text a cell is edited and copied as: its number (no separators), 无数据, or the raw text typed. */
const formatCell = (cell: Cell | undefined): string =>
  !cell
    ? ''
    : cell.raw !== null
      ? cell.raw
      : cell.noData
        ? T.noDataMark
        : cell.value === null
          ? ''
          : String(cell.value);

const GROUPED = new Intl.NumberFormat(APP_LOCALE, { useGrouping: true, maximumFractionDigits: 4 });
/** What a cell shows: counts and amounts with thousands separators (as the Excel export has them). */
const displayCell = (cell: Cell | undefined): string =>
  cell && cell.raw === null && !cell.noData && cell.value !== null ? GROUPED.format(cell.value) : formatCell(cell);

/** Longest text a cell keeps as typed (the back end's limit). */
const MAX_RAW = 200;

export function DataGrid(props: DataGridProps) {
  const { items, cells, previous, issues, readOnly } = props;
  const [active, setActive] = useState<GridPos>({ row: 0, col: 0 });
  /** the other corner of a selected block (null: just the active cell) */
  const [anchor, setAnchor] = useState<GridPos | null>(null);
  const rect = selectionRect(anchor, active);
  const [editing, setEditingState] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(null);
  // stable (refs and a state setter only), so effects may name them without running again on every render
  const setEditing = useCallback((next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  }, []);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [inputBox, setInputBox] = useState({ top: 0, left: 0, width: 0, height: 0 });
  /** the cell a mouse drag started in, while the button is down */
  const dragging = useRef<GridPos | null>(null);
  /** the column where a run of Tabs started: Enter goes back to it on the next row (Excel / WPS) */
  const tabStart = useRef<number | null>(null);
  const rows = items.length;

  const lockedItems = props.locked?.sources;
  const editable = useMemo(
    () => (p: GridPos) =>
      !readOnly &&
      !!items[p.row] &&
      !lockedItems?.has(items[p.row].code) &&
      sexColumnsOf(items[p.row]).includes(SEXES[p.col]),
    [items, readOnly, lockedItems],
  );
  const at = (p: GridPos) => ({ item: items[p.row], sex: SEXES[p.col] });
  const cellAt = (p: GridPos) =>
    items[p.row] && sexColumnsOf(items[p.row]).includes(SEXES[p.col])
      ? cells.get(cellKey(items[p.row].code, SEXES[p.col]))
      : undefined;
  const cellId = (p: GridPos) => `grid-cell-${p.row}-${p.col}`;
  const focusInput = useCallback(() => inputRef.current?.focus({ preventScroll: true }), []);

  useEffect(() => {
    if (active.row >= rows) setActive({ row: Math.max(0, rows - 1), col: 0 });
  }, [rows, active.row]);

  // the parent's callback as of the latest render: telling it of a move does not depend on its identity
  const onActiveChange = useRef(props.onActiveChange);
  useLayoutEffect(() => {
    onActiveChange.current = props.onActiveChange;
  });
  useEffect(() => {
    const item = items[active.row];
    if (item) onActiveChange.current(item, SEXES[active.col]);
    gridRef.current
      ?.querySelector(`[data-pos="${active.row}-${active.col}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active, items]);

  // the hidden input sits over the active cell, so an IME's candidate window opens there and editing shows in place;
  // measured again when the rows or the editing state change the layout
  const isEditing = editing !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: rows and the editing state move the active cell on screen; measured again when they change
  useLayoutEffect(() => {
    const grid = gridRef.current;
    const td = grid?.querySelector<HTMLElement>(`[data-pos="${active.row}-${active.col}"]`);
    if (!grid || !td) return;
    const g = grid.getBoundingClientRect();
    const c = td.getBoundingClientRect();
    setInputBox({
      top: c.top - g.top + grid.scrollTop - grid.clientTop,
      left: c.left - g.left + grid.scrollLeft - grid.clientLeft,
      width: c.width,
      height: c.height,
    });
  }, [active, items, isEditing]);

  useEffect(() => {
    const f = props.focus;
    if (!f) return;
    const row = items.findIndex((i) => i.code === f.item);
    if (row >= 0) {
      setEditing(null);
      setAnchor(null);
      setActive({ row, col: SEXES.indexOf(f.sex) });
      focusInput();
    }
  }, [props.focus, items, focusInput, setEditing]);

  useEffect(() => {
    const up = () => {
      dragging.current = null;
    };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

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
      if (typed === T.noDataShort || typed === T.noDataMark) {
        props.onNoData(item, sex);
        continue;
      }
      const parsed = parseNumberInput(text, { valueType: item.valueType, decimals: item.decimals, unit: item.unit });
      if (!parsed.ok) {
        invalid++;
        const raw = typed.slice(0, MAX_RAW);
        if (current?.raw !== raw) edits.push({ item: item.code, sex, value: null, noData: null, raw });
        continue;
      }
      if (current && !current.noData && current.raw === null && current.value === parsed.value && !current.prefilled)
        continue;
      if (!current && parsed.value === null) continue;
      edits.push({ item: item.code, sex, value: parsed.value, noData: null, raw: null });
    }
    if (edits.length > 0) props.onCommit(edits);
    return invalid;
  };

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
  /** a move that extends the selection when Shift is held, and drops it otherwise */
  const goTo = (p: GridPos, extend: boolean) => {
    tabStart.current = null;
    if (extend) setAnchor((a) => a ?? active);
    else setAnchor(null);
    setActive(p);
  };

  const refuseEdit = () => {
    const source = items[active.row] ? lockedItems?.get(items[active.row].code) : undefined;
    props.onNotice(readOnly ? T.locked : source ? MESSAGES.merge.entry.summedCell(source) : T.cellLocked);
  };

  const startEditing = (mode: Editing['mode'], text: string) => {
    if (!editable(active)) {
      refuseEdit();
      return false;
    }
    setEditing({ mode, text });
    props.onTyping?.(items[active.row], SEXES[active.col], text);
    return true;
  };

  const finishEditing = (commit: boolean, then?: () => void) => {
    const current = editingRef.current;
    if (!current) return;
    setEditing(null);
    if (items[active.row]) props.onTyping?.(items[active.row], SEXES[active.col], null);
    if (commit) commitTexts([{ pos: active, text: current.text }]);
    then?.();
  };

  /** the selection's editable cells, cleared as one action (one undo) */
  const clearSelection = (r: GridRect = rect) => {
    const edits = rectPositions(r)
      .filter(editable)
      .map(at)
      .filter(({ item, sex }) => cells.has(cellKey(item.code, sex)))
      .map(({ item, sex }) => ({ item: item.code, sex, value: null, noData: null, raw: null }));
    if (edits.length > 0) props.onCommit(edits);
  };

  const selectionText = () =>
    rectToText(rect, (p) => {
      const { item, sex } = at(p);
      if (!item || !sexColumnsOf(item).includes(sex)) return '';
      return formatCell(cells.get(cellKey(item.code, sex)));
    });

  /** Pasted text: a block from Excel / WPS from the selection's top-left; one value fills the whole selection. */
  const pasteText = (text: string) => {
    if (readOnly) {
      props.onNotice(T.locked);
      return;
    }
    const block = parseClipboardBlock(text);
    if (block.length === 1 && block[0].length === 1 && (rect.bottom > rect.top || rect.right > rect.left)) {
      const invalid = commitTexts(rectPositions(rect).map((pos) => ({ pos, text: block[0][0] })));
      if (invalid) props.onNotice(T.pasteInvalid(invalid));
      return;
    }
    const { placed, clipped } = placeBlock(block, rect.top, rect.left, rows, 3);
    const invalid = commitTexts(placed.map((p) => ({ pos: { row: p.row, col: p.col }, text: p.text })));
    if (clipped) props.onNotice(T.pasteClipped(clipped));
    else if (invalid) props.onNotice(T.pasteInvalid(invalid));
  };

  const openMenuAt = (x: number, y: number) => {
    finishEditing(true);
    setMenu({ x, y });
  };

  const onNavKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const ctrl = e.ctrlKey || e.metaKey;
    const key = e.key;
    if (ctrl && (key === 'z' || key === 'Z')) {
      e.preventDefault();
      if (e.shiftKey) props.onRedo();
      else props.onUndo();
      return;
    }
    if (ctrl && (key === 'y' || key === 'Y')) {
      e.preventDefault();
      props.onRedo();
      return;
    }
    if (ctrl && (key === 'a' || key === 'A')) {
      e.preventDefault();
      tabStart.current = null;
      setAnchor({ row: Math.max(rows - 1, 0), col: 2 });
      setActive({ row: 0, col: 0 });
      return;
    }
    if (ctrl && (key === 'd' || key === 'D')) {
      e.preventDefault();
      const invalid = commitTexts(fillDown(rect, (p) => formatCell(cellAt(p))).filter((f) => editable(f.pos)));
      if (invalid) props.onNotice(T.pasteInvalid(invalid));
      return;
    }
    if (ctrl && key.startsWith('Arrow')) {
      e.preventDefault();
      goTo(
        ctrlJump(active, key as 'ArrowUp', rows, 3, (p) => !!cellAt(p)),
        e.shiftKey,
      );
      return;
    }
    if (ctrl && (key === 'Home' || key === 'End')) {
      e.preventDefault();
      goTo(key === 'Home' ? { row: 0, col: 0 } : { row: Math.max(rows - 1, 0), col: 2 }, e.shiftKey);
      return;
    }
    if (key === 'PageDown' || key === 'PageUp') {
      e.preventDefault();
      goTo(pagePos(active, key === 'PageDown', PAGE_ROWS, rows), e.shiftKey);
      return;
    }
    if (key === 'End' && !ctrl) {
      // the last column this item has (a 合计/女 item ends at 女)
      e.preventDefault();
      const item = items[active.row];
      goTo({ row: active.row, col: item ? sexColumnsOf(item).length - 1 : 2 }, e.shiftKey);
      return;
    }
    if (key === 'ContextMenu' || (e.shiftKey && key === 'F10')) {
      e.preventDefault();
      const box = inputRef.current?.getBoundingClientRect();
      if (box) openMenuAt(box.left + 8, box.bottom);
      return;
    }
    if (NAV_KEYS.has(key)) {
      // Shift + arrows select a block (to copy or clear); any other move drops the selection.
      if (e.shiftKey && key.startsWith('Arrow')) {
        e.preventDefault();
        setAnchor((a) => a ?? active);
        move(key as NavKey, false);
        return;
      }
      setAnchor(null);
      // Tab past the last (Shift+Tab before the first) editable cell leaves the grid, so the keyboard is never trapped.
      if (key === 'Tab') {
        const next = nextPos(active, 'Tab', e.shiftKey, rows, 3, editable);
        if (next.row === active.row && next.col === active.col) return;
      }
      e.preventDefault();
      move(key as NavKey, e.shiftKey);
      return;
    }
    if (key === 'Escape') {
      setAnchor(null);
      return;
    }
    if (key === 'F2') {
      e.preventDefault();
      startEditing('edit', formatCell(cellAt(active)));
      return;
    }
    if (key === 'Delete' || key === 'Backspace') {
      e.preventDefault();
      if (readOnly) refuseEdit();
      else clearSelection();
      return;
    }
    // A printable key (or an IME's composition) goes into the input, whose change starts editing (onChange).
    if (key.length === 1 && !ctrl && !e.altKey && !editable(active)) {
      e.preventDefault();
      refuseEdit();
    }
  };

  const onEditKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      finishEditing(false);
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      // Ctrl+Enter: what was typed into every cell of the selection, as one action
      e.preventDefault();
      const text = editingRef.current?.text ?? '';
      setEditing(null);
      if (items[active.row]) props.onTyping?.(items[active.row], SEXES[active.col], null);
      const invalid = commitTexts(rectPositions(rect).map((pos) => ({ pos, text })));
      if (invalid) props.onNotice(T.pasteInvalid(invalid));
      return;
    }
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      finishEditing(true, () => move(e.key as NavKey, e.shiftKey));
      return;
    }
    if (editingRef.current?.mode === 'enter' && e.key.startsWith('Arrow')) {
      e.preventDefault();
      finishEditing(true, () => {
        setAnchor(null);
        move(e.key as NavKey, false);
      });
    }
  };

  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // keys that confirm an IME's candidate belong to the IME
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (editingRef.current) onEditKey(e);
    else onNavKey(e);
  };

  const onInputChange = (text: string) => {
    if (!editingRef.current) {
      if (!startEditing('enter', text)) return;
      return;
    }
    setEditing({ ...editingRef.current, text });
    if (items[active.row]) props.onTyping?.(items[active.row], SEXES[active.col], text);
  };

  /** Ctrl+C (or the menu): the selected block as Excel/WPS text; 无数据 and locked cells copy as they show. */
  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editingRef.current) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', selectionText());
  };
  /** Ctrl+X: copied, then cleared as one action */
  const onCut = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editingRef.current) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', selectionText());
    if (readOnly) refuseEdit();
    else clearSelection();
  };
  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (editingRef.current && !/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    setEditing(null);
    pasteText(text);
  };

  const onMenu = async (action: GridMenuAction) => {
    setMenu(null);
    focusInput();
    const { item, sex } = at(active);
    try {
      if (action === 'copy') await navigator.clipboard.writeText(selectionText());
      else if (action === 'cut') {
        await navigator.clipboard.writeText(selectionText());
        if (readOnly) refuseEdit();
        else clearSelection();
      } else if (action === 'paste') pasteText(await navigator.clipboard.readText());
      else if (action === 'clear') {
        if (readOnly) refuseEdit();
        else clearSelection();
      } else if (action === 'noData') {
        if (editable(active)) props.onNoData(item, sex);
        else refuseEdit();
      } else if (action === 'history' && item) props.onCellHistory?.(item, sex);
    } catch {
      props.onNotice(T.clipboardDenied);
    }
  };

  const onCellMouseDown = (e: MouseEvent<HTMLTableCellElement>, pos: GridPos) => {
    e.preventDefault(); // the focus stays in the grid's input
    focusInput();
    if (e.button === 2) {
      if (!inRect(rect, pos)) {
        setAnchor(null);
        setActive(pos);
      }
      return;
    }
    if (editingRef.current && (pos.row !== active.row || pos.col !== active.col)) finishEditing(true);
    tabStart.current = null;
    if (e.shiftKey) {
      setAnchor((a) => a ?? active);
      setActive(pos);
      return;
    }
    setAnchor(null);
    setActive(pos);
    dragging.current = pos;
  };
  const onCellMouseEnter = (pos: GridPos) => {
    const start = dragging.current;
    if (!start) return;
    // the active cell stays where the drag started; the selection runs to the cell under the mouse
    setAnchor(start.row === pos.row && start.col === pos.col ? null : pos);
  };

  const { top, left, bottom, right } = rect;
  const stats = useMemo(() => {
    if (top === bottom && left === right) return null;
    const values: (number | null)[] = [];
    let nonEmpty = 0;
    for (const p of rectPositions({ top, left, bottom, right })) {
      const item = items[p.row];
      const c =
        item && sexColumnsOf(item).includes(SEXES[p.col]) ? cells.get(cellKey(item.code, SEXES[p.col])) : undefined;
      if (!c) continue;
      nonEmpty++;
      values.push(c.raw === null && !c.noData ? c.value : null);
    }
    return selectionStats(values, nonEmpty);
  }, [top, left, bottom, right, cells, items]);

  const activeItem = items[active.row];
  const activeLabel = activeItem ? `${activeItem.name} ${T.sexLabel[SEXES[active.col]]}` : '';

  return (
    <div className="data-grid-wrap">
      {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/useAriaActivedescendantWithTabindex: the ARIA grid pattern; focus stays in the editing input laid over the active cell, which aria-activedescendant names */}
      <div
        className="data-grid"
        ref={gridRef}
        role="grid"
        aria-label={T.title}
        aria-activedescendant={cellId(active)}
        data-testid="data-grid"
        onCopy={onCopy}
        onCut={onCut}
        onPaste={onPaste}
        onContextMenu={(e) => {
          e.preventDefault();
          openMenuAt(e.clientX, e.clientY);
        }}
        onFocus={(e) => {
          if (e.target === gridRef.current) focusInput();
        }}
      >
        <input
          ref={inputRef}
          className={editing ? 'grid-input editing' : 'grid-input'}
          data-testid="grid-input"
          style={{ top: inputBox.top, left: inputBox.left, width: inputBox.width, height: inputBox.height }}
          value={editing ? editing.text : ''}
          aria-label={T.gridInput(activeLabel)}
          aria-activedescendant={cellId(active)}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onInputChange(e.target.value)}
          onCompositionStart={() => {
            if (!editingRef.current && !startEditing('enter', '')) inputRef.current?.blur();
          }}
          onKeyDown={onInputKey}
          onBlur={() => finishEditing(true)}
        />
        <table className="grid entry-grid">
          <thead>
            <tr>
              <th className="c-code">{T.columns.code}</th>
              <th>{T.columns.item}</th>
              <th className="c-unit">{T.columns.unit}</th>
              {SEXES.map((s) => (
                <th key={s} className="c-num">
                  {T.columns[s]}
                </th>
              ))}
              <th className="c-prev">{T.columns.previous}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, row) => {
              const cols = sexColumnsOf(item);
              const prevTotal = previous.get(cellKey(item.code, 'total'));
              const prevFemale = previous.get(cellKey(item.code, 'female'));
              return (
                <tr key={item.code} data-item={item.code}>
                  <td className="c-code">{item.code}</td>
                  <td title={item.note}>
                    {item.name}
                    {item.note && (
                      <span className="hint" aria-hidden>
                        ⓘ
                      </span>
                    )}
                  </td>
                  <td className="c-unit">{item.unit}</td>
                  {SEXES.map((sex, col) => {
                    const key = cellKey(item.code, sex);
                    const pos = { row, col };
                    const inBlock = anchor !== null && inRect(rect, pos);
                    const isActive = active.row === row && active.col === col;
                    const common = {
                      id: cellId(pos),
                      role: 'gridcell',
                      'data-pos': `${row}-${col}`,
                      'aria-selected': inBlock || isActive,
                      onMouseDown: (e: MouseEvent<HTMLTableCellElement>) => onCellMouseDown(e, pos),
                      onMouseEnter: () => onCellMouseEnter(pos),
                    };
                    if (!cols.includes(sex))
                      return (
                        <td
                          key={sex}
                          {...common}
                          className={`c-num locked${inBlock ? ' in-range' : ''}${isActive ? ' active-locked' : ''}`}
                        >
                          {T.notCollected}
                        </td>
                      );
                    const cell = cells.get(key);
                    const cellIssues = issues.get(key) ?? [];
                    const source = lockedItems?.get(item.code);
                    const gap = source ? props.locked?.gaps.get(key) : undefined;
                    const cls = [
                      'c-num',
                      'cell',
                      source ? 'summed' : '',
                      gap ? 'has-gap' : '',
                      isActive ? 'active' : '',
                      inBlock ? 'in-range' : '',
                      cellIssues.some((i) => i.severity === 'error')
                        ? 'has-error'
                        : cellIssues.length
                          ? 'has-warning'
                          : '',
                      cell?.raw ? 'raw-text' : '',
                      cell?.noData ? 'no-data' : '',
                      cell?.prefilled ? 'prefilled' : '',
                    ]
                      .filter(Boolean)
                      .join(' ');
                    const title = [
                      source ? MESSAGES.merge.entry.summedCell(source) : '',
                      gap ? MESSAGES.merge.entry.gap(gap) : '',
                      ...cellIssues.map((i) => i.message),
                      cell?.noData ? `${T.noDataMark}：${cell.noData.reason}` : '',
                      cell?.prefilled ? T.prefilledHint : '',
                    ]
                      .filter(Boolean)
                      .join('\n');
                    return (
                      <td
                        key={sex}
                        {...common}
                        className={cls}
                        data-cell={key}
                        title={title || undefined}
                        data-source={source}
                        aria-invalid={cellIssues.some((i) => i.severity === 'error') ? true : undefined}
                        onDoubleClick={() => startEditing('edit', formatCell(cell))}
                      >
                        {displayCell(cell)}
                      </td>
                    );
                  })}
                  <td className="c-prev muted">
                    {prevTotal?.value !== undefined && prevTotal?.value !== null ? GROUPED.format(prevTotal.value) : ''}
                    {prevFemale?.value !== undefined && prevFemale?.value !== null
                      ? ` / ${GROUPED.format(prevFemale.value)}`
                      : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {stats && (
        <div className="selection-stats" data-testid="selection-stats" role="status" aria-label={T.stats.label}>
          <span>
            {T.stats.sum}：{GROUPED.format(stats.sum)}
          </span>
          <span>
            {T.stats.count}：{stats.count}
          </span>
          {stats.average !== null && (
            <span>
              {T.stats.average}：{GROUPED.format(Math.round(stats.average * 100) / 100)}
            </span>
          )}
        </div>
      )}
      {menu && (
        <GridMenu
          x={menu.x}
          y={menu.y}
          readOnly={readOnly}
          onAction={(a) => void onMenu(a)}
          onClose={() => {
            setMenu(null);
            focusInput();
          }}
        />
      )}
    </div>
  );
}
