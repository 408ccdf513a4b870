-- 0010: the texts of stored frameworks that the schema has checked (SHA-256 of framework_json, with a stamp of the
-- schema that checked them), so a start reads them without checking them again. A text not listed is checked.
CREATE TABLE framework_checks (
  sha256  TEXT NOT NULL,
  schema  TEXT NOT NULL,
  PRIMARY KEY (sha256, schema)
) WITHOUT ROWID;
