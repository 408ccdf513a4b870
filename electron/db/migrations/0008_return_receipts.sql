-- 0008: 回执 (receipts). At the township (or department), the receipts the receiving office gave for its return:
-- who received it, the file's SHA-256, when and what was decided, the office's remark. Append-only; the same receipt
-- imported twice is kept once.
CREATE TABLE return_receipts (
  id           INTEGER PRIMARY KEY,
  return_id    INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
  office_code  TEXT NOT NULL,
  office_name  TEXT NOT NULL,
  decision     TEXT NOT NULL CHECK (decision IN ('accepted', 'returned')),
  decided_at   TEXT NOT NULL,
  decided_by   TEXT NOT NULL DEFAULT '',
  remark       TEXT NOT NULL DEFAULT '',
  file_name    TEXT NOT NULL,
  file_sha256  TEXT NOT NULL,
  checksum     TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  UNIQUE (return_id, checksum)
) STRICT;
CREATE INDEX return_receipts_return ON return_receipts (return_id, decided_at);
