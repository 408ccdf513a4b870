// A plan authored from the bare shared catalogue (no shipped plan copied), and local indicators in the reserved
// range 80–99 of each area: declared with their definition, unit, numerator and denominator; refused when they
// collide with a catalogue code or leave the range.
import { describe, expect, it } from 'vitest';
import { emptyPlan, judgeSample, withLocalIndicator, withTarget } from '../../../shared/framework/author.ts';
import { isLocalCode, LOCAL_CODE_RANGE, type Indicator } from '../../../shared/framework/schema.ts';
import { loadCatalogue } from '../../../electron/frameworks/bundled.ts';
import { FRAMEWORKS_DIR } from '../../helpers/paths.ts';

const catalogue = loadCatalogue(FRAMEWORKS_DIR);
const label = {
  id: 'zhenlai',
  name: '镇赉县妇女发展规划（2021-2030年）',
  start: 2021,
  end: 2030,
  baselineYear: 2020,
  region: { code: '220821000000', name: '镇赉县', fullName: '吉林省白城市镇赉县' },
};
const h04 = {
  indicator: 'H04',
  text: '孕产妇系统管理率达到95%以上',
  rule: { kind: 'at_least' as const, value: 95, strict: false },
  section: '主要目标' as const,
  item: 2,
  quote: '孕产妇系统管理率达到95%以上。',
};
const localRate: Indicator = {
  kind: 'ratio',
  code: 'H80',
  area: 'health',
  name: '农村妇女“两癌”免费检查覆盖率',
  unit: '%',
  decimals: 1,
  numerator: { item: 'HD80', sex: 'total' },
  denominator: { item: 'HD81', sex: 'total' },
  judgeLevel: 'township',
  department: '卫健',
  note: '当年接受免费宫颈癌和乳腺癌检查的农村适龄妇女人数占农村适龄妇女人数的比例',
};
const localItems = [
  {
    code: 'HD80',
    name: '接受“两癌”免费检查的农村妇女人数',
    unit: '人',
    valueType: 'count' as const,
    sex: 'single' as const,
    decimals: 0,
    level: 'township' as const,
    aggregation: 'sum' as const,
    department: '卫健',
  },
  {
    code: 'HD81',
    name: '农村适龄妇女人数',
    unit: '人',
    valueType: 'count' as const,
    sex: 'single' as const,
    decimals: 0,
    level: 'township' as const,
    aggregation: 'sum' as const,
    department: '卫健',
  },
];

