// Fills plausible returns through the real services, for tests and demos: consistent values (女 ≤ 合计,
// 男 = 合计 − 女, numerators ≤ denominators, % values within 0–100), aimed near each indicator's target so a
// return shows a mix of 达标 / 未达标 / 预警, drifting a little from year to year, and deterministic (the same
// plan, region and year always give the same numbers).
//
//   const backend = openApp({ dbFile, ...sourcePaths });
//   applyProfile(backend, 'jiahe', 'county');                         // a profile must exist before openReturn
//   const { returnId } = fillReturn(backend, { regionCode: '431024100000', year: 2024 });
//   fillYears(backend, { regionCode, years: [2021, 2022, 2023, 2024] });
import type { AppBackend } from '../../electron/backend/open-app.ts';
import {
  openReturn,
  requireReturn,
  setCells,
  setExplanation,
  setQualitative,
  setThreshold,
} from '../../electron/returns/returns-service.ts';
import { evaluateStored, setStatus, warningKeys } from '../../electron/evaluation/return-evaluation.ts';
import { requireFramework } from '../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../electron/frameworks/regions-service.ts';
import { setProfile } from '../../electron/settings/settings-service.ts';
import type { CellEdit } from '../../shared/api/returns-contract.ts';
import type { Profile } from '../../shared/api/settings-contract.ts';
import {
  INDICATOR_FACTORS,
  sexColumnsOf,
  type DataItem,
  type Framework,
  type Indicator,
  type ItemRef,
  type SexColumn,
  type TargetRule,
} from '../../shared/framework/schema.ts';
import { engineLevel, type QualitativeChoice, type SettableStatus } from '../../shared/returns/schema.ts';

/** A small deterministic generator (mulberry32) seeded from a text. */
export function rng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (r: () => number, lo: number, hi: number) => lo + (hi - lo) * r();
const SEX_INDEX: Record<SexColumn, number> = { total: 0, female: 1, male: 2 };

/** Typical size of a count in this unit at this level. */
function countRange(unit: string, level: 'township' | 'county'): [number, number] {
  const k = level === 'county' ? 8 : 1;
  switch (unit) {
    case '人':
    case '人次':
    case '户':
      return [300 * k, 5000 * k];
    case '天':
      return [300, 365];
    case '例':
    case '件':
      return [5 * k, 80 * k];
    default:
      return [4 * k, 30 * k];
  }
}

/** The value a target aims at, in the indicator's unit (null when the rule gives no level). */
function aimOf(rule: TargetRule | undefined, r: () => number): { value: number; slope: number } | null {
  if (!rule) return null;
  switch (rule.kind) {
    case 'at_least':
      return { value: rule.value * between(r, 0.93, 1.12), slope: rule.value * 0.01 };
    case 'at_most':
      return { value: rule.value * between(r, 0.55, 1.06), slope: -rule.value * 0.02 };
    case 'about':
      return { value: rule.value + rule.tolerance * between(r, -1.6, 1.6), slope: 0 };
    case 'range':
      return { value: between(r, rule.min, rule.max), slope: 0 };
    case 'balanced':
      return { value: between(r, rule.low - 3, rule.high), slope: 0 };
    case 'trend':
      return null;
    default:
      return null;
  }
}

interface Plan {
  /** indicator value in its unit for the year, or null: any plausible value */
  aim: Map<string, number>;
}

function planAims(framework: Framework, regionCode: string, year: number): Plan {
  const rules = new Map<string, TargetRule>();
  for (const area of framework.areas)
    for (const t of area.targets)
      if (!rules.has(t.indicator) || rules.get(t.indicator)!.kind === 'trend') rules.set(t.indicator, t.rule);
  const aim = new Map<string, number>();
  for (const ind of framework.indicators) {
    if (ind.kind === 'qualitative') continue;
    const r = rng(`${framework.plan.id}|${regionCode}|${ind.code}`);
    const noise = rng(`${framework.plan.id}|${regionCode}|${ind.code}|${year}`);
    const cap = ind.kind === 'ratio' ? INDICATOR_FACTORS[ind.unit] : ind.unit === '%' ? 100 : Infinity;
    const rule = rules.get(ind.code);
    const aimed = aimOf(rule, r);
    const years = year - framework.plan.baselineYear;
    let value: number;
    if (aimed) value = aimed.value + aimed.slope * years;
    else {
      const base =
        ind.kind === 'ratio'
          ? cap * between(r, ind.unit === '%' ? 0.2 : 0.0005, ind.unit === '%' ? 0.85 : 0.003)
          : ind.unit === '岁'
            ? between(r, 76, 80)
            : ind.unit === '年'
              ? between(r, 9, 11.5)
              : ind.unit === '%'
                ? between(r, 30, 90)
                : between(r, 2, 40);
      const direction =
        rule?.kind === 'trend' && rule.direction === 'decrease'
          ? -1
          : rule?.kind === 'trend' && rule.direction === 'stable'
            ? 0
            : 1;
      value = base * (1 + direction * 0.02 * years);
    }
    value *= between(noise, 0.97, 1.03);
    aim.set(ind.code, Math.max(0, Math.min(cap, value)));
  }
  return { aim };
}

