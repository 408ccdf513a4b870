// The import's reading half: bytes → a checked ReturnData and a cell-level report. Finds rows by their code (not
// by position: people insert rows and reformat), columns by their header text, identifies the return, reads every
// cell strictly, and runs the whole rule engine. A pure function of the bytes and the frameworks (plus optional
// region and history look-ups): no database writes, so a county batch merge can call it file after file.
import type { ImportReport } from '../../shared/api/excel-contract.ts';
import type { Framework, SexColumn } from '../../shared/framework/schema.ts';
import { cellKey, type Cell, type QualitativeAnswer, type QualitativeChoice, type ReturnData } from '../../shared/returns/schema.ts';
import { evaluateReturn } from '../../shared/rules/evaluate.ts';
import { SEX_LABEL } from '../../shared/rules/messages.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { returnChecksum } from './checksum.ts';
import { DEFAULT_LIMITS, type FileLimits } from './file-guards.ts';
import { identifyReturn, type RegionLookup } from './identify.ts';
import { HEADER_ALIASES, address, buildLayout, location, sexColumnsOf, type LayoutRow } from './layout.ts';
import { SELF_EXPLAINING_MARKS, noteText, readNumberCell, type CellNote } from './parse-cell.ts';
import { cellText, headerText, readWorkbookBytes, type GridCell, type GridSheet, type GridWorkbook } from './read-workbook.ts';
import { buildReport, locateProblems, type RawProblem } from './report.ts';
import type { WorkbookMeta } from './meta.ts';
import type { ReturnIdentity } from '../../shared/api/excel-contract.ts';

const P = MESSAGES.excel.problem;
const FORM = MESSAGES.excel.form;

export interface ReadContext {
  /** every framework version this computer has (an old return is read under its own version) */
  frameworks: readonly Framework[];
  /** the region table; unknown codes get a warning */
  region?: RegionLookup;
  /** the region's other returns, for 上年 and trend targets */
  history?: (planId: string, regionCode: string, year: number) => ReturnData[];
  limits?: Partial<FileLimits>;
}

export interface ParsedMeta {
  identity: ReturnIdentity;
  /** the hidden metadata sheet's contents, when present */
  workbookMeta: WorkbookMeta | null;
  checksum: { stated: string | null; actual: string };
  /** explanations of warnings read from the 校验结果 sheet, by target id */
  explanations: Record<string, string>;
  /** where each value was found: HD01.total / P01 / target id → 健康!E12 */
  addresses: Record<string, string>;
}

export interface ReadResult {
  report: ImportReport;
  /** the checked return; null when the file is unreadable, unidentified, or has any error */
  parsed: ReturnData | null;
  meta: ParsedMeta | null;
}

type ColKey = keyof typeof HEADER_ALIASES;
type ColumnMap = Partial<Record<ColKey, number>>;

interface RowRef { sheet: GridSheet; r: number; cols: ColumnMap }

const ITEM_CODE = /^[HECPSFVL]D\d{2}$/;
const INDICATOR_CODE = /^[HECPSFVL]\d{2}$/;
const TARGET_ID = /^([a-z]+)-([HECPSFVL])-([GM]\d{2})-(\d)$/i;
const DASHES = new Set(['—', '——', '-', '--', '－', '–', '…', '……', '...', '']);
const CHOICES: Record<string, QualitativeChoice> = { 已建立: 'done', 已实现: 'done', 推进中: 'in_progress', 未建立: 'not_done', 未实现: 'not_done' };

function normaliseCode(text: string): string {
  const t = text.replace(/\s+/g, '');
  const m = TARGET_ID.exec(t);
  if (m) return `${m[1].toLowerCase()}-${m[2].toUpperCase()}-${m[3].toUpperCase()}-${m[4]}`;
  return t.toUpperCase();
}

