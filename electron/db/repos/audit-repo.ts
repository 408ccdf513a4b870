import type { Database } from 'better-sqlite3';

export interface AuditEntry {
  id: number;
  at: string;
  userName: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export function appendAudit(db: Database, returnId: number, entry: Omit<AuditEntry, 'id'>): void {
  db.prepare(
    'INSERT INTO audit_log (return_id, at, user_name, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(returnId, entry.at, entry.userName, entry.field, entry.oldValue, entry.newValue);
}

export function auditOf(db: Database, returnId: number, limit: number): AuditEntry[] {
  return db
    .prepare(`SELECT id, at, user_name AS userName, field, old_value AS oldValue, new_value AS newValue
    FROM audit_log WHERE return_id = ? ORDER BY id DESC LIMIT ?`)
    .all(returnId, limit) as AuditEntry[];
}
