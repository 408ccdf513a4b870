// Numeric targets of 妇女与经济 (economy), written from the five plans' texts: every target whose
// rule carries a number, with its indicator, rule, bound strictness and the indicator's unit.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueAreaSchema, PlanAreaSchema, type TargetRule } from '../../shared/framework/schema.ts';
import { FRAMEWORKS_DIR } from '../helpers/paths.ts';

const AREA = 'economy';
type NumericKind = 'at_least' | 'at_most' | 'about' | 'range' | 'balanced';
/** [target id, indicator, rule kind, value(s), strict (null when the kind has none), indicator unit] */
type Row = [string, string, NumericKind, number[], boolean | null, string];

const TABLE: Record<string, Row[]> = {
  taobei: [
    ['taobei-C-G03-1', 'C07', 'about', [40, 2], null, '%'],          // 城镇单位就业人员中的女性比例达到40%左右
    ['taobei-C-G05-2', 'C12', 'at_least', [40], false, '%'],         // 高级专业技术人员中的女性比例达到40%
  ],
  jinkouhe: [
    ['jinkouhe-C-G02-2', 'C04', 'about', [45, 2.3], null, '%'],      // 就业人员中的女性比例保持在 45%左右
    ['jinkouhe-C-G03-1', 'C07', 'about', [40, 2], null, '%'],        // 城镇单位就业人员中的女性比例达到 40%左右
    ['jinkouhe-C-G04-2', 'C12', 'at_least', [40], false, '%'],       // 高级专业技术人员中的女性比例达到 40%
    ['jinkouhe-C-G04-3', 'C15', 'about', [40, 2], null, '%'],        // 技能劳动者中取得职业技能等级证书的女性比例达到 40%左右
  ],
  jiutai: [
    ['jiutai-C-G03-2', 'C11', 'at_least', [100], false, '%'],        // 有就业意愿的离校未就业女大学生做到100%帮扶
    ['jiutai-C-G04-1', 'C07', 'about', [40, 2], null, '%'],          // 城镇单位就业人员中的女性比例达到40%左右
    ['jiutai-C-G05-1', 'C12', 'at_least', [40], false, '%'],         // 高级专业技术人员中的女性比例达到40%
  ],
  jiahe: [
    ['jiahe-C-G06-2', 'C12', 'about', [40, 2], null, '%'],           // 专业技术人员中女性高级职称获得者比例达到40%左右
  ],
  kelan: [
    ['kelan-C-G02-2', 'C04', 'about', [45, 2.3], null, '%'],         // 就业人员中的女性比例保持在45%左右
    ['kelan-C-G03-1', 'C07', 'about', [40, 2], null, '%'],           // 城镇单位就业人员中的女性比例达到40%左右
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
});