/** The column header: the row with a 代码 column, and the labels in it and the two rows below (two-row headers). */
function findHeader(sheet: GridSheet): { first: number; last: number; cols: ColumnMap } | null {
  const limit = Math.min(sheet.rows.length, 80);
  for (let r = 0; r < limit; r++) {
    const row = sheet.rows[r] ?? [];
    if (!row.some((c) => HEADER_ALIASES.code.includes(headerText(c)))) continue;
    const cols: ColumnMap = {};
    let last = r;
    for (let rr = r; rr < Math.min(r + 3, sheet.rows.length); rr++) {
      const cells = sheet.rows[rr] ?? [];
      let any = false;
      for (let c = 0; c < cells.length; c++) {
        const text = headerText(cells[c]);
        if (!text) continue;
        for (const key of Object.keys(HEADER_ALIASES) as ColKey[]) {
          if (HEADER_ALIASES[key].includes(text)) {
            any = true;
            // the leftmost label wins; 本年 and the 合计 below it land on the same column
            if (cols[key] === undefined) cols[key] = c;
          }
        }
      }
      if (any) last = rr;
      else if (rr > r) break;
    }
    return { first: r, last, cols };
  }
  return null;
}

const isFooter = (row: (GridCell | undefined)[]) =>
  row.some((c) => { const t = headerText(c); return t.startsWith('单位负责人') || /^说明[:：]/.test(t); });

interface Located {
  rows: Map<string, RowRef>;
  sheetsWithRows: Set<string>;
  problems: RawProblem[];
}

/** Finds every coded row in the area sheets. */
function locateRows(workbook: GridWorkbook, skip: Set<string>, framework: Framework): Located {
  const problems: RawProblem[] = [];
  const rows = new Map<string, RowRef>();
  const sheetsWithRows = new Set<string>();
  const items = new Set(framework.dataItems.map((d) => d.code));
  const indicators = new Set(framework.indicators.filter((i) => i.kind === 'qualitative').map((i) => i.code));
  const targets = new Set(framework.areas.flatMap((a) => a.targets).filter((t) => t.rule.kind === 'external').map((t) => t.id));
  for (const sheet of workbook.sheets) {
    if (skip.has(sheet.name)) continue;
    const header = findHeader(sheet);
    if (!header) {
      const hasCodes = sheet.rows.some((row) => row?.some((c) => ITEM_CODE.test(normaliseCode(cellText(c)))));
      if (hasCodes) problems.push({ severity: 'error', code: 'no_header_row', sheet: sheet.name, cell: null, item: null, message: P.noHeaderRow(sheet.name) });
      continue;
    }
    const { cols } = header;
    if (cols.total === undefined) {
      problems.push({ severity: 'error', code: 'no_header_row', sheet: sheet.name, cell: address(header.first + 1, (cols.code ?? 0) + 1), item: null, message: P.noHeaderRow(sheet.name) });
      continue;
    }
    let needsFemale = false;
    let needsMale = false;
    let needsNote = false;
    for (let r = header.last + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      if (isFooter(row)) break;
      const codeText = normaliseCode(cellText(row[cols.code!]));
      const valueTexts = (['total', 'female', 'male'] as const).map((k) => (cols[k] === undefined ? '' : cellText(row[cols[k]!])));
      const isKnown = items.has(codeText) || indicators.has(codeText) || targets.has(codeText);
      if (!isKnown) {
        if (ITEM_CODE.test(codeText) || INDICATOR_CODE.test(codeText) || TARGET_ID.test(codeText)) {
          problems.push({ severity: 'warning', code: 'unknown_code', sheet: sheet.name, cell: address(r + 1, cols.code! + 1), item: codeText, message: P.unknownCode(codeText) });
        } else if (codeText !== FORM.columnIndex.code && valueTexts.some((t) => !DASHES.has(t))) {
          const c = valueTexts.findIndex((t) => !DASHES.has(t));
          const col = cols[(['total', 'female', 'male'] as const)[c]]!;
          problems.push({ severity: 'warning', code: 'row_without_code', sheet: sheet.name, cell: address(r + 1, col + 1), item: null, message: P.rowWithoutCode });
        }
        continue;
      }
      const seen = rows.get(codeText);
      if (seen) {
        const first = location(seen.sheet.name, address(seen.r + 1, seen.cols.code! + 1));
        problems.push({ severity: 'error', code: 'duplicate_code', sheet: sheet.name, cell: address(r + 1, cols.code! + 1), item: codeText, message: P.duplicateCode(codeText, first) });
        continue;
      }
      rows.set(codeText, { sheet, r, cols });
      sheetsWithRows.add(sheet.name);
      if (items.has(codeText)) {
        const item = framework.dataItems.find((d) => d.code === codeText)!;
        if (item.sex !== 'single') needsFemale = true;
        if (item.sex === 'total_female_male') needsMale = true;
      }
      needsNote = true;
    }
    if (needsFemale && cols.female === undefined) problems.push({ severity: 'warning', code: 'missing_column', sheet: sheet.name, cell: null, item: null, message: P.missingColumn(sheet.name, SEX_LABEL.female) });
    if (needsMale && cols.male === undefined) problems.push({ severity: 'warning', code: 'missing_column', sheet: sheet.name, cell: null, item: null, message: P.missingColumn(sheet.name, SEX_LABEL.male) });
    if (needsNote && cols.note === undefined) problems.push({ severity: 'warning', code: 'missing_column', sheet: sheet.name, cell: null, item: null, message: P.missingColumn(sheet.name, FORM.headers.note) });
  }
  return { rows, sheetsWithRows, problems };
}

