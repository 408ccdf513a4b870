-- 0005: the office's DHIS2 mapping, per plan: what differs from the default generated from the catalogue.
-- kind: data_set (key ''), data_element (key = item code), coc (key total/female/male), attribute_option_combo
-- (key ''), adx (key sexAttribute/female/male), org_unit (key = 12-digit region code). code NULL: left out.
CREATE TABLE dhis2_mapping (
  plan_id TEXT NOT NULL,
  kind    TEXT NOT NULL CHECK (kind IN ('data_set', 'data_element', 'coc', 'attribute_option_combo', 'adx', 'org_unit')),
  key     TEXT NOT NULL,
  code    TEXT,
  PRIMARY KEY (plan_id, kind, key)
) STRICT, WITHOUT ROWID;
