-- 0009: a city office's own return is made at level city (it was stored as county). SQLite cannot change a CHECK
-- constraint in place, so the returns table is rebuilt (create, copy, drop, rename); the runner holds foreign keys
-- off for the rebuild (dropping the old table would otherwise cascade to the cells) and checks them before commit.
CREATE TABLE returns_new (
  id                  INTEGER PRIMARY KEY,
  plan_id             TEXT NOT NULL,
  framework_version   INTEGER NOT NULL,
  region_code         TEXT NOT NULL,
  level               TEXT NOT NULL CHECK (level IN ('township', 'county', 'city')),
  year                INTEGER NOT NULL,
  status              TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'checked', 'submitted')),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  footer_head         TEXT NOT NULL DEFAULT '',
  footer_statistician TEXT NOT NULL DEFAULT '',
  footer_filler       TEXT NOT NULL DEFAULT '',
  footer_phone        TEXT NOT NULL DEFAULT '',
  reported_on         TEXT,
  UNIQUE (region_code, year, plan_id),
  FOREIGN KEY (plan_id, framework_version) REFERENCES framework_versions (plan_id, version)
) STRICT;

INSERT INTO returns_new (id, plan_id, framework_version, region_code, level, year, status, created_at, updated_at,
  footer_head, footer_statistician, footer_filler, footer_phone, reported_on)
SELECT id, plan_id, framework_version, region_code,
  -- a city's own return stored before this version (level county, a city code: digits 5–12 all zero)
  CASE WHEN level = 'county' AND substr(region_code, 5) = '00000000' THEN 'city' ELSE level END,
  year, status, created_at, updated_at, footer_head, footer_statistician, footer_filler, footer_phone, reported_on
FROM returns;

DROP TABLE returns;
ALTER TABLE returns_new RENAME TO returns;