/** 合计：…；女：… → per column; a plain note → null (one reason for every marked cell). */
function splitReasons(note: string): Map<SexColumn, string> | null {
  if (!/^(合计|女|男)[:：]/.test(note)) return null;
  const out = new Map<SexColumn, string>();
  for (const part of note.split(/；(?=(?:合计|女|男)[:：])/)) {
    const m = /^(合计|女|男)[:：]([\s\S]*)$/.exec(part);
    if (!m) continue;
    const sex: SexColumn = m[1] === '合计' ? 'total' : m[1] === '女' ? 'female' : 'male';
    out.set(sex, m[2].trim());
  }
  return out;
}

const MAX_REASON = 200;
const MAX_QUALITATIVE_NOTE = 1000;
const MAX_EXPLANATION = 500;

interface Assembled { data: ReturnData; addresses: Record<string, string>; problems: RawProblem[] }

function assemble(located: Located, framework: Framework, identity: ReturnIdentity, source: 'typed' | 'csv'): Assembled {
  const problems: RawProblem[] = [];
  const cells: Cell[] = [];
  const qualitative: QualitativeAnswer[] = [];
  const thresholds: Record<string, number> = {};
  const addresses: Record<string, string> = {};
  const at = (ref: RowRef, col: number) => ({ sheet: ref.sheet.name, cell: address(ref.r + 1, col + 1) });
  const push = (ref: RowRef, col: number, item: string, notes: CellNote[]) => {
    for (const n of notes) problems.push({ ...n, ...at(ref, col), item });
  };
  const items = new Map(framework.dataItems.map((d) => [d.code, d]));
  const indicators = new Map(framework.indicators.map((i) => [i.code, i]));

  for (const [code, ref] of located.rows) {
    const row = ref.sheet.rows[ref.r] ?? [];
    const { cols } = ref;
    const item = items.get(code);
    if (item) {
      if (cols.unit !== undefined) {
        const written = headerText(row[cols.unit]);
        if (written && !DASHES.has(written) && written !== item.unit.normalize('NFKC').replace(/\s+/g, '')) {
          problems.push({ severity: 'warning', code: 'unit_mismatch', ...at(ref, cols.unit), item: code, message: P.unitMismatch(cellText(row[cols.unit]), item.unit) });
        }
      }
      const applicable = sexColumnsOf(item);
      const marks: { sex: SexColumn; mark: string; col: number }[] = [];
      for (const sex of ['total', 'female', 'male'] as const) {
        const col = cols[sex];
        if (col === undefined) continue;
        if (!applicable.includes(sex)) {
          const text = cellText(row[col]);
          if (!DASHES.has(text)) problems.push({ severity: 'warning', code: 'not_applicable_filled', ...at(ref, col), item: code, message: P.notApplicableFilled(SEX_LABEL[sex]) });
          continue;
        }
        addresses[cellKey(code, sex)] = location(ref.sheet.name, address(ref.r + 1, col + 1));
        const reading = readNumberCell(row[col], item, source);
        push(ref, col, code, reading.notes);
        if (reading.kind === 'value') cells.push({ item: code, sex, value: reading.value, noData: null, prefilled: false });
        else if (reading.kind === 'mark') marks.push({ sex, mark: reading.mark, col });
      }
      const note = cols.note === undefined ? { text: '', note: null } : noteText(row[cols.note]);
      if (note.note && cols.note !== undefined) push(ref, cols.note, code, [note.note]);
      if (marks.length > 0) {
        const perColumn = splitReasons(note.text);
        for (const m of marks) {
          const reason = perColumn ? (perColumn.get(m.sex) ?? '') : note.text;
          const finalReason = reason || (SELF_EXPLAINING_MARKS.has(m.mark) ? m.mark : '');
          if (!finalReason) {
            problems.push({ severity: 'error', code: 'no_data_without_reason', ...at(ref, m.col), item: code, message: P.noDataWithoutReason });
          } else if (finalReason.length > MAX_REASON) {
            problems.push({ severity: 'error', code: 'reason_too_long', ...at(ref, cols.note ?? m.col), item: code, message: P.reasonTooLong(MAX_REASON) });
          } else {
            cells.push({ item: code, sex: m.sex, value: null, noData: { reason: finalReason }, prefilled: false });
          }
        }
      } else if (note.text && cols.note !== undefined) {
        problems.push({ severity: 'warning', code: 'note_without_no_data', ...at(ref, cols.note), item: code, message: P.noteWithoutNoData });
      }
      continue;
    }
    const indicator = indicators.get(code);
    if (indicator && indicator.kind === 'qualitative') {
      const candidates = (['total', 'female', 'male'] as const).map((k) => cols[k]).filter((c): c is number => c !== undefined);
      const col = candidates.find((c) => cellText(row[c]) !== '') ?? cols.total!;
      addresses[code] = location(ref.sheet.name, address(ref.r + 1, cols.total! + 1));
      const text = cellText(row[col]).replace(/\s+/g, '');
      let choice: QualitativeChoice | null = null;
      if (text && !DASHES.has(text)) {
        choice = CHOICES[text] ?? null;
        if (!choice) {
          const labels = indicator.choices === 'mechanism' ? ['已建立', '推进中', '未建立'] : ['已实现', '推进中', '未实现'];
          problems.push({ severity: 'error', code: 'bad_choice', ...at(ref, col), item: code, message: P.badChoice(cellText(row[col]), labels) });
        }
      }
      const note = cols.note === undefined ? { text: '', note: null } : noteText(row[cols.note]);
      if (note.note && cols.note !== undefined) push(ref, cols.note, code, [note.note]);
      if (note.text.length > MAX_QUALITATIVE_NOTE) {
        problems.push({ severity: 'error', code: 'note_too_long', ...at(ref, cols.note!), item: code, message: P.noteTooLong(MAX_QUALITATIVE_NOTE) });
      } else if (choice !== null || note.text !== '') {
        qualitative.push({ indicator: code, choice, note: note.text });
      }
      continue;
    }
    // a threshold set by a higher level
    const col = cols.total!;
    addresses[code] = location(ref.sheet.name, address(ref.r + 1, col + 1));
    const reading = readNumberCell(row[col], { valueType: 'value', decimals: 4, unit: '' }, source);
    push(ref, col, code, reading.notes.map((n) => (n.severity === 'error' ? { ...n, message: P.badThreshold(n.message) } : n)));
    if (reading.kind === 'value') thresholds[code] = reading.value;
  }

  // rows the form expects but the file lacks
  const expected = buildLayout(framework, identity.level).sheets;
  for (const sheet of expected) {
    const coded = sheet.rows.filter((r): r is Extract<LayoutRow, { kind: 'item' | 'qualitative' | 'threshold' }> => r.kind === 'item' || r.kind === 'qualitative' || r.kind === 'threshold');
    const codeOf = (r: (typeof coded)[number]) => (r.kind === 'item' ? r.item.code : r.kind === 'qualitative' ? r.indicator.code : r.target.id);
    const missing = coded.filter((r) => !located.rows.has(codeOf(r)));
    if (missing.length === 0) continue;
    if (missing.length === coded.length) {
      problems.push({ severity: 'warning', code: 'area_missing', sheet: null, cell: null, item: null, message: P.areaMissing(MESSAGES.areaTitles[sheet.area], coded.length) });
      continue;
    }
    for (const r of missing) {
      const message = r.kind === 'item' ? P.itemMissing(r.item.code, r.item.name)
        : r.kind === 'qualitative' ? P.qualitativeMissing(r.indicator.code, r.indicator.name)
        : P.itemMissing(r.target.id, r.label);
      problems.push({ severity: 'warning', code: 'row_missing', sheet: null, cell: null, item: codeOf(r), message });
    }
  }

  const data: ReturnData = {
    planId: identity.planId, frameworkVersion: identity.frameworkVersion, regionCode: identity.regionCode,
    level: identity.level, year: identity.year, cells, qualitative, externalThresholds: thresholds,
  };
  return { data, addresses, problems };
}