/**
 * Cell edits for a plausible, consistent return of `level` (township returns skip county-only items).
 * Deterministic in (plan, region, year).
 */
export function plausibleCells(
  framework: Framework,
  options: { regionCode: string; year: number; level: 'township' | 'county' },
): CellEdit[] {
  const { regionCode, year, level } = options;
  const items = framework.dataItems.filter((d) => level === 'county' || d.level === 'township');
  const byCode = new Map(items.map((d) => [d.code, d]));
  const values = new Map<string, number[]>(); // [total, female, male]
  const share = new Map<string, number>();
  for (const item of items) {
    const r = rng(`${framework.plan.id}|${regionCode}|${item.code}`);
    const drift =
      1 +
      0.015 * (year - framework.plan.baselineYear) +
      between(rng(`${regionCode}|${item.code}|${year}`), -0.02, 0.02);
    let total: number;
    if (item.valueType === 'count') {
      const [lo, hi] = countRange(item.unit, level);
      total = Math.round(between(r, lo, hi) * drift);
    } else if (item.valueType === 'amount') total = Number((between(r, 100, 5000) * drift).toFixed(item.decimals));
    else
      total =
        item.unit === '%'
          ? between(r, 40, 95)
          : item.unit === '岁'
            ? between(r, 76, 81)
            : item.unit === '年'
              ? between(r, 9, 12)
              : between(r, 1, 60);
    const s = between(r, 0.35, 0.55);
    share.set(item.code, s);
    // a value (预期寿命, a survey rate) is not split: women's and men's figures lie near the total
    const gap = item.valueType === 'value' ? between(r, 0.01, 0.05) : 0;
    const clip = (v: number) => (item.unit === '%' ? Math.min(100, v) : v);
    values.set(
      item.code,
      item.valueType === 'value'
        ? [total, clip(total * (1 + gap)), total * (1 - gap)]
        : [total, total * s, total * (1 - s)],
    );
  }
  const round = (item: DataItem, v: number) =>
    item.valueType === 'count' ? Math.round(v) : Number(v.toFixed(item.decimals));
  const get = (ref: ItemRef) => values.get(ref.item)?.[SEX_INDEX[ref.sex]];
  /** keeps an additive item's columns consistent after one of them changed */
  const settle = (item: DataItem, changed: SexColumn) => {
    const v = values.get(item.code)!;
    if (item.valueType === 'value' || item.sex === 'single') return;
    if (changed === 'total') {
      v[1] = round(item, v[0] * share.get(item.code)!);
      v[2] = round(item, v[0] - v[1]);
    } else if (changed === 'female') {
      if (v[1] > v[0]) v[0] = v[1];
      v[2] = round(item, v[0] - v[1]);
    } else {
      v[0] = round(item, v[1] + v[2]);
    }
  };
  const set = (ref: ItemRef, v: number) => {
    const item = byCode.get(ref.item);
    if (!item) return;
    values.get(item.code)![SEX_INDEX[ref.sex]] = round(item, v);
    settle(item, ref.sex);
  };
  for (const item of items) settle(item, 'total');

  const { aim } = planAims(framework, regionCode, year);
  const available = (ind: Indicator) =>
    ind.kind === 'ratio'
      ? byCode.has(ind.numerator.item) && byCode.has(ind.denominator.item)
      : ind.kind === 'value' && byCode.has(ind.source.item);
  for (const ind of framework.indicators) {
    if (ind.kind !== 'value' || !available(ind)) continue;
    const item = byCode.get(ind.source.item)!;
    if (item.valueType === 'value') set(ind.source, aim.get(ind.code)!);
    else if (item.valueType === 'count' && (ind.unit === '人' || ind.unit === '个' || ind.unit === '所')) {
      const v = aim.get(ind.code)!;
      if (v > 0 && v < 50) set(ind.source, Math.max(0, Math.round(v)));
    }
  }
  const ratios = framework.indicators.filter(
    (i): i is Extract<Indicator, { kind: 'ratio' }> => i.kind === 'ratio' && available(i),
  );
  for (let pass = 0; pass < 6; pass++) {
    let changed = false;
    for (const ind of ratios) {
      const den = get(ind.denominator);
      const num = get(ind.numerator);
      if (den === undefined || num === undefined) continue;
      const p = aim.get(ind.code)! / INDICATOR_FACTORS[ind.unit];
      const siblings =
        ind.numerator.item === ind.denominator.item && ind.numerator.sex !== 'total' && ind.denominator.sex !== 'total';
      if (pass === 0 || (!siblings && num > den)) {
        const want = den * (siblings ? p : Math.min(1, p));
        if (Math.abs(want - num) > 1e-9) {
          set(ind.numerator, want);
          changed = true;
        }
      }
    }
    if (!changed && pass > 0) break;
  }

  const edits: CellEdit[] = [];
  for (const item of items) {
    const v = values.get(item.code)!;
    for (const sex of sexColumnsOf(item))
      edits.push({ item: item.code, sex, value: round(item, v[SEX_INDEX[sex]]), noData: null, raw: null });
  }
  return edits;
}

