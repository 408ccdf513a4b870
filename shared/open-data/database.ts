// The county's multi-year statistics database (统计数据库): every unit × year × indicator of the local database as
// long rows, one filter (units, years, area, indicator text or code, verdict) used both by the page's table and by
// the exports above it, so a file holds exactly the set on screen; and the pivot of one indicator over years
// (columns) × units (rows). Pure.
import { z } from 'zod';
import { AREA_CODES, AREA_LETTER, AreaCodeSchema, type AreaCode } from '../framework/schema.ts';
import { RegionCodeSchema, YearSchema } from '../returns/schema.ts';
import { TargetStatusSchema, type TargetStatus } from '../rules/result.ts';
import type { LongRow } from './long-format.ts';

export const DatabaseFilterSchema = z.object({
  /** units to keep (empty: all) */
  regionCodes: z.array(RegionCodeSchema).max(500).default([]),
  fromYear: YearSchema,
  toYear: YearSchema,
  area: AreaCodeSchema.nullable().default(null),
  /** part of an indicator's (or data item's) code or name */
  text: z.string().max(100).default(''),
  /** verdicts to keep (empty: all); a verdict filter keeps 指标评估 rows only */
  verdicts: z.array(TargetStatusSchema).max(10).default([]),
});
export type DatabaseFilter = z.infer<typeof DatabaseFilterSchema>;

const LETTER_AREA = new Map<string, AreaCode>(AREA_CODES.map((a) => [AREA_LETTER[a], a]));

/** A row's area, by the first letter of its code (a threshold row's by its target id: plan-H-G01-1). */
export function areaOfRow(row: Pick<LongRow, 'kind' | 'code' | 'targetId'>): AreaCode | null {
  const letter = row.kind === 'threshold' ? ((row.targetId ?? row.code).split('-')[1] ?? '') : row.code.charAt(0);
  return LETTER_AREA.get(letter) ?? null;
}

export type FilterableRow = Pick<LongRow, 'kind' | 'regionCode' | 'year' | 'code' | 'name' | 'targetId' | 'verdict'>;

/** One test for the table, the pivot and every export format. */
export function matchesFilter(row: FilterableRow, f: DatabaseFilter): boolean {
  if (row.year < f.fromYear || row.year > f.toYear) return false;
  if (f.regionCodes.length > 0 && !f.regionCodes.includes(row.regionCode)) return false;
  if (f.area !== null && areaOfRow(row) !== f.area) return false;
  const text = f.text.trim().toLowerCase();
  if (text !== '' && !row.code.toLowerCase().includes(text) && !row.name.toLowerCase().includes(text)) return false;
  if (f.verdicts.length > 0 && (row.kind !== 'indicator' || row.verdict === null || !f.verdicts.includes(row.verdict)))
    return false;
  return true;
}

export interface PivotCell {
  value: number | null;
  verdict: TargetStatus | null;
  alert: boolean;
}

export interface Pivot {
  code: string;
  name: string;
  unit: string;
  years: number[];
  units: { code: string; name: string; cells: (PivotCell | null)[] }[];
}

/** One indicator's 指标评估 rows as years (columns) × units (rows); a unit × year with several targets shows the first. */
export function pivotOf(rows: readonly LongRow[], code: string): Pivot | null {
  const mine = rows.filter((r) => r.kind === 'indicator' && r.code === code);
  if (mine.length === 0) return null;
  const years = [...new Set(mine.map((r) => r.year))].sort((a, b) => a - b);
  const units = new Map<string, { code: string; name: string; cells: (PivotCell | null)[] }>();
  for (const r of mine) {
    let u = units.get(r.regionCode);
    if (!u) units.set(r.regionCode, (u = { code: r.regionCode, name: r.regionName, cells: years.map(() => null) }));
    const i = years.indexOf(r.year);
    u.cells[i] ??= { value: r.value, verdict: r.verdict, alert: r.hardToMeet === true || r.volatile === true };
  }
  // the county first, then its units by code
  const list = [...units.values()].sort((a, b) => {
    const la = mine.find((r) => r.regionCode === a.code)!.level;
    const lb = mine.find((r) => r.regionCode === b.code)!.level;
    return (la === lb ? 0 : la === 'county' ? -1 : 1) || a.code.localeCompare(b.code);
  });
  return { code, name: mine[0].name, unit: mine[0].unit, years, units: list };
}

/** The indicators present in the rows, in code order, for the pivot's chooser. */
export function indicatorsOf(rows: readonly LongRow[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) if (r.kind === 'indicator' && !seen.has(r.code)) seen.set(r.code, r.name);
  return [...seen].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => ({ code, name }));
}
