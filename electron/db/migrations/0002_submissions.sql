-- 0002: submissions. (Numbered 0002 because 0002 reserved for the Excel import was still absent; an Excel
-- migration, if one comes, takes the next free number.)
-- Merging returns at a county (or a city): every file received, every accepted version of a return with its
-- cells (earlier versions are kept, never overwritten), which version is current, and who supplied each item
-- of the merged return.

-- One accepted version of a return from a township, a county department, or (at a city) a county.
CREATE TABLE submissions (
  id                INTEGER PRIMARY KEY,
  office_code       TEXT NOT NULL,                     -- the county (or city) that merges it
  year              INTEGER NOT NULL,
  region_code       TEXT NOT NULL,                     -- the supplier's region; a department's is the county
  supplier_kind     TEXT NOT NULL CHECK (supplier_kind IN ('township', 'county', 'department')),
  department        TEXT NOT NULL DEFAULT '',          -- 卫健, 教育 … for a department return, else ''
  supplier_name     TEXT NOT NULL,                     -- 填报单位 as the file names it
  plan_id           TEXT NOT NULL,
  framework_version INTEGER NOT NULL,
  reported_on       TEXT,                              -- 报出日期 (YYYY-MM-DD) as the file states it
  file_status       TEXT CHECK (file_status IN ('draft', 'checked', 'submitted')),
  file_name         TEXT NOT NULL,
  checksum          TEXT NOT NULL,                     -- sha256 of the file, hex
  received_at       TEXT NOT NULL,
  verdict           TEXT NOT NULL CHECK (verdict IN ('accepted', 'warnings')),
  is_current        INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
  chosen_by         TEXT NOT NULL DEFAULT 'auto' CHECK (chosen_by IN ('auto', 'user'))
) STRICT;
CREATE INDEX submissions_slot ON submissions (office_code, year, region_code, department);
-- at most one current version per supplier and year
CREATE UNIQUE INDEX submissions_current ON submissions (office_code, year, region_code, department) WHERE is_current = 1;
-- the same file is stored once
CREATE UNIQUE INDEX submissions_checksum ON submissions (office_code, checksum);

-- Missing is not zero: value NULL + no_data_reason = 无数据; no row = blank.
CREATE TABLE submission_cells (
  submission_id  INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  item           TEXT NOT NULL,
  sex            TEXT NOT NULL CHECK (sex IN ('total', 'female', 'male')),
  value          REAL,
  no_data_reason TEXT,
  PRIMARY KEY (submission_id, item, sex)
) STRICT, WITHOUT ROWID;

CREATE TABLE submission_answers (
  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  indicator     TEXT NOT NULL,
  choice        TEXT CHECK (choice IN ('done', 'in_progress', 'not_done')),
  note          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (submission_id, indicator)
) STRICT;

-- Every file received for a merge and its verdict, including rejected and repeated files.
CREATE TABLE received_files (
  id            INTEGER PRIMARY KEY,
  office_code   TEXT NOT NULL,
  year          INTEGER NOT NULL,                      -- the merge year it was received for
  file_name     TEXT NOT NULL,
  checksum      TEXT NOT NULL,
  size_bytes    INTEGER NOT NULL,
  received_at   TEXT NOT NULL,
  verdict       TEXT NOT NULL CHECK (verdict IN ('accepted', 'warnings', 'rejected')),
  submission_id INTEGER REFERENCES submissions (id) ON DELETE SET NULL,
  region_code   TEXT,                                  -- what the file said, when readable
  file_year     INTEGER
) STRICT;
CREATE INDEX received_files_office ON received_files (office_code, year, id);

CREATE TABLE received_file_problems (
  file_id  INTEGER NOT NULL REFERENCES received_files (id) ON DELETE CASCADE,
  seq      INTEGER NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  location TEXT NOT NULL DEFAULT '',                   -- sheet!cell, or '' for the whole file
  message  TEXT NOT NULL,
  PRIMARY KEY (file_id, seq)
) STRICT;

-- Who supplied each data item of a merged (county or city) return, recorded when it is exported.
CREATE TABLE merged_item_sources (
  office_code  TEXT NOT NULL,
  year         INTEGER NOT NULL,
  plan_id      TEXT NOT NULL,
  item         TEXT NOT NULL,
  source_kind  TEXT NOT NULL CHECK (source_kind IN ('children', 'department', 'own', 'none')),
  department   TEXT NOT NULL DEFAULT '',
  contributors INTEGER NOT NULL DEFAULT 0,
  children     INTEGER NOT NULL DEFAULT 0,
  merged_at    TEXT NOT NULL,
  PRIMARY KEY (office_code, year, plan_id, item)
) STRICT;