/** 预警说明 by target id, from a 校验结果 sheet (目标编号 … 预警说明 columns). */
function readExplanations(sheet: GridSheet, framework: Framework, problems: RawProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  const ids = new Set(framework.areas.flatMap((a) => a.targets).map((t) => t.id));
  const [idHeader, textHeader] = [MESSAGES.excel.result.targetHeaders[0], MESSAGES.excel.result.targetHeaders[7]];
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const idCol = row.findIndex((c) => headerText(c) === idHeader);
    const textCol = row.findIndex((c) => headerText(c) === textHeader);
    if (idCol < 0 || textCol < 0) continue;
    for (let rr = r + 1; rr < sheet.rows.length; rr++) {
      const cells = sheet.rows[rr] ?? [];
      const id = normaliseCode(cellText(cells[idCol]));
      if (!ids.has(id)) continue;
      const { text } = noteText(cells[textCol]);
      if (!text) continue;
      if (text.length > MAX_EXPLANATION) problems.push({ severity: 'warning', code: 'explanation_too_long', sheet: sheet.name, cell: address(rr + 1, textCol + 1), item: id, message: P.explanationTooLong(id) });
      else out[id] = text;
    }
    break;
  }
  return out;
}

/** Sheets a merged (county or city) return adds after the form: 汇总说明, 数据来源, 分单位明细. Not read as data. */
const MERGE_SHEETS = new Set<string>(MESSAGES.merge.sheets.supplements);