/** Sets this machine's profile (openReturn needs one); the region defaults to the plan's county. */
export function applyProfile(
  backend: AppBackend,
  planId: string,
  role: Profile['role'] = 'county',
  regionCode?: string,
  userName = '张丽',
): Profile {
  const framework = requireFramework(backend.ctx, planId);
  return setProfile(backend.ctx, { planId, role, regionCode: regionCode ?? framework.plan.region.code, userName });
}

export interface FillOptions {
  regionCode: string;
  year: number;
  /** answer the qualitative indicators (default true) */
  qualitative?: boolean;
  /** fill the 上级要求 thresholds of external targets (default true) */
  thresholds?: boolean;
  /** explain every at-risk or volatile target (default true) */
  explain?: boolean;
  /** cells to mark 无数据 instead of filling, e.g. ['HD31.total'] */
  noData?: string[];
  /** finally set this status (checked or submitted need no errors; the helper makes none) */
  status?: SettableStatus;
}

/** Opens (or creates) a region's return for a year under the profile's plan and fills it plausibly. */
export function fillReturn(backend: AppBackend, options: FillOptions): { returnId: number } {
  const { ctx } = backend;
  const view = openReturn(ctx, options.regionCode, options.year, false);
  const returnId = view.summary.id;
  const framework = requireFramework(ctx, view.summary.planId, view.summary.frameworkVersion);
  const noData = new Set(options.noData ?? []);
  const edits = plausibleCells(framework, {
    regionCode: options.regionCode,
    year: options.year,
    level: engineLevel(view.summary.level),
  }).map((e) =>
    noData.has(`${e.item}.${e.sex}`) ? { ...e, value: null, noData: { reason: '本年未开展此项统计' } } : e,
  );
  setCells(ctx, returnId, edits);
  const r = rng(`${options.regionCode}|${options.year}|answers`);
  if (options.qualitative ?? true) {
    const choices: QualitativeChoice[] = ['done', 'done', 'done', 'in_progress', 'not_done'];
    for (const ind of framework.indicators) {
      if (ind.kind !== 'qualitative') continue;
      if (view.summary.level === 'township' && ind.judgeLevel === 'county') continue;
      const choice = choices[Math.floor(r() * choices.length)];
      setQualitative(ctx, returnId, ind.code, choice, choice === 'done' ? '' : '相关工作机制正在完善');
    }
  }
  if (options.thresholds ?? true) {
    for (const area of framework.areas)
      for (const t of area.targets)
        if (t.rule.kind === 'external') setThreshold(ctx, returnId, t.id, t.rule.op === 'at_least' ? 30 : 10);
  }
  if (options.explain ?? true) {
    const { evaluation } = evaluateStored(ctx, requireReturn(ctx, returnId));
    for (const key of warningKeys(evaluation))
      setExplanation(ctx, returnId, key, '经核实，数据真实有效：本年统计口径调整，人员变动较大。');
  }
  if (options.status && options.status !== 'draft') {
    if (options.status === 'submitted') setStatus(ctx, returnId, 'checked');
    setStatus(ctx, returnId, options.status);
  }
  return { returnId };
}

/** Fills one return per year (earliest first, so each has its 上年). */
export function fillYears(backend: AppBackend, options: Omit<FillOptions, 'year'> & { years: number[] }): number[] {
  return [...options.years].sort((a, b) => a - b).map((year) => fillReturn(backend, { ...options, year }).returnId);
}

/** The township codes of a county, in code order. */
export const townshipsOf = (backend: AppBackend, countyCode: string): string[] =>
  listChildRegions(backend.ctx, countyCode)
    .filter((r) => r.level === 'township')
    .map((r) => r.code);
