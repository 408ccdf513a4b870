// SQL of received files and submitted return versions (merging at a county or city). Plain functions.
import type { Database } from 'better-sqlite3';
import type { ReturnFooter } from '../../../shared/returns/footer.ts';
import type { Cell, PooledRatio, QualitativeAnswer, ReturnStatus } from '../../../shared/returns/schema.ts';

export type SupplierKind = 'township' | 'county' | 'department';
export type Verdict = 'accepted' | 'warnings' | 'rejected';

export interface SubmissionRow {
  id: number;
  officeCode: string;
  year: number;
  regionCode: string;
  supplierKind: SupplierKind;
  department: string;
  supplierName: string;
  planId: string;
  frameworkVersion: number;
  reportedOn: string | null;
  fileStatus: ReturnStatus | null;
  fileName: string;
  checksum: string;
  receivedAt: string;
  verdict: 'accepted' | 'warnings';
  isCurrent: boolean;
  chosenBy: 'auto' | 'user';
  /** when the file was made (export time, or the workbook's saved time), when known */
  madeAt: string | null;
  /** the footer the file came with (its 报出日期 is reportedOn) */
  footer: Omit<ReturnFooter, 'reportedOn'>;
  /** the checksum of the values as read (the township's own return has the same), when known */
  valuesChecksum: string | null;
}

interface RawSubmission {
  id: number;
  office_code: string;
  year: number;
  region_code: string;
  supplier_kind: SupplierKind;
  department: string;
  supplier_name: string;
  plan_id: string;
  framework_version: number;
  reported_on: string | null;
  file_status: ReturnStatus | null;
  file_name: string;
  checksum: string;
  received_at: string;
  verdict: 'accepted' | 'warnings';
  is_current: number;
  chosen_by: 'auto' | 'user';
  made_at: string | null;
  values_checksum: string | null;
  footer_head: string;
  footer_statistician: string;
  footer_filler: string;
  footer_phone: string;
}

const toSubmission = (r: RawSubmission): SubmissionRow => ({
  id: r.id,
  officeCode: r.office_code,
  year: r.year,
  regionCode: r.region_code,
  supplierKind: r.supplier_kind,
  department: r.department,
  supplierName: r.supplier_name,
  planId: r.plan_id,
  frameworkVersion: r.framework_version,
  reportedOn: r.reported_on,
  fileStatus: r.file_status,
  fileName: r.file_name,
  checksum: r.checksum,
  receivedAt: r.received_at,
  verdict: r.verdict,
  isCurrent: r.is_current === 1,
  chosenBy: r.chosen_by,
  madeAt: r.made_at,
  valuesChecksum: r.values_checksum,
  footer: { head: r.footer_head, statistician: r.footer_statistician, filler: r.footer_filler, phone: r.footer_phone },
});

const CELL_SQL =
  'INSERT OR REPLACE INTO submission_cells (submission_id, item, sex, value, no_data_reason) VALUES (?, ?, ?, ?, ?)';
/**
 * Cells go in blocks of these many rows per statement, largest first (a township's 47 cells: 32 + 8 + 4 + 2 + 1, five
 * statements). With one block size the rest went one row at a time: 47 statements a file, most of a merge's storing.
 */
const CELL_BLOCKS = [64, 32, 16, 8, 4, 2, 1];
const CELL_BLOCK_SQL = new Map(CELL_BLOCKS.map((n) => [n, `${CELL_SQL}${', (?, ?, ?, ?, ?)'.repeat(n - 1)}`]));

export type NewSubmission = Omit<SubmissionRow, 'id' | 'isCurrent' | 'chosenBy'>;