describe('a plan from the bare catalogue', () => {
  it('starts with eight empty areas and takes a target for a catalogue indicator, its 主要目标 item stated by the sentence', () => {
    const empty = emptyPlan(label);
    expect(empty.areas.map((a) => a.targets.length)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(empty.indicators).toEqual([]);
    const { framework, targetId } = withTarget(empty, catalogue, h04);
    expect(targetId).toBe('zhenlai-H-G02-1');
    expect(framework.version).toBe(2);
    expect(framework.indicators.map((i) => i.code)).toEqual(['H04']);
    // exactly the catalogue's definition, and the items its numerator and denominator need
    expect(framework.indicators[0]).toEqual(catalogue[0].indicators.find((i) => i.code === 'H04'));
    expect(framework.dataItems.map((d) => d.code).sort()).toEqual(['HD01', 'HD03']);
    expect(framework.areas[0].objectives).toEqual([{ item: 2, text: '孕产妇系统管理率达到95%以上。' }]);
    expect(judgeSample(framework, targetId, 94.5).status).toBe('basically_met');
    expect(judgeSample(framework, targetId, 96).status).toBe('met');
  });

  it('takes every rule form: 左右 with a tolerance and sides, strict bounds, trend, qualitative, an end year', () => {
    let fw = emptyPlan(label);
    const set = (input: Parameters<typeof withTarget>[2]) => {
      const r = withTarget(fw, catalogue, input);
      fw = r.framework;
      return r.targetId;
    };
    const about = set({
      ...h04,
      rule: { kind: 'about', value: 96, tolerance: 1, sides: 'at_least' },
      year: 2025,
      section: '策略措施',
      item: 4,
      text: '2025年达到96%左右',
      quote: '到2025年，孕产妇系统管理率达到96%左右。',
    });
    const strict = set({
      indicator: 'H03',
      text: '孕产妇死亡率低于12/10万',
      rule: { kind: 'at_most', value: 12, strict: true },
      section: '主要目标',
      item: 3,
      quote: '孕产妇死亡率控制在低于12/10万。',
    });
    const qual = catalogue.flatMap((c) => c.indicators).find((i) => i.kind === 'qualitative')!;
    set({
      indicator: qual.code,
      text: '建立健全工作机制',
      rule: { kind: 'qualitative' },
      section: '策略措施',
      item: 1,
      quote: '建立健全妇女发展工作机制。',
    });
    expect(judgeSample(fw, about, 95.2).status).toBe('met');
    expect(judgeSample(fw, about, 94).status).not.toBe('met');
    expect(fw.areas[0].targets.find((t) => t.id === about)?.year).toBe(2025);
    expect(judgeSample(fw, strict, 12).status).not.toBe('met');
    expect(() => withTarget(fw, catalogue, { ...h04, year: 2035 })).toThrow('目标年份2035年不在规划期2021—2030年内');
  });
});

describe('local indicator codes', () => {
  it('reserves 80–99 of every area; the catalogue uses none of them', () => {
    expect(LOCAL_CODE_RANGE).toEqual({ from: 80, to: 99 });
    const codes = catalogue.flatMap((c) => [...c.indicators.map((i) => i.code), ...c.dataItems.map((d) => d.code)]);
    expect(codes.filter(isLocalCode)).toEqual([]);
    expect(['H80', 'HD99', 'L85', 'VD80'].every(isLocalCode)).toBe(true);
    expect(['H79', 'HD01', 'H100', 'X80'].some(isLocalCode)).toBe(false);
  });

  it('declares a local rate with its own data items, then judges a target on it like any other', () => {
    const fw1 = withLocalIndicator(emptyPlan(label), catalogue, { indicator: localRate, dataItems: localItems });
    expect(fw1.version).toBe(2);
    expect(fw1.local?.indicators.map((i) => i.code)).toEqual(['H80']);
    expect(fw1.local?.dataItems.map((d) => d.code)).toEqual(['HD80', 'HD81']);
    const { framework, targetId } = withTarget(fw1, catalogue, {
      indicator: 'H80',
      text: '农村妇女“两癌”免费检查覆盖率达到90%以上',
      rule: { kind: 'at_least', value: 90, strict: false },
      section: '策略措施',
      item: 7,
      quote: '农村适龄妇女“两癌”免费检查覆盖率达到90%以上。',
    });
    expect(framework.indicators.find((i) => i.code === 'H80')).toEqual(localRate);
    expect(framework.dataItems.map((d) => d.code).sort()).toEqual(['HD80', 'HD81']);
    expect(framework.local).toEqual(fw1.local);
    expect(judgeSample(framework, targetId, 91).status).toBe('met');
    // a local rate over a catalogue denominator is fine too
    const overCatalogue = withLocalIndicator(framework, catalogue, {
      indicator: {
        ...localRate,
        code: 'H81',
        numerator: { item: 'HD80', sex: 'total' },
        denominator: { item: 'HD01', sex: 'total' },
      },
      dataItems: [],
    });
    expect(overCatalogue.local?.indicators.map((i) => i.code)).toEqual(['H80', 'H81']);
  });

  it('refuses a code that collides with the catalogue, leaves the range, belongs to another area, or reads an undeclared item', () => {
    const empty = emptyPlan(label);
    const declare =
      (indicator: Indicator, items = localItems) =>
      () =>
        withLocalIndicator(empty, catalogue, { indicator, dataItems: items });
    expect(declare({ ...localRate, code: 'H04' })).toThrow('代码 H04 是指标目录中已有的代码');
    expect(declare({ ...localRate, code: 'H50' })).toThrow('代码 H50 不在本地代码范围内：本地代码为 H80～H99');
    expect(declare({ ...localRate, code: 'E80' })).toThrow('代码 E80 不属于该指标的领域，应以 H 开头');
    expect(declare(localRate, [{ ...localItems[0], code: 'HD01' }, localItems[1]])).toThrow(
      '代码 HD01 是指标目录中已有的代码',
    );
    expect(declare(localRate, [{ ...localItems[0], code: 'HD60' }, localItems[1]])).toThrow('HD60 不在本地代码范围内');
    expect(declare(localRate, [localItems[1]])).toThrow(
      '指标 H80 引用的数据项 HD80 既不在指标目录中，也未作为本地数据项填写',
    );
  });
});
