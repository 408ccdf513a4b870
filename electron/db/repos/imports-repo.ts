// SQL for replacing a return's content with an imported file's. Plain functions over prepared statements.
import type { Database } from 'better-sqlite3';

/** Removes every cell, qualitative answer and threshold of a return (its explanations and audit trail stay). */
export function clearReturnContent(db: Database, returnId: number): void {
  db.prepare('DELETE FROM cell_values WHERE return_id = ?').run(returnId);
  db.prepare('DELETE FROM qualitative_answers WHERE return_id = ?').run(returnId);
  db.prepare('DELETE FROM external_thresholds WHERE return_id = ?').run(returnId);
}

/** The framework version and level a return is held under (an import may bring a return entered under another version). */
export function setReturnFramework(
  db: Database,
  returnId: number,
  frameworkVersion: number,
  level: 'township' | 'county' | 'city',
  at: string,
): void {
  db.prepare('UPDATE returns SET framework_version = ?, level = ?, updated_at = ? WHERE id = ?').run(
    frameworkVersion,
    level,
    at,
    returnId,
  );
}