export function insertSubmission(
  db: Database,
  s: NewSubmission,
  cells: readonly Cell[],
  answers: readonly QualitativeAnswer[],
  pooled: Readonly<Record<string, PooledRatio>> = {},
): number {
  const info = db
    .prepare(`INSERT INTO submissions (office_code, year, region_code, supplier_kind, department, supplier_name, plan_id,
    framework_version, reported_on, file_status, file_name, checksum, received_at, verdict, made_at, footer_head, footer_statistician, footer_filler,
    footer_phone, values_checksum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(
      s.officeCode,
      s.year,
      s.regionCode,
      s.supplierKind,
      s.department,
      s.supplierName,
      s.planId,
      s.frameworkVersion,
      s.reportedOn,
      s.fileStatus,
      s.fileName,
      s.checksum,
      s.receivedAt,
      s.verdict,
      s.madeAt,
      s.footer.head,
      s.footer.statistician,
      s.footer.filler,
      s.footer.phone,
      s.valuesChecksum,
    );
  const id = Number(info.lastInsertRowid);
  const filled = cells.filter((c) => c.value !== null || c.noData !== null);
  let at = 0;
  for (const size of CELL_BLOCKS) {
    for (; at + size <= filled.length; at += size) {
      const params: (string | number | null)[] = [];
      for (let i = at; i < at + size; i++) {
        const c = filled[i];
        params.push(id, c.item, c.sex, c.value, c.noData?.reason ?? null);
      }
      db.prepare(CELL_BLOCK_SQL.get(size)!).run(params);
    }
  }
  const putAnswer = db.prepare(
    'INSERT OR REPLACE INTO submission_answers (submission_id, indicator, choice, note) VALUES (?, ?, ?, ?)',
  );
  for (const a of answers) putAnswer.run(id, a.indicator, a.choice, a.note);
  const putPooled =
    db.prepare(`INSERT INTO submission_pooled_ratios (submission_id, indicator, numerator_cell, denominator_cell, numerator, denominator,
    units, of_units, unit_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const putMissing = db.prepare(
    'INSERT INTO submission_pooled_missing (submission_id, indicator, seq, code, name) VALUES (?, ?, ?, ?, ?)',
  );
  for (const [indicator, p] of Object.entries(pooled)) {
    putPooled.run(
      id,
      indicator,
      p.numeratorCell,
      p.denominatorCell,
      p.numerator,
      p.denominator,
      p.units,
      p.of,
      p.unitLevel,
    );
    p.missingIn.forEach((m, seq) => {
      putMissing.run(id, indicator, seq, m.code, m.name);
    });
  }
  return id;
}

interface RawPooled {
  id: number;
  indicator: string;
  numerator_cell: string;
  denominator_cell: string;
  numerator: number | null;
  denominator: number | null;
  units: number;
  of_units: number;
  unit_level: 'township' | 'county';
}

/** Pooled ratios of many submissions at once (merged returns received from counties), by submission id. */
export function pooledOfSubmissions(db: Database, ids: readonly number[]): Map<number, Record<string, PooledRatio>> {
  const out = new Map<number, Record<string, PooledRatio>>();
  if (ids.length === 0) return out;
  const json = JSON.stringify(ids);
  const rows = db
    .prepare(`SELECT submission_id AS id, indicator, numerator_cell, denominator_cell, numerator, denominator, units, of_units, unit_level
    FROM submission_pooled_ratios WHERE submission_id IN (SELECT value FROM json_each(?)) ORDER BY submission_id, indicator`)
    .all(json) as RawPooled[];
  for (const r of rows) {
    const map = out.get(r.id) ?? {};
    map[r.indicator] = {
      numeratorCell: r.numerator_cell,
      denominatorCell: r.denominator_cell,
      numerator: r.numerator,
      denominator: r.denominator,
      units: r.units,
      of: r.of_units,
      unitLevel: r.unit_level,
      missingIn: [],
    };
    out.set(r.id, map);
  }
  const missing = db
    .prepare(`SELECT submission_id AS id, indicator, code, name FROM submission_pooled_missing
    WHERE submission_id IN (SELECT value FROM json_each(?)) ORDER BY submission_id, indicator, seq`)
    .all(json) as { id: number; indicator: string; code: string; name: string }[];
  for (const m of missing) out.get(m.id)?.[m.indicator]?.missingIn.push({ code: m.code, name: m.name });
  return out;
}

export function getSubmission(db: Database, id: number): SubmissionRow | null {
  const row = db.prepare('SELECT * FROM submissions WHERE id = ?').get(id) as RawSubmission | undefined;
  return row ? toSubmission(row) : null;
}

export function findByChecksum(db: Database, officeCode: string, checksum: string): SubmissionRow | null {
  const row = db
    .prepare('SELECT * FROM submissions WHERE office_code = ? AND checksum = ?')
    .get(officeCode, checksum) as RawSubmission | undefined;
  return row ? toSubmission(row) : null;
}

/** Every version received by an office for a year, by supplier, oldest first. */
export function listSubmissions(db: Database, officeCode: string, year: number): SubmissionRow[] {
  return (
    db
      .prepare('SELECT * FROM submissions WHERE office_code = ? AND year = ? ORDER BY region_code, department, id')
      .all(officeCode, year) as RawSubmission[]
  ).map(toSubmission);
}

/**
 * The suppliers (region code and department, as supplierKey makes them) of which an office holds any version for a
 * year: one query for a batch, so that storing the first version of a supplier asks nothing more.
 */
export function suppliersWithVersions(db: Database, officeCode: string, year: number): Set<string> {
  const rows = db
    .prepare('SELECT DISTINCT region_code, department FROM submissions WHERE office_code = ? AND year = ?')
    .raw()
    .all(officeCode, year) as [string, string][];
  return new Set(rows.map(([region, department]) => supplierKey(region, department)));
}

export const supplierKey = (regionCode: string, department: string) => `${regionCode}\u0000${department}`;

/** The versions of one supplier's return for a year, oldest first. */
export function versionsOf(
  db: Database,
  officeCode: string,
  year: number,
  regionCode: string,
  department: string,
): SubmissionRow[] {
  return (
    db
      .prepare(
        'SELECT * FROM submissions WHERE office_code = ? AND year = ? AND region_code = ? AND department = ? ORDER BY id',
      )
      .all(officeCode, year, regionCode, department) as RawSubmission[]
  ).map(toSubmission);
}

export function currentSubmissions(db: Database, officeCode: string, year: number): SubmissionRow[] {
  return (
    db
      .prepare(
        'SELECT * FROM submissions WHERE office_code = ? AND year = ? AND is_current = 1 ORDER BY region_code, department',
      )
      .all(officeCode, year) as RawSubmission[]
  ).map(toSubmission);
}

/** Years for which an office has received anything. */
export function yearsWithSubmissions(db: Database, officeCode: string): number[] {
  return (
    db.prepare('SELECT DISTINCT year FROM submissions WHERE office_code = ? ORDER BY year').all(officeCode) as {
      year: number;
    }[]
  ).map((r) => r.year);
}

/** Years in which returns of the office's children were entered on this computer (e.g. typed from paper). */
export function yearsWithLocalChildReturns(db: Database, officeCode: string): number[] {
  return (
    db
      .prepare(`SELECT DISTINCT r.year FROM returns r JOIN regions g ON g.code = r.region_code
    WHERE g.parent = ? AND g.level IN ('township', 'county') ORDER BY r.year`)
      .all(officeCode) as { year: number }[]
  ).map((r) => r.year);
}

/** Makes one version the current one of its supplier and year. */
export function makeCurrent(db: Database, s: SubmissionRow, chosenBy: 'auto' | 'user'): void {
  db.prepare(
    'UPDATE submissions SET is_current = 0 WHERE office_code = ? AND year = ? AND region_code = ? AND department = ? AND is_current = 1',
  ).run(s.officeCode, s.year, s.regionCode, s.department);
  db.prepare('UPDATE submissions SET is_current = 1, chosen_by = ? WHERE id = ?').run(chosenBy, s.id);
}

interface RawCell {
  item: string;
  sex: 'total' | 'female' | 'male';
  value: number | null;
  no_data_reason: string | null;
}

export function submissionCells(db: Database, id: number): Cell[] {
  return (
    db
      .prepare(
        'SELECT item, sex, value, no_data_reason FROM submission_cells WHERE submission_id = ? ORDER BY item, sex',
      )
      .all(id) as RawCell[]
  ).map(cellOf);
}

/** A stored cell as a return's cell (a received value is never prefilled nor kept as text). */
const cellOf = (c: RawCell): Cell => ({
  item: c.item,
  sex: c.sex,
  value: c.value,
  noData: c.no_data_reason === null ? null : { reason: c.no_data_reason },
  prefilled: false,
  raw: null,
});

/** Submissions whose cells or answers one statement reads: a slice's rows are read at once (.all()), not one by one. */
const SLICE = 500;

/** The ids in slices of SLICE, each as the JSON array json_each reads. */
const slices = (ids: readonly number[]) =>
  Array.from({ length: Math.ceil(ids.length / SLICE) }, (_, i) =>
    JSON.stringify(ids.slice(i * SLICE, (i + 1) * SLICE)),
  );

/**
 * Cells of many submissions at once, by submission id: one query per 500 submissions, whose rows are read in one
 * call. Reading them row by row (.iterate()) cost three to four times as long (300 returns' 14,100 cells: ~35 ms
 * against ~10); the slices keep what is held at once small however many returns a merge has.
 */
export function cellsOfSubmissions(db: Database, ids: readonly number[]): Map<number, Cell[]> {
  const out = new Map<number, Cell[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const stmt = db.prepare(`SELECT submission_id AS id, item, sex, value, no_data_reason FROM submission_cells
    WHERE submission_id IN (SELECT value FROM json_each(?))`);
  for (const json of slices(ids)) {
    for (const c of stmt.all(json) as (RawCell & { id: number })[]) out.get(c.id)!.push(cellOf(c));
  }
  return out;
}

export function submissionAnswers(db: Database, id: number): QualitativeAnswer[] {
  return db
    .prepare('SELECT indicator, choice, note FROM submission_answers WHERE submission_id = ? ORDER BY indicator')
    .all(id) as QualitativeAnswer[];
}

/** Answers of many submissions at once (one query per 500, not one per submission), by submission id. */
export function answersOfSubmissions(db: Database, ids: readonly number[]): Map<number, QualitativeAnswer[]> {
  const out = new Map<number, QualitativeAnswer[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const stmt = db.prepare(`SELECT submission_id AS id, indicator, choice, note FROM submission_answers
    WHERE submission_id IN (SELECT value FROM json_each(?)) ORDER BY submission_id, indicator`);
  for (const json of slices(ids))
    for (const a of stmt.all(json) as (QualitativeAnswer & { id: number })[])
      out.get(a.id)!.push({ indicator: a.indicator, choice: a.choice, note: a.note });
  return out;
}

export interface ReceivedFileRow {
  id: number;
  officeCode: string;
  year: number;
  fileName: string;
  checksum: string;
  sizeBytes: number;
  receivedAt: string;
  verdict: Verdict;
  submissionId: number | null;
  regionCode: string | null;
  fileYear: number | null;
}
export interface ProblemRow {
  severity: 'error' | 'warning' | 'info';
  location: string;
  message: string;
}

export function insertReceivedFile(
  db: Database,
  f: Omit<ReceivedFileRow, 'id'>,
  problems: readonly ProblemRow[],
): number {
  const info = db
    .prepare(`INSERT INTO received_files (office_code, year, file_name, checksum, size_bytes, received_at, verdict, submission_id,
    region_code, file_year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(
      f.officeCode,
      f.year,
      f.fileName,
      f.checksum,
      f.sizeBytes,
      f.receivedAt,
      f.verdict,
      f.submissionId,
      f.regionCode,
      f.fileYear,
    );
  const id = Number(info.lastInsertRowid);
  const put = db.prepare(
    'INSERT INTO received_file_problems (file_id, seq, severity, location, message) VALUES (?, ?, ?, ?, ?)',
  );
  problems.forEach((p, i) => {
    put.run(id, i + 1, p.severity, p.location, p.message);
  });
  return id;
}

export function listReceivedFiles(
  db: Database,
  officeCode: string,
  year: number,
  limit = 2000,
): (ReceivedFileRow & { problems: ProblemRow[] })[] {
  const rows = db
    .prepare(`SELECT id, office_code AS officeCode, year, file_name AS fileName, checksum, size_bytes AS sizeBytes, received_at AS receivedAt,
    verdict, submission_id AS submissionId, region_code AS regionCode, file_year AS fileYear
    FROM received_files WHERE office_code = ? AND year = ? ORDER BY id DESC LIMIT ?`)
    .all(officeCode, year, limit) as ReceivedFileRow[];
  const problems = db.prepare(
    'SELECT severity, location, message FROM received_file_problems WHERE file_id = ? ORDER BY seq',
  );
  return rows.map((r) => ({ ...r, problems: problems.all(r.id) as ProblemRow[] }));
}

export interface ItemSourceRow {
  item: string;
  kind: 'children' | 'department' | 'own' | 'none';
  department: string;
  contributors: number;
  children: number;
}

export interface MergedKey {
  officeCode: string;
  year: number;
  planId: string;
}

export function replaceItemSources(db: Database, key: MergedKey, sources: readonly ItemSourceRow[], at: string): void {
  db.prepare('DELETE FROM merged_item_sources WHERE office_code = ? AND year = ? AND plan_id = ?').run(
    key.officeCode,
    key.year,
    key.planId,
  );
  const put =
    db.prepare(`INSERT INTO merged_item_sources (office_code, year, plan_id, item, source_kind, department, contributors, children, merged_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const s of sources)
    put.run(key.officeCode, key.year, key.planId, s.item, s.kind, s.department, s.contributors, s.children, at);
}

export function itemSourcesOf(db: Database, key: MergedKey): ItemSourceRow[] {
  return db
    .prepare(`SELECT item, source_kind AS kind, department, contributors, children FROM merged_item_sources
    WHERE office_code = ? AND year = ? AND plan_id = ? ORDER BY item`)
    .all(key.officeCode, key.year, key.planId) as ItemSourceRow[];
}

export interface LocalChildReturn {
  id: number;
  regionCode: string;
  planId: string;
  frameworkVersion: number;
  status: ReturnStatus;
  updatedAt: string;
}

/** Returns of the office's children held in the returns table (entered here, or imported one file at a time). */
export function localChildReturns(
  db: Database,
  officeCode: string,
  childLevel: 'township' | 'county',
  year: number,
): LocalChildReturn[] {
  return db
    .prepare(`SELECT r.id, r.region_code AS regionCode, r.plan_id AS planId, r.framework_version AS frameworkVersion, r.status,
    r.updated_at AS updatedAt FROM returns r JOIN regions g ON g.code = r.region_code
    WHERE g.parent = ? AND g.level = ? AND r.year = ? ORDER BY r.region_code, r.id`)
    .all(officeCode, childLevel, year) as LocalChildReturn[];
}
