// A cell holding text that is not a valid number for its item (kept as typed, never dropped) is an error of
// the return: listed, counted, and not used for any indicator. Messages name the quantity by the item's unit.
import { describe, expect, it } from 'vitest';
import { loadBundledFramework } from '../../../electron/frameworks/bundled.ts';
import type { Cell, ReturnData } from '../../../shared/returns/schema.ts';
import { compileFramework } from '../../../shared/rules/compile.ts';
import { evaluateReturn } from '../../../shared/rules/evaluate.ts';
import { countNoun, PARSE_MSG } from '../../../shared/messages/numbers.ts';
import { INVALID, VALUE, readReturn } from '../../../shared/rules/input-validity.ts';
import { FRAMEWORKS_DIR } from '../../helpers/paths.ts';

// 岢岚县: V11 空气质量优良天数比例 = VD10 空气质量优良天数 (天) ÷ VD09 有效监测天数, judged at county level.
const fw = loadBundledFramework(FRAMEWORKS_DIR, 'kelan');
const cell = (item: string, value: number | null, raw: string | null = null): Cell => ({
  item,
  sex: 'total',
  value,
  noData: null,
  prefilled: false,
  raw,
});
const county = (cells: Cell[]): ReturnData => ({
  planId: 'kelan',
  frameworkVersion: fw.version,
  regionCode: '140929000000',
  level: 'county',
  year: 2025,
  cells,
  qualitative: [],
  externalThresholds: { 'kelan-V-G06-2': 80 },
});

describe('a cell with raw (invalid) text', () => {
  const data = county([cell('VD09', 365), cell('VD10', null, '12.5')]);
  const e = evaluateReturn(fw, data, []);

  it('is reported as an error with the parser’s message naming days, not people', () => {
    const issue = e.issues.find((i) => i.item === 'VD10' && i.sex === 'total');
    expect(issue).toMatchObject({ severity: 'error', code: 'invalid_text', message: PARSE_MSG.notInteger('天数') });
    expect(issue!.message).toBe('天数应为整数');
  });

  it('is INVALID for the indicators: V11 has no value and its target says the cell needs correcting', () => {
    const view = readReturn(compileFramework(fw), data, null);
    const slot = compileFramework(fw).itemIndex.get('VD10')! * 3;
    expect(view.state[slot]).toBe(INVALID);
    expect(view.state[compileFramework(fw).itemIndex.get('VD09')! * 3]).toBe(VALUE);
    expect(e.indicators.find((i) => i.code === 'V11')?.value).toBeNull();
    const target = e.targets.find((t) => t.indicator === 'V11');
    expect(target?.status).toBe('no_data');
    expect(target?.message).toMatch(/填写有误，请先更正/);
  });

  it('counts in the area’s and the return’s error totals', () => {
    expect(e.areas.find((a) => a.area === 'environment')!.errors).toBe(1);
    expect(e.total.errors).toBe(1);
    // filled: the statistician did put something there
    const clean = evaluateReturn(fw, county([cell('VD09', 365)]), []);
    expect(e.areas.find((a) => a.area === 'environment')!.cellsFilled).toBe(
      clean.areas.find((a) => a.area === 'environment')!.cellsFilled + 1,
    );
  });

  it('keeps the parser’s own message for text that is no number at all', () => {
    const bad = evaluateReturn(fw, county([cell('VD10', null, 'abc')]), []);
    expect(bad.issues.find((i) => i.item === 'VD10')).toMatchObject({
      severity: 'error',
      message: PARSE_MSG.notANumber('abc'),
    });
  });

  it('a history return with raw text gives no 上年 value', () => {
    const last = { ...county([cell('VD09', 365), cell('VD10', null, '300天')]), year: 2024 };
    const now = evaluateReturn(fw, county([cell('VD09', 365), cell('VD10', 300)]), [last]);
    expect(now.targets.find((t) => t.indicator === 'V11')?.previous ?? null).toBeNull();
    expect(now.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('countNoun', () => {
  it.each([
    ['天', '天数'],
    ['个', '个数'],
    ['人', '人数'],
    ['人次', '人次数'],
    ['例', '例数'],
    ['户', '户数'],
    ['件', '件数'],
    ['所', '所数'],
  ])('a count in %s is %s', (unit, noun) => expect(countNoun(unit, 'count')).toBe(noun));

  it('every count unit of the shipped catalogue has its own noun', () => {
    const units = new Set(fw.dataItems.filter((d) => d.valueType === 'count').map((d) => d.unit));
    for (const unit of units) expect(countNoun(unit, 'count'), unit).not.toBe('数量');
  });
});
