// 回执 kept at the unit: each receipt its office gave for one of its returns (a receipt imported twice is one row).
import type { Database, RunResult } from 'better-sqlite3';
import type { ReceiptBody, ReceiptView } from '../../../shared/returns/receipt.ts';

export function insertReceipt(
  db: Database,
  returnId: number,
  body: ReceiptBody,
  checksum: string,
  importedAt: string,
): RunResult {
  return db
    .prepare(`INSERT OR IGNORE INTO return_receipts (return_id, office_code, office_name, decision, decided_at, decided_by, remark,
      file_name, file_sha256, checksum, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(
      returnId,
      body.office.code,
      body.office.name,
      body.decision,
      body.decidedAt,
      body.decidedBy,
      body.remark,
      body.file.name,
      body.file.sha256,
      checksum,
      importedAt,
    );
}

/** The latest receipt of a return, for its summary. */
export function latestReceipt(db: Database, returnId: number): ReceiptView | null {
  const r = db
    .prepare(`SELECT office_name AS office, decision, decided_at AS decidedAt, remark, file_name AS fileName FROM return_receipts
    WHERE return_id = ? ORDER BY decided_at DESC, id DESC LIMIT 1`)
    .get(returnId) as ReceiptView | undefined;
  return r ?? null;
}