const isResultSheet = (sheet: GridSheet) =>
  sheet.name === FORM.resultSheet || sheet.rows.slice(0, 200).some((row) => row?.some((c) => headerText(c) === MESSAGES.excel.result.targetHeaders[0]));

/**
 * Reads a return workbook (.xlsx, .xls or .csv bytes). Never throws for anything in the file: every problem is in
 * the report, with its sheet and cell. `parsed` is the checked return when there is no error at all.
 */
export function readReturnWorkbook(bytes: Uint8Array, fileName: string, ctx: ReadContext): ReadResult {
  try {
    return readUnguarded(bytes, fileName, ctx);
  } catch (error) {
    // a fault of ours, not of the file: still a verdict naming the file, never a crash or a partial result
    const problems = locateProblems([{ severity: 'error', code: 'internal', sheet: null, cell: null, item: null, message: P.internal(fileName, String((error as Error)?.message ?? error)) }], fileName, []);
    return { report: buildReport({ fileName, readable: false, identity: null, problems, evaluation: null, framework: null }), parsed: null, meta: null };
  }
}

function readUnguarded(bytes: Uint8Array, fileName: string, ctx: ReadContext): ReadResult {
  const limits = { ...DEFAULT_LIMITS, ...ctx.limits };
  const read = readWorkbookBytes(bytes, fileName, limits);
  if (!read.ok) {
    const problems = locateProblems([{ severity: 'error', code: read.code, sheet: read.sheet ?? null, cell: null, item: null, message: read.message }], fileName, []);
    return { report: buildReport({ fileName, readable: false, identity: null, problems, evaluation: null, framework: null }), parsed: null, meta: null };
  }
  const { workbook } = read;
  const order = workbook.sheets.map((s) => s.name);
  const { identified, problems: identityProblems } = identifyReturn(workbook, fileName, ctx.frameworks, ctx.region);
  if (!identified) {
    return { report: buildReport({ fileName, readable: true, identity: null, problems: locateProblems(identityProblems, fileName, order), evaluation: null, framework: null }), parsed: null, meta: null };
  }
  const { identity, framework } = identified;
  const resultSheets = workbook.sheets.filter(isResultSheet);
  const skip = new Set([...(identified.metaSheet ? [identified.metaSheet] : []), ...resultSheets.map((s) => s.name), ...order.filter((n) => MERGE_SHEETS.has(n))]);
  const located = locateRows(workbook, skip, framework);
  const problems: RawProblem[] = [...identityProblems, ...located.problems];
  if (located.rows.size === 0) {
    problems.push({ severity: 'error', code: 'no_items', sheet: null, cell: null, item: null, message: P.noItems(fileName) });
    return { report: buildReport({ fileName, readable: true, identity, problems: locateProblems(problems, fileName, order), evaluation: null, framework }), parsed: null, meta: null };
  }
  const assembled = assemble(located, framework, identity, workbook.kind === 'csv' ? 'csv' : 'typed');
  problems.push(...assembled.problems);
  const explanations: Record<string, string> = {};
  for (const sheet of resultSheets) Object.assign(explanations, readExplanations(sheet, framework, problems));

  const { data, addresses } = assembled;
  const actual = returnChecksum(data);
  const stated = identified.meta?.checksum ?? null;
  if (identified.meta?.kind === 'return') {
    problems.push(stated === actual
      ? { severity: 'info', code: 'checksum_matches', sheet: null, cell: null, item: null, message: P.checksumMatches }
      : { severity: 'warning', code: 'checksum_changed', sheet: null, cell: null, item: null, message: P.checksumChanged });
  }

  // the whole rule engine, on the values that could be read
  const history = ctx.history?.(identity.planId, identity.regionCode, identity.year) ?? [];
  const evaluation = evaluateReturn(framework, data, history);
  for (const issue of evaluation.issues) {
    const where = addresses[cellKey(issue.item, issue.sex)];
    const cut = where ? where.lastIndexOf('!') : -1;
    const [sheet, cell] = where && cut > 0 ? [where.slice(0, cut), where.slice(cut + 1)] : [null, null];
    problems.push({ severity: issue.severity, code: issue.code, sheet, cell, item: issue.item, message: issue.message });
  }

  const report = buildReport({ fileName, readable: true, identity, problems: locateProblems(problems, fileName, order), evaluation, framework });
  return {
    report,
    parsed: report.counts.errors === 0 ? data : null,
    meta: { identity, workbookMeta: identified.meta, checksum: { stated, actual }, explanations, addresses },
  };
}
