// Benchmark of the rule engine: a synthetic framework of 320 data items (all sex breakdowns) and
// 150 indicators with one target each, covering every rule kind; a full return with five years of
// history is evaluated 2,000 times.
import { loadBundledFrameworks } from '../../electron/frameworks/bundled.ts';
import { FRAMEWORKS_DIR } from '../helpers/paths.ts';
import {
  AREA_CODES,
  AREA_LETTER,
  FrameworkSchema,
  type DataItem,
  type Framework,
  type Indicator,
  type PlanArea,
  type SexBreakdown,
  type TargetRule,
} from '../../shared/framework/schema.ts';
import { checkFramework } from '../../shared/framework/assemble.ts';
import type { Cell, ReturnData } from '../../shared/returns/schema.ts';
import { evaluateReturn } from '../../shared/rules/evaluate.ts';

const ITEMS_PER_AREA = 40;
const INDICATORS = 150;
const ITERATIONS = 2000;
// The entry screen evaluates on every committed cell, so what matters is the engine once warmed up.
const WARMUP = 1000;
const YEAR = 2024;
const REGION = '431024000000';

const pad = (n: number) => String(n).padStart(2, '0');
const SEXES: SexBreakdown[] = ['total_female_male', 'total_female', 'single'];

export function buildSyntheticFramework(): Framework {
  const dataItems: DataItem[] = [];
  const indicators: Indicator[] = [];
  const areas: PlanArea[] = [];
  let indicatorsLeft = INDICATORS;
  AREA_CODES.forEach((area, a) => {
    const L = AREA_LETTER[area];
    for (let i = 1; i <= ITEMS_PER_AREA; i++) {
      const value = i % 10 === 0; // a non-additive value item in %
      dataItems.push({
        code: `${L}D${pad(i)}`,
        name: `数据项${L}${i}`,
        unit: value ? '%' : '人',
        valueType: value ? 'value' : 'count',
        sex: value ? 'single' : SEXES[i % 3],
        decimals: value ? 1 : 0,
        level: i % 13 === 0 ? 'county' : 'township',
        aggregation: value ? 'none' : 'sum',
        department: '统计',
      });
    }
    const count = Math.min(indicatorsLeft, Math.ceil(INDICATORS / AREA_CODES.length) - (a >= 6 ? 1 : 0));
    indicatorsLeft -= count;
    const targets: PlanArea['targets'] = [];
    const objectives: PlanArea['objectives'] = [];
    for (let j = 1; j <= count; j++) {
      const code = `${L}${pad(j)}`;
      const base = { code, area, name: `指标${code}`, department: '统计', judgeLevel: 'township' as const };
      const k = j % 14;
      let indicator: Indicator;
      let rule: TargetRule;
      // an item with a female column (i % 3 ∈ {0, 1}: total_female_male / total_female), not a value item
      const femaleItem = [1, 3, 4, 6, 7, 9, 12, 15, 16, 18, 19, 21, 22, 24][k];
      if (k === 13) {
        indicator = { ...base, kind: 'qualitative', choices: j % 2 ? 'mechanism' : 'progress' };
        rule = { kind: 'qualitative' };
      } else if (k === 12) {
        indicator = {
          ...base,
          kind: 'value',
          unit: '%',
          decimals: 1,
          source: { item: `${L}D${pad(10 * (1 + (j % 3)))}`, sex: 'total' },
        };
        rule = { kind: 'at_least', value: 90, strict: false };
      } else if (k === 11) {
        // a rate per 10万 of two different items
        indicator = {
          ...base,
          kind: 'ratio',
          unit: '1/10万',
          decimals: 1,
          numerator: { item: `${L}D02`, sex: 'total' },
          denominator: { item: `${L}D05`, sex: 'total' },
          minDenominator: 1000,
        };
        rule = { kind: 'at_most', value: 12, strict: false };
      } else {
        indicator = {
          ...base,
          kind: 'ratio',
          unit: '%',
          decimals: 1,
          numerator: { item: `${L}D${pad(femaleItem)}`, sex: 'female' },
          denominator: { item: `${L}D${pad(femaleItem)}`, sex: 'total' },
        };
        const rules: TargetRule[] = [
          { kind: 'external', op: 'at_least', strict: false, label: '上级要求' },
          { kind: 'at_least', value: 45, strict: false },
          { kind: 'at_most', value: 55, strict: true },
          { kind: 'about', value: 48, tolerance: 2 },
          { kind: 'range', min: 40, max: 60, minStrict: false, maxStrict: true },
          { kind: 'trend', direction: 'increase', basis: 'previous_year', years: 1 },
          { kind: 'trend', direction: 'decrease', basis: 'baseline', years: 1 },
          { kind: 'trend', direction: 'stable', basis: 'previous_year', years: 1 },
          { kind: 'trend', direction: 'slowing_increase', basis: 'previous_year', years: 3 },
          { kind: 'balanced', low: 45, high: 55 },
          // j ≡ 10 (mod 14): the indicator before is a % ratio (k = 9)
          { kind: 'relative', indicator: `${L}${pad(j - 1)}`, op: 'at_least', strict: false },
        ];
        rule = rules[k];
      }
      indicators.push(indicator);
      objectives.push({ item: j, text: `主要目标第${j}条` });
      targets.push({
        id: `bench-${L}-G${pad(j)}-1`,
        indicator: code,
        text: `目标${code}`,
        rule,
        source: { file: 'bench.txt', section: '主要目标', item: j, quote: `主要目标第${j}条` },
      });
    }
    areas.push({ area, title: `领域${L}`, objectives, targets });
  });
  return FrameworkSchema.parse({
    plan: {
      id: 'bench',
      name: '基准测试规划',
      status: '正式',
      region: { code: REGION, name: '基准县', fullName: '基准省基准市基准县' },
      period: { start: 2021, end: 2025 },
      baselineYear: 2020,
      sourceFile: 'bench.txt',
    },
    version: 1,
    areas,
    dataItems,
    indicators,
  });
}

