// SQL of returns and everything entered in them. Plain functions over prepared statements.
import type { Database } from 'better-sqlite3';
import type { ReturnFooter } from '../../../shared/returns/footer.ts';
import type { Cell, QualitativeAnswer, ReturnStatus } from '../../../shared/returns/schema.ts';

/** How a status is stored: the entry workflow in returns.status, the office's decision (被退回 / 审核通过) in returns.review. */
const STORED: Record<
  ReturnStatus,
  { status: 'draft' | 'checked' | 'submitted'; review: 'returned' | 'accepted' | null }
> = {
  draft: { status: 'draft', review: null },
  checked: { status: 'checked', review: null },
  submitted: { status: 'submitted', review: null },
  returned: { status: 'draft', review: 'returned' },
  accepted: { status: 'submitted', review: 'accepted' },
};

export interface ReturnRow {
  id: number;
  planId: string;
  frameworkVersion: number;
  regionCode: string;
  level: 'township' | 'county' | 'city';
  year: number;
  status: ReturnStatus;
  createdAt: string;
  updatedAt: string;
}

interface RawReturn {
  id: number;
  plan_id: string;
  framework_version: number;
  region_code: string;
  level: 'township' | 'county' | 'city';
  year: number;
  status: 'draft' | 'checked' | 'submitted';
  review: 'returned' | 'accepted' | null;
  created_at: string;
  updated_at: string;
}
const toReturn = (r: RawReturn): ReturnRow => ({
  id: r.id,
  planId: r.plan_id,
  frameworkVersion: r.framework_version,
  regionCode: r.region_code,
  level: r.level,
  year: r.year,
  status: r.review ?? r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function findReturn(db: Database, regionCode: string, year: number, planId: string): ReturnRow | null {
  const row = db
    .prepare('SELECT * FROM returns WHERE region_code = ? AND year = ? AND plan_id = ?')
    .get(regionCode, year, planId) as RawReturn | undefined;
  return row ? toReturn(row) : null;
}

export function getReturn(db: Database, id: number): ReturnRow | null {
  const row = db.prepare('SELECT * FROM returns WHERE id = ?').get(id) as RawReturn | undefined;
  return row ? toReturn(row) : null;
}

export function listReturns(db: Database, regionCode?: string): ReturnRow[] {
  const rows = regionCode
    ? db.prepare('SELECT * FROM returns WHERE region_code = ? ORDER BY year DESC').all(regionCode)
    : db.prepare('SELECT * FROM returns ORDER BY region_code, year DESC').all();
  return (rows as RawReturn[]).map(toReturn);
}

/** Earlier returns of the same region and plan (any framework version), newest first. */
export function historyOf(db: Database, ret: ReturnRow): ReturnRow[] {
  return (
    db
      .prepare('SELECT * FROM returns WHERE region_code = ? AND plan_id = ? AND year < ? ORDER BY year DESC')
      .all(ret.regionCode, ret.planId, ret.year) as RawReturn[]
  ).map(toReturn);
}

export function insertReturn(
  db: Database,
  r: Omit<ReturnRow, 'id' | 'status' | 'updatedAt'> & { status?: ReturnStatus },
): number {
  const stored = STORED[r.status ?? 'draft'];
  const info = db
    .prepare(`INSERT INTO returns (plan_id, framework_version, region_code, level, year, status, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(r.planId, r.frameworkVersion, r.regionCode, r.level, r.year, stored.status, r.createdAt, r.createdAt);
  const id = Number(info.lastInsertRowid);
  if (stored.review) db.prepare('UPDATE returns SET review = ? WHERE id = ?').run(stored.review, id);
  return id;
}

export function touchReturn(db: Database, id: number, at: string): void {
  db.prepare('UPDATE returns SET updated_at = ? WHERE id = ?').run(at, id);
}

export function setReturnStatus(db: Database, id: number, status: ReturnStatus, at: string): void {
  const stored = STORED[status];
  db.prepare('UPDATE returns SET status = ?, review = ?, updated_at = ? WHERE id = ?').run(
    stored.status,
    stored.review,
    at,
    id,
  );
}

interface RawCell {
  item: string;
  sex: 'total' | 'female' | 'male';
  value: number | null;
  no_data_reason: string | null;
  prefilled: number;
  raw_text: string | null;
}
const toCell = (c: RawCell): Cell => ({
  item: c.item,
  sex: c.sex,
  value: c.value,
  noData: c.no_data_reason === null ? null : { reason: c.no_data_reason },
  prefilled: c.prefilled === 1,
  raw: c.raw_text,
});

export function cellsOf(db: Database, returnId: number): Cell[] {
  return (
    db
      .prepare(
        'SELECT item, sex, value, no_data_reason, prefilled, raw_text FROM cell_values WHERE return_id = ? ORDER BY item, sex',
      )
      .all(returnId) as RawCell[]
  ).map(toCell);
}

export function getCell(db: Database, returnId: number, item: string, sex: string): Cell | null {
  const row = db
    .prepare(
      'SELECT item, sex, value, no_data_reason, prefilled, raw_text FROM cell_values WHERE return_id = ? AND item = ? AND sex = ?',
    )
    .get(returnId, item, sex) as RawCell | undefined;
  return row ? toCell(row) : null;
}

/** Writes a cell; a cell with neither value, 无数据 nor raw text is deleted (blank). */
export function putCell(db: Database, returnId: number, cell: Cell, at: string): void {
  if (cell.value === null && cell.noData === null && cell.raw === null) {
    db.prepare('DELETE FROM cell_values WHERE return_id = ? AND item = ? AND sex = ?').run(
      returnId,
      cell.item,
      cell.sex,
    );
    return;
  }
  db.prepare(`INSERT INTO cell_values (return_id, item, sex, value, no_data_reason, prefilled, raw_text, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (return_id, item, sex) DO UPDATE SET value = excluded.value, no_data_reason = excluded.no_data_reason,
    prefilled = excluded.prefilled, raw_text = excluded.raw_text, updated_at = excluded.updated_at`).run(
    returnId,
    cell.item,
    cell.sex,
    cell.value,
    cell.noData?.reason ?? null,
    cell.prefilled ? 1 : 0,
    cell.raw,
    at,
  );
}

export function confirmPrefilled(db: Database, returnId: number, at: string): number {
  return db
    .prepare('UPDATE cell_values SET prefilled = 0, updated_at = ? WHERE return_id = ? AND prefilled = 1')
    .run(at, returnId).changes;
}

export function qualitativeOf(db: Database, returnId: number): QualitativeAnswer[] {
  return db
    .prepare('SELECT indicator, choice, note FROM qualitative_answers WHERE return_id = ? ORDER BY indicator')
    .all(returnId) as QualitativeAnswer[];
}

export function getQualitative(db: Database, returnId: number, indicator: string): QualitativeAnswer | null {
  return (
    (db
      .prepare('SELECT indicator, choice, note FROM qualitative_answers WHERE return_id = ? AND indicator = ?')
      .get(returnId, indicator) as QualitativeAnswer | undefined) ?? null
  );
}

export function putQualitative(db: Database, returnId: number, answer: QualitativeAnswer): void {
  db.prepare(`INSERT INTO qualitative_answers (return_id, indicator, choice, note) VALUES (?, ?, ?, ?)
    ON CONFLICT (return_id, indicator) DO UPDATE SET choice = excluded.choice, note = excluded.note`).run(
    returnId,
    answer.indicator,
    answer.choice,
    answer.note,
  );
}

export function thresholdsOf(db: Database, returnId: number): Record<string, number> {
  const rows = db.prepare('SELECT target_id, value FROM external_thresholds WHERE return_id = ?').all(returnId) as {
    target_id: string;
    value: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.target_id, r.value]));
}

export function putThreshold(db: Database, returnId: number, targetId: string, value: number | null): void {
  if (value === null)
    db.prepare('DELETE FROM external_thresholds WHERE return_id = ? AND target_id = ?').run(returnId, targetId);
  else
    db.prepare(`INSERT INTO external_thresholds (return_id, target_id, value) VALUES (?, ?, ?)
    ON CONFLICT (return_id, target_id) DO UPDATE SET value = excluded.value`).run(returnId, targetId, value);
}

export function explanationsOf(db: Database, returnId: number): Record<string, string> {
  const rows = db.prepare('SELECT warning_key, text FROM warning_explanations WHERE return_id = ?').all(returnId) as {
    warning_key: string;
    text: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.warning_key, r.text]));
}

export function putExplanation(db: Database, returnId: number, key: string, text: string): void {
  if (!text.trim())
    db.prepare('DELETE FROM warning_explanations WHERE return_id = ? AND warning_key = ?').run(returnId, key);
  else
    db.prepare(`INSERT INTO warning_explanations (return_id, warning_key, text) VALUES (?, ?, ?)
    ON CONFLICT (return_id, warning_key) DO UPDATE SET text = excluded.text`).run(returnId, key, text.trim());
}

interface RawFooter {
  footer_head: string;
  footer_statistician: string;
  footer_filler: string;
  footer_phone: string;
  reported_on: string | null;
}

/** The signed footer of a return (表尾). */
export function footerOf(db: Database, returnId: number): ReturnFooter {
  const r = db
    .prepare(
      'SELECT footer_head, footer_statistician, footer_filler, footer_phone, reported_on FROM returns WHERE id = ?',
    )
    .get(returnId) as RawFooter | undefined;
  return r
    ? {
        head: r.footer_head,
        statistician: r.footer_statistician,
        filler: r.footer_filler,
        phone: r.footer_phone,
        reportedOn: r.reported_on,
      }
    : { head: '', statistician: '', filler: '', phone: '', reportedOn: null };
}

export function putFooter(db: Database, returnId: number, f: ReturnFooter): void {
  db.prepare(
    'UPDATE returns SET footer_head = ?, footer_statistician = ?, footer_filler = ?, footer_phone = ?, reported_on = ? WHERE id = ?',
  ).run(f.head, f.statistician, f.filler, f.phone, f.reportedOn, returnId);
}
