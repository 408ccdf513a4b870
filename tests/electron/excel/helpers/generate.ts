// Generates a filled return for a framework: random values that satisfy the consistency rules (女 + 男 = 合计,
// 女 ≤ 合计, numerators ≤ denominators, percentages in 0–100), some 无数据 marks with awkward reasons (formula-like,
// full-width punctuation, per-column reasons), qualitative answers and thresholds. Seeded: the same seed, the same return.
import type { DataItem, Framework } from '../../../../shared/framework/schema.ts';
import type { Cell, QualitativeAnswer, ReturnData } from '../../../../shared/returns/schema.ts';
import { evaluateReturn } from '../../../../shared/rules/evaluate.ts';
import { buildLayout } from '../../../../electron/excel/layout.ts';

export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

const REASONS = [
  '本年未开展此项统计',
  '=SUM(A1:A9)',
  '+86 0735-1234567 核实中',
  '-暂缺',
  '@卫健局 未提供',
  '数据来源：县卫健局（尚未反馈）；待补报',
  '女：含流动人口，口径不一',
];
const NOTES = ['已出台实施方案，正在推进', '=HYPERLINK("http://example.com")', '', '第一行\n第二行', '@办公室 负责'];

function decimalValue(rand: () => number, item: DataItem, max: number): number {
  const f = 10 ** item.decimals;
  return Math.round(rand() * max * f) / f;
}

function itemValues(rand: () => number, item: DataItem): { total: number; female?: number; male?: number } {
  if (item.valueType === 'count') {
    const big = 50 + Math.floor(rand() * 5000);
    if (item.sex === 'total_female_male') {
      const f = Math.floor(rand() * big);
      return { total: big, female: f, male: big - f };
    }
    if (item.sex === 'total_female') return { total: big, female: Math.floor(rand() * big) };
    return { total: big };
  }
  const max = item.unit === '%' ? 100 : item.unit === '岁' ? 90 : 100000;
  if (item.valueType === 'amount' && item.sex !== 'single') {
    // summed amounts: 女 + 男 = 合计 exactly at the item's precision
    const f = decimalValue(rand, item, max / 2);
    const m = decimalValue(rand, item, max / 2);
    const total = Math.round((f + m) * 10 ** item.decimals) / 10 ** item.decimals;
    return item.sex === 'total_female' ? { total, female: f } : { total, female: f, male: m };
  }
  const t = decimalValue(rand, item, max);
  if (item.sex === 'total_female_male')
    return { total: t, female: decimalValue(rand, item, max), male: decimalValue(rand, item, max) };
  if (item.sex === 'total_female') return { total: t, female: Math.min(t, decimalValue(rand, item, max)) };
  return { total: t };
}

export interface GenerateOptions {
  level: 'township' | 'county';
  regionCode: string;
  year: number;
  seed?: number;
  /** share of cells marked 无数据 (default 0.08) */
  noDataShare?: number;
}

/** A filled return with no consistency errors. */
export function generateReturn(framework: Framework, options: GenerateOptions): ReturnData {
  const rand = rng(options.seed ?? 7);
  const layout = buildLayout(framework, options.level);
  const items = layout.sheets.flatMap((s) => s.rows).flatMap((r) => (r.kind === 'item' ? [r.item] : []));
  const values = new Map<string, { total: number; female?: number; male?: number }>();
  for (const item of items) values.set(item.code, itemValues(rand, item));

  const toCells = (): Cell[] =>
    [...values].flatMap(([code, v]) =>
      (['total', 'female', 'male'] as const)
        .filter((sex) => v[sex] !== undefined)
        .map((sex) => ({ item: code, sex, value: v[sex]!, noData: null, prefilled: false, raw: null })),
    );
  const base = (): ReturnData => ({
    planId: framework.plan.id,
    frameworkVersion: framework.version,
    regionCode: options.regionCode,
    level: options.level,
    year: options.year,
    cells: toCells(),
    qualitative: [],
    externalThresholds: {},
  });

  // shrink numerators until every ratio check holds (values only go down, so this ends)
  const byCode = new Map(framework.dataItems.map((d) => [d.code, d]));
  for (let round = 0; round < 50; round++) {
    const issues = evaluateReturn(framework, base(), []).issues.filter((i) => i.severity === 'error');
    if (issues.length === 0) break;
    for (const issue of issues) {
      const v = values.get(issue.item);
      const item = byCode.get(issue.item);
      if (!v || !item) continue;
      const k = 0.5;
      if (item.valueType === 'count') {
        const f = v.female === undefined ? undefined : Math.floor(v.female * k);
        const m = v.male === undefined ? undefined : Math.floor(v.male * k);
        const total = item.sex === 'total_female_male' ? f! + m! : Math.floor(v.total * k);
        values.set(issue.item, { total, female: f === undefined ? undefined : Math.min(f, total), male: m });
      } else {
        const r = (x: number) => Math.round(x * k * 10 ** item.decimals) / 10 ** item.decimals;
        const female = v.female === undefined ? undefined : r(v.female);
        const male = v.male === undefined ? undefined : r(v.male);
        const total =
          item.valueType === 'amount' && female !== undefined && male !== undefined
            ? Math.round((female + male) * 10 ** item.decimals) / 10 ** item.decimals
            : r(v.total);
        values.set(issue.item, { total, female, male });
      }
    }
  }

  // 无数据 marks, sometimes with a different reason per column
  const share = options.noDataShare ?? 0.08;
  const cells: Cell[] = toCells().map((cell) =>
    rand() < share ? { ...cell, value: null, noData: { reason: REASONS[Math.floor(rand() * REASONS.length)] } } : cell,
  );
  const qualitative: QualitativeAnswer[] = [];
  const thresholds: Record<string, number> = {};
  for (const sheet of layout.sheets) {
    for (const row of sheet.rows) {
      if (row.kind === 'qualitative') {
        const pick = rand();
        const choice = pick < 0.4 ? 'done' : pick < 0.7 ? 'in_progress' : pick < 0.85 ? 'not_done' : null;
        const note = NOTES[Math.floor(rand() * NOTES.length)];
        if (choice !== null || note !== '') qualitative.push({ indicator: row.indicator.code, choice, note });
      } else if (row.kind === 'threshold') {
        thresholds[row.target.id] = Math.round(rand() * 1000) / 10;
      }
    }
  }
  const data: ReturnData = { ...base(), cells, qualitative, externalThresholds: thresholds };
  const left = evaluateReturn(framework, data, []).issues.filter((i) => i.severity === 'error');
  if (left.length > 0)
    throw new Error(
      `generated return still has errors: ${left.map((i) => `${i.item}.${i.sex} ${i.message}`).join('; ')}`,
    );
  return data;
}
