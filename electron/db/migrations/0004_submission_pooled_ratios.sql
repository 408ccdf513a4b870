-- 0003: pooled ratios of a received merged return. A county's exported return carries, for each ratio over
-- summed items, the numerator and denominator pooled over only the townships that have both; a city merging
-- counties pools those pairs, never the county's summed cells (which may come from different townships).
CREATE TABLE submission_pooled_ratios (
  submission_id    INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  indicator        TEXT NOT NULL,                 -- the indicator code in the supplier's plan
  numerator_cell   TEXT NOT NULL,                 -- e.g. HD18.total: a pair is used only for a ratio over the same cells
  denominator_cell TEXT NOT NULL,
  numerator        REAL,                          -- NULL (with denominator NULL) when no unit had both
  denominator      REAL,
  units            INTEGER NOT NULL,              -- units pooled …
  of_units         INTEGER NOT NULL,              -- … of the units merged
  unit_level       TEXT NOT NULL CHECK (unit_level IN ('township', 'county')),
  PRIMARY KEY (submission_id, indicator)
) STRICT, WITHOUT ROWID;

-- The units a pooled ratio left out (lacking the numerator or the denominator), in order.
CREATE TABLE submission_pooled_missing (
  submission_id INTEGER NOT NULL,
  indicator     TEXT NOT NULL,
  seq           INTEGER NOT NULL,
  code          TEXT NOT NULL,
  name          TEXT NOT NULL,
  PRIMARY KEY (submission_id, indicator, seq),
  FOREIGN KEY (submission_id, indicator) REFERENCES submission_pooled_ratios (submission_id, indicator) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
