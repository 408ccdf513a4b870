// Numeric targets of 妇女参与决策和管理 (decision), written from the five plans' texts: every target whose
// rule carries a number, with its indicator, rule, bound strictness and the indicator's unit.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueAreaSchema, PlanAreaSchema, type TargetRule } from '../../shared/framework/schema.ts';
import { FRAMEWORKS_DIR } from '../helpers/paths.ts';

const AREA = 'decision';
type NumericKind = 'at_least' | 'at_most' | 'about' | 'range' | 'balanced';
/** [target id, indicator, rule kind, value(s), strict (null when the kind has none), indicator unit] */
type Row = [string, string, NumericKind, number[], boolean | null, string];

const TABLE: Record<string, Row[]> = {
  taobei: [
    ['taobei-P-G08-3', 'P31', 'at_least', [30], false, '%'],         // 村委会成员中女性比例达到30%以上
  ],
  jinkouhe: [
    ['jinkouhe-P-G08-3', 'P31', 'at_least', [30], false, '%'],       // 村委会成员中女性比例达到 30%以上
    ['jinkouhe-P-G09-3', 'P37', 'about', [50, 2.5], null, '%'],      // 社区居委会成员中女性比例保持在 50%左右
    ['jinkouhe-P-G09-4', 'P38', 'at_least', [40], false, '%'],       // 社区居委会主任中女性比例达到 40%以上
  ],
  jiutai: [
    ['jiutai-P-G05-2', 'P17', 'at_least', [50], false, '%'],         // 力争一半以上的领导班子配备女干部
    ['jiutai-P-G08-3', 'P31', 'at_least', [30], false, '%'],         // 村委会成员中女性比例达到30%以上
  ],
  jiahe: [
    ['jiahe-P-G04-1', 'P14', 'at_least', [100], false, '%'],         // 各乡镇领导班子至少配备1名女干部
    ['jiahe-P-G04-2', 'P13', 'at_least', [1], false, '人'],          // 全县乡镇党政正职中至少配备1名女干部
    ['jiahe-P-G05-3', 'P20', 'at_least', [50], false, '%'],          // 县党政工作部门，力争一半以上的领导班子配备女干部
    ['jiahe-P-G08-3', 'P31', 'at_least', [30], false, '%'],          // 村委会成员中女性比例达到30%以上
    ['jiahe-P-G08-4', 'P33', 'at_least', [10], false, '%'],          // 村主职中女性比例达到10%以上
  ],
  kelan: [
    ['kelan-P-G07-3', 'P31', 'about', [30, 1.5], null, '%'],         // 村委会成员中女性比例达到30%左右
    ['kelan-P-G08-3', 'P37', 'about', [50, 2.5], null, '%'],         // 社区居委会成员中女性比例保持在50%左右
    ['kelan-P-G08-4', 'P38', 'at_least', [40], false, '%'],          // 社区居委会主任中女性比例达到40%以上
  ],
};

/** Targets set relative to another indicator: [target id, indicator, compared indicator, op, strict]. */
const RELATIVE: Record<string, [string, string, string, 'at_least' | 'at_most', boolean][]> = {
  taobei: [
    ['taobei-P-G02-2', 'P04', 'P03', 'at_least', false],   // 党员代表大会中女党员代表比例一般不低于本地区党员总数中女性比例
    ['taobei-P-M07-1', 'P27', 'P28', 'at_least', false],   // 企业职工代表大会中女职工代表比例与女职工比例相适应
  ],
  jinkouhe: [
    ['jinkouhe-P-G02-2', 'P04', 'P03', 'at_least', false], // 一般不少于本地区党员总数中女性比例
    ['jinkouhe-P-G07-2', 'P27', 'P28', 'at_least', false],
  ],
  jiutai: [
    ['jiutai-P-G02-2', 'P04', 'P03', 'at_least', false],
    ['jiutai-P-G07-2', 'P27', 'P28', 'at_least', false],
  ],
  jiahe: [
    ['jiahe-P-G02-2', 'P04', 'P03', 'at_least', false],
    ['jiahe-P-G07-2', 'P27', 'P28', 'at_least', false],
  ],
  kelan: [
    ['kelan-P-G02-2', 'P04', 'P03', 'at_least', false],
    ['kelan-P-G06-2', 'P27', 'P28', 'at_least', false],
    ['kelan-P-M08-1', 'P23', 'P22', 'at_least', false],    // 各级各类干部培训中女干部比例不低于女干部占同级干部的比例
  ],
};

const catalogue = CatalogueAreaSchema.parse(JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'catalogue', `${AREA}.json`), 'utf8')));
const indicators = new Map(catalogue.indicators.map((i) => [i.code, i]));

/** The numbers a rule carries, or null when it carries none (trend, relative, external, qualitative). */
function numbers(rule: TargetRule): { values: number[]; strict: boolean | null } | null {
  switch (rule.kind) {
    case 'at_least': case 'at_most': return { values: [rule.value], strict: rule.strict };
    case 'about': return { values: [rule.value, rule.tolerance], strict: null };
    case 'range': return { values: [rule.min, rule.max], strict: rule.minStrict || rule.maxStrict };
    case 'balanced': return { values: [rule.low, rule.high], strict: null };
    default: return null;
  }
}

describe.each(Object.keys(TABLE))(`${AREA} numeric targets of plan %s`, (planId) => {
  const area = PlanAreaSchema.parse(JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'plans', planId, `${AREA}.json`), 'utf8')));
  const byId = new Map(area.targets.map((t) => [t.id, t]));

  it.each(TABLE[planId])('%s → %s %s %j', (id, code, kind, values, strict, unit) => {
    const target = byId.get(id);
    expect(target, `${id} 缺失`).toBeDefined();
    expect(target!.indicator).toBe(code);
    expect(target!.rule.kind).toBe(kind);
    expect(numbers(target!.rule)).toEqual({ values, strict });
    const indicator = indicators.get(code);
    expect(indicator, `${code} 不在目录中`).toBeDefined();
    expect(indicator!.kind).not.toBe('qualitative');
    expect(indicator!.kind === 'qualitative' ? undefined : indicator!.unit).toBe(unit);
  });

  it('has no numeric target beyond the table', () => {
    const numeric = area.targets.filter((t) => numbers(t.rule) !== null).map((t) => t.id).sort();
    expect(numeric).toEqual(TABLE[planId].map((row) => row[0]).sort());
  });

  it('uses only catalogue indicators of this area', () => {
    for (const target of area.targets) {
      expect(indicators.has(target.indicator), `${target.id} → ${target.indicator}`).toBe(true);
      if (target.rule.kind === 'relative') expect(indicators.has(target.rule.indicator)).toBe(true);
    }
  });

  it('sets exactly these targets relative to another indicator', () => {
    const relative = area.targets.flatMap((t) => (t.rule.kind === 'relative' ? [[t.id, t.indicator, t.rule.indicator, t.rule.op, t.rule.strict]] : []));
    expect(relative).toEqual(RELATIVE[planId]);
  });
});
