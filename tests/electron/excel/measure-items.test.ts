// The measures encoded from the 策略措施 chapters reach the form: their data items have rows where the level collects
// them, their qualitative assessments sit on the county form, and the rule engine judges a 全覆盖 from the counts.
import { describe, expect, it } from 'vitest';
import { loadBundledFramework } from '../../../electron/frameworks/bundled.ts';
import { buildLayout } from '../../../electron/excel/layout.ts';
import { evaluateReturn } from '../../../shared/rules/evaluate.ts';
import type { ReturnData } from '../../../shared/returns/schema.ts';
import { FRAMEWORKS_DIR } from '../../helpers/paths.ts';

const jinkouhe = loadBundledFramework(FRAMEWORKS_DIR, 'jinkouhe');
const rowsOf = (level: 'township' | 'county') => buildLayout(jinkouhe, level).sheets.flatMap((s) => s.rows);
const itemCodes = (level: 'township' | 'county') =>
  rowsOf(level).flatMap((r) => (r.kind === 'item' ? [r.item.code] : []));

describe('measure targets in the return form (金口河)', () => {
  it('puts the counts of villages and communities with a 妇女议事会 and a 家暴 intervention network on the township form', () => {
    expect(itemCodes('township')).toEqual(expect.arrayContaining(['PD39', 'PD40', 'LD01', 'LD02']));
  });

  it('puts the county-level counts (towns with sewers, townships screening) and the 15分钟健身圈 assessment on the county form only', () => {
    expect(itemCodes('county')).toEqual(expect.arrayContaining(['VD11', 'VD12', 'HD45', 'HD46']));
    expect(itemCodes('township')).not.toContain('VD12');
    const qualitative = rowsOf('county').flatMap((r) => (r.kind === 'qualitative' ? [r.indicator.code] : []));
    expect(qualitative).toContain('H44');
  });

  it('judges 城乡社区妇女议事会实现全覆盖 from the counts: every community is met, one short is not', () => {
    const county = (withCouncil: number): ReturnData => ({
      planId: 'jinkouhe',
      frameworkVersion: jinkouhe.version,
      regionCode: jinkouhe.plan.region.code,
      level: 'county',
      year: 2024,
      cells: [
        { item: 'PD39', sex: 'total', value: 40, noData: null, prefilled: false, raw: null },
        { item: 'PD40', sex: 'total', value: withCouncil, noData: null, prefilled: false, raw: null },
      ],
      qualitative: [],
      externalThresholds: {},
    });
    const statusAt = (n: number) => {
      const e = evaluateReturn(jinkouhe, county(n), []);
      return {
        value: e.indicators.find((i) => i.code === 'P44')?.value,
        status: e.targets.find((t) => t.targetId === 'jinkouhe-P-M02-1')?.status,
      };
    };
    expect(statusAt(39)).toEqual({ value: 97.5, status: 'not_met' });
    // 全覆盖 at 100 % is 已实现: nothing is "near" a ceiling
    expect(statusAt(40)).toEqual({ value: 100, status: 'met' });
  });
});
