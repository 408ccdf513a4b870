// The office's DHIS2 mapping, stored as rows (plan, kind, key → code) over the default from the catalogue.
import type { Database } from 'better-sqlite3';
import type { Dhis2Mapping } from '../../../shared/open-data/dhis2.ts';

interface Row {
  kind: string;
  key: string;
  code: string | null;
}

/** The stored mapping laid over a default; the default where nothing is stored. */
export function readMapping(db: Database, base: Dhis2Mapping): Dhis2Mapping {
  const rows = db.prepare('SELECT kind, key, code FROM dhis2_mapping WHERE plan_id = ?').all(base.planId) as Row[];
  const m: Dhis2Mapping = structuredClone(base);
  for (const r of rows) {
    if (r.kind === 'data_set') m.dataSet = r.code;
    else if (r.kind === 'attribute_option_combo') m.attributeOptionCombo = r.code;
    else if (r.kind === 'data_element' && r.code && r.key in m.dataElements) m.dataElements[r.key] = r.code;
    else if (r.kind === 'coc' && r.code && (r.key === 'total' || r.key === 'female' || r.key === 'male'))
      m.categoryOptionCombos[r.key] = r.code;
    else if (r.kind === 'adx' && r.code && (r.key === 'sexAttribute' || r.key === 'female' || r.key === 'male'))
      m.adx[r.key] = r.code;
    else if (r.kind === 'org_unit' && r.code) m.orgUnits[r.key] = r.code;
  }
  return m;
}

/** Replaces the plan's stored mapping with a validated one (one transaction, owned by the caller). */
export function replaceMapping(db: Database, m: Dhis2Mapping): number {
  db.prepare('DELETE FROM dhis2_mapping WHERE plan_id = ?').run(m.planId);
  const put = db.prepare('INSERT INTO dhis2_mapping (plan_id, kind, key, code) VALUES (?, ?, ?, ?)');
  let n = 0;
  const add = (kind: string, key: string, code: string | null) => {
    put.run(m.planId, kind, key, code);
    n++;
  };
  add('data_set', '', m.dataSet);
  add('attribute_option_combo', '', m.attributeOptionCombo);
  for (const [k, v] of Object.entries(m.dataElements)) add('data_element', k, v);
  for (const [k, v] of Object.entries(m.categoryOptionCombos)) add('coc', k, v);
  for (const [k, v] of Object.entries(m.adx)) add('adx', k, v);
  for (const [k, v] of Object.entries(m.orgUnits)) add('org_unit', k, v);
  return n;
}
