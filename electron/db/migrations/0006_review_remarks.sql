-- 0006: 退回 (sending a return back). At the receiving office, every review of a received version: who, when, the
-- decision, the overall remark and a remark per problem cell (append-only: it is the office's audit of reviews).
-- At the township, the remarks of a return sent back, shown at their cells until fixed.
ALTER TABLE submissions ADD COLUMN values_checksum TEXT;          -- the checksum of the values as the file stated them

CREATE TABLE submission_reviews (
  id            INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  decision      TEXT NOT NULL CHECK (decision IN ('returned', 'accepted')),
  overall       TEXT NOT NULL DEFAULT '',
  at            TEXT NOT NULL,
  user_name     TEXT NOT NULL
) STRICT;
CREATE INDEX submission_reviews_submission ON submission_reviews (submission_id, id);

CREATE TABLE submission_review_remarks (
  review_id INTEGER NOT NULL REFERENCES submission_reviews (id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  item      TEXT NOT NULL,
  sex       TEXT NOT NULL CHECK (sex IN ('total', 'female', 'male')),
  problem   TEXT NOT NULL DEFAULT '',
  remark    TEXT NOT NULL,
  PRIMARY KEY (review_id, seq)
) STRICT;

-- A remark of the office that sent the return back: item '' is the overall remark. value_then: the cell as it was
-- when sent back (the remark is shown as open until the cell changes).
CREATE TABLE return_remarks (
  return_id  INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  item       TEXT NOT NULL DEFAULT '',
  sex        TEXT NOT NULL DEFAULT '',
  location   TEXT NOT NULL DEFAULT '',
  problem    TEXT NOT NULL DEFAULT '',
  remark     TEXT NOT NULL,
  value_then TEXT,
  office     TEXT NOT NULL,
  at         TEXT NOT NULL,
  PRIMARY KEY (return_id, seq)
) STRICT;