/** A full county return: every cell filled, consistent, varying a little by year. */
export function buildSyntheticReturn(framework: Framework, year: number): ReturnData {
  const cells: Cell[] = [];
  framework.dataItems.forEach((item, i) => {
    const drift = (year - 2019) * (1 + (i % 5));
    if (item.valueType === 'value') {
      cells.push({
        item: item.code,
        sex: 'total',
        value: 85 + ((i + year) % 15),
        noData: null,
        prefilled: false,
        raw: null,
      });
      return;
    }
    const total = 5000 + i * 37 + drift * 10;
    const female = Math.round(total * (0.44 + ((i * 7 + year) % 10) / 100));
    cells.push({ item: item.code, sex: 'total', value: total, noData: null, prefilled: false, raw: null });
    if (item.sex !== 'single')
      cells.push({ item: item.code, sex: 'female', value: female, noData: null, prefilled: false, raw: null });
    if (item.sex === 'total_female_male')
      cells.push({ item: item.code, sex: 'male', value: total - female, noData: null, prefilled: false, raw: null });
  });
  const qualitative = framework.indicators
    .filter((i) => i.kind === 'qualitative')
    .map((i, n) => ({
      indicator: i.code,
      choice: (['done', 'in_progress', 'not_done', null] as const)[n % 4],
      note: '',
    }));
  const externalThresholds: Record<string, number> = {};
  for (const area of framework.areas)
    for (const t of area.targets) if (t.rule.kind === 'external') externalThresholds[t.id] = 46;
  return {
    planId: framework.plan.id,
    frameworkVersion: framework.version,
    regionCode: REGION,
    level: 'county',
    year,
    cells,
    qualitative,
    externalThresholds,
  };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

export async function run(): Promise<void> {
  const framework = buildSyntheticFramework();
  const problems = checkFramework(framework);
  if (problems.length) throw new Error(`合成框架有误：\n${problems.join('\n')}`);
  const current = buildSyntheticReturn(framework, YEAR);
  const history = [2023, 2019, 2021, 2020, 2022].map((y) => buildSyntheticReturn(framework, y));
  const kinds = new Set(
    framework.areas.flatMap((a) =>
      a.targets.map((t) => (t.rule.kind === 'trend' ? `trend:${t.rule.direction}` : t.rule.kind)),
    ),
  );

  let t0 = performance.now();
  const first = evaluateReturn(framework, current, history);
  const firstMs = performance.now() - t0;

  for (let i = 0; i < WARMUP; i++) evaluateReturn(framework, current, history);
  const times: number[] = new Array(ITERATIONS);
  for (let i = 0; i < ITERATIONS; i++) {
    t0 = performance.now();
    evaluateReturn(framework, current, history);
    times[i] = performance.now() - t0;
  }
  times.sort((a, b) => a - b);
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  const statuses: Record<string, number> = {};
  for (const t of first.targets) statuses[t.status] = (statuses[t.status] ?? 0) + 1;

  console.log(
    `规则引擎 rule engine: ${framework.dataItems.length} data items, ${current.cells.length} cells, ${framework.indicators.length} indicators, ${first.targets.length} targets, ${history.length} history returns`,
  );
  console.log(`  rule kinds: ${[...kinds].sort().join(', ')}`);
  console.log(
    `  statuses: ${Object.entries(statuses)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; issues ${first.issues.length}`,
  );
  console.log(`  first call (incl. compileFramework): ${ms(firstMs)}`);
  console.log(
    `  ${ITERATIONS} evaluations — median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, worst ${ms(times[times.length - 1])}`,
  );
  benchShippedPlans();
}

/** The five shipped plans, each with a fully filled county return and four years of history. */
function benchShippedPlans(): void {
  for (const fw of loadBundledFrameworks(FRAMEWORKS_DIR)) {
    const fill = (year: number): ReturnData => ({
      planId: fw.plan.id,
      frameworkVersion: fw.version,
      regionCode: fw.plan.region.code,
      level: 'county',
      year,
      cells: fw.dataItems.flatMap((d, i) => {
        const total = d.valueType === 'value' ? 50 + (i % 40) : 1000 + i * 10 + (year - 2020) * 7;
        const female = d.valueType === 'value' ? total : Math.floor(total * 0.46);
        const cells: Cell[] = [{ item: d.code, sex: 'total', value: total, noData: null, prefilled: false, raw: null }];
        if (d.sex !== 'single')
          cells.push({
            item: d.code,
            sex: 'female' as const,
            value: female,
            noData: null,
            prefilled: false,
            raw: null,
          });
        if (d.sex === 'total_female_male')
          cells.push({
            item: d.code,
            sex: 'male' as const,
            value: total - female,
            noData: null,
            prefilled: false,
            raw: null,
          });
        return cells;
      }),
      qualitative: fw.indicators
        .filter((i) => i.kind === 'qualitative')
        .map((i) => ({ indicator: i.code, choice: 'done' as const, note: '' })),
      externalThresholds: {},
    });
    const current = fill(2025);
    const history = [2024, 2023, 2022, 2021].map(fill);
    for (let i = 0; i < WARMUP; i++) evaluateReturn(fw, current, history);
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const t0 = performance.now();
      evaluateReturn(fw, current, history);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const targets = fw.areas.reduce((n, a) => n + a.targets.length, 0);
    console.log(
      `  ${fw.plan.region.name}（${fw.dataItems.length} 数据项, ${current.cells.length} 格, ${targets} 目标）: median ${quantile(times, 0.5).toFixed(3)} ms, p95 ${quantile(times, 0.95).toFixed(3)} ms, worst ${times[times.length - 1].toFixed(3)} ms`,
    );
  }
}
