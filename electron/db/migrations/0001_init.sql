-- 0001: settings, frameworks, regions, returns with their cells, qualitative answers and audit trail.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE regions (
  code   TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  level  TEXT NOT NULL CHECK (level IN ('province', 'city', 'county', 'township')),
  parent TEXT
) STRICT;
CREATE INDEX regions_parent ON regions (parent);

-- One row per framework version of a plan; the framework itself is reference data, not user input.
CREATE TABLE framework_versions (
  plan_id        TEXT NOT NULL,
  version        INTEGER NOT NULL,
  origin         TEXT NOT NULL CHECK (origin IN ('bundled', 'imported')),
  framework_json TEXT NOT NULL,
  loaded_at      TEXT NOT NULL,
  PRIMARY KEY (plan_id, version)
) STRICT;

CREATE TABLE returns (
  id                INTEGER PRIMARY KEY,
  plan_id           TEXT NOT NULL,
  framework_version INTEGER NOT NULL,
  region_code       TEXT NOT NULL,
  level             TEXT NOT NULL CHECK (level IN ('township', 'county')),
  year              INTEGER NOT NULL,
  status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'checked', 'submitted')),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (region_code, year, plan_id),
  FOREIGN KEY (plan_id, framework_version) REFERENCES framework_versions (plan_id, version)
) STRICT;

-- Missing is not zero: value NULL + no_data_reason = explicit 无数据; no row = blank.
CREATE TABLE cell_values (
  return_id      INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
  item           TEXT NOT NULL,
  sex            TEXT NOT NULL CHECK (sex IN ('total', 'female', 'male')),
  value          REAL,
  no_data_reason TEXT,
  prefilled      INTEGER NOT NULL DEFAULT 0,
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (return_id, item, sex)
) STRICT;

CREATE TABLE qualitative_answers (
  return_id INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
  indicator TEXT NOT NULL,
  choice    TEXT CHECK (choice IN ('done', 'in_progress', 'not_done')),
  note      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (return_id, indicator)
) STRICT;

CREATE TABLE external_thresholds (
  return_id INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
  target_id TEXT NOT NULL,
  value     REAL NOT NULL,
  PRIMARY KEY (return_id, target_id)
) STRICT;

-- Explanations of warnings, required before submission; kept with the return.
CREATE TABLE warning_explanations (
  return_id   INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
  warning_key TEXT NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (return_id, warning_key)
) STRICT;

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  return_id INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
  at        TEXT NOT NULL,
  user_name TEXT NOT NULL,
  field     TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
) STRICT;
CREATE INDEX audit_log_return ON audit_log (return_id, id);
