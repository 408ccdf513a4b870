// The merge's arithmetic through the real services: counts summed, shares pooled from the summed numerator and
// denominator (never the mean of the townships' percentages), county items from the county or its departments,
// and the same one level up at a city with counties under different plans.
import { afterEach, describe, expect, it } from 'vitest';
import { importBatch } from '../../../electron/merge/batch-import.ts';
import { buildMergedReturn } from '../../../electron/merge/county-aggregate.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import { breakdown, mergeResult } from '../../../electron/merge/merge-service.ts';
import { openReturn, setCells, setQualitative } from '../../../electron/returns/returns-service.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { CITY, COUNTY, TOWNS, cellOf, file, jsonReader, townshipReturn } from './helpers.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());
const now = () => new Date('2025-02-10T02:00:00Z');

describe('county aggregation', () => {
  it('pools a share from summed counts: 3/10 (30%) and 50/100 (50%) give 53/110 = 48.2%, not 40%', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY, now });
    const office = resolveOffice(backend.ctx);
    const fw = office.framework;
    const verdicts = await importBatch(
      backend.ctx,
      office,
      2024,
      [
        file('a.json', townshipReturn(fw, TOWNS[0], 2024, { 'PD30.total': 10, 'PD30.female': 3, 'HD01.total': 120 })),
        file('b.json', townshipReturn(fw, TOWNS[1], 2024, { 'PD30.total': 100, 'PD30.female': 50, 'HD01.total': 80 })),
      ],
      jsonReader,
    );
    expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted']);

    const merged = buildMergedReturn(backend.ctx, office, 2024);
    expect(cellOf(merged.result.data, 'PD30.total')?.value).toBe(110);
    expect(cellOf(merged.result.data, 'PD30.female')?.value).toBe(53);
    expect(cellOf(merged.result.data, 'HD01.total')?.value).toBe(200);
    const p31 = merged.evaluation.indicators.find((i) => i.code === 'P31')!;
    expect(p31).toMatchObject({ numerator: 53, denominator: 110 });
    expect(p31.value).toBeCloseTo(48.1818, 4);
    expect(p31.value).not.toBeCloseTo(40, 0);
    const target = merged.evaluation.targets.find((t) => t.indicator === 'P31' && t.value !== null);
    expect(target?.value).toBe(48.2);
    // the merged return is a county return judged by the same engine
    expect(merged.result.data).toMatchObject({ level: 'county', regionCode: COUNTY, planId: 'taobei', year: 2024 });
  });

  it('takes county-level items and answers from the county’s own return, and says so per item', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY, now });
    const office = resolveOffice(backend.ctx);
    const own = openReturn(backend.ctx, COUNTY, 2024, false).summary.id;
    const countyItem = office.framework.dataItems.find(
      (d) => d.level === 'county' && d.aggregation === 'none' && d.valueType === 'count',
    )!;
    const townItem = office.framework.dataItems.find(
      (d) => d.level === 'township' && d.aggregation === 'sum' && d.sex === 'single',
    )!;
    setCells(backend.ctx, own, [
      { item: countyItem.code, sex: 'total', value: 17, noData: null },
      // a county's own entry of a township item is not used: the sum of the townships is
      { item: townItem.code, sex: 'total', value: 999999, noData: null },
    ]);
    const qualitative = office.framework.indicators.find((i) => i.kind === 'qualitative')!;
    setQualitative(backend.ctx, own, qualitative.code, 'done', '已建立');
    await importBatch(
      backend.ctx,
      office,
      2024,
      [
        file(
          'a.json',
          townshipReturn(office.framework, TOWNS[0], 2024, {
            [`${townItem.code}.total`]: 5,
            [`${countyItem.code}.total`]: 400,
          }),
        ),
      ],
      jsonReader,
    );
    const result = mergeResult(backend.ctx, { year: 2024 });
    expect(cellOf(result.data, `${countyItem.code}.total`)?.value).toBe(17);
    expect(cellOf(result.data, `${townItem.code}.total`)?.value).toBe(5);
    expect(result.data.qualitative).toContainEqual({ indicator: qualitative.code, choice: 'done', note: '已建立' });
    expect(result.sources.find((s) => s.item === countyItem.code)).toMatchObject({ kind: 'own', label: '本级填报' });
    expect(result.sources.find((s) => s.item === townItem.code)).toMatchObject({
      kind: 'children',
      contributors: 1,
      label: '1/1 个下级汇总',
    });
  });

  it('takes a department’s items from its return, and names the department as their source', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY, now });
    const office = resolveOffice(backend.ctx);
    const fw = office.framework;
    const yb = fw.dataItems.filter((d) => d.department === '医保' && d.level === 'county');
    expect(yb.length).toBeGreaterThan(0);
    const own = openReturn(backend.ctx, COUNTY, 2024, false).summary.id;
    setCells(backend.ctx, own, [{ item: yb[0].code, sex: 'total', value: 1, noData: null }]);
    const depCells: Record<string, number> = {};
    for (const d of yb) depCells[`${d.code}.total`] = 5000;
    const other = fw.dataItems.find((d) => d.department === '卫健' && d.level === 'county')!;
    depCells[`${other.code}.total`] = 7; // not 医保's: ignored, with a warning
    const dep = { ...townshipReturn(fw, COUNTY, 2024, depCells), level: 'county' as const };
    const [v] = await importBatch(
      backend.ctx,
      office,
      2024,
      [file('医保.json', dep, { department: '医保', supplierName: '洮北区医疗保障局' })],
      jsonReader,
    );
    expect(v.verdict).toBe('warnings');
    expect(v.supplier).toMatchObject({ kind: 'department', department: '医保' });
    expect(v.problems.map((p) => p.message).join()).toContain(other.code);
    const result = mergeResult(backend.ctx, { year: 2024 });
    expect(cellOf(result.data, `${yb[0].code}.total`)?.value).toBe(5000);
    expect(cellOf(result.data, `${other.code}.total`)?.value ?? null).toBeNull();
    expect(result.sources.find((s) => s.item === yb[0].code)).toMatchObject({
      kind: 'department',
      department: '医保',
      label: '医疗保障局报送',
    });
    expect(result.notes.join('\n')).toContain('医疗保障局');
  });

  it('puts every township side by side with the total, marking the one that pulls an indicator below target', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY, now });
    const office = resolveOffice(backend.ctx);
    await importBatch(
      backend.ctx,
      office,
      2024,
      [
        file('a.json', townshipReturn(office.framework, TOWNS[0], 2024, { 'PD30.total': 100, 'PD30.female': 10 })),
        file('b.json', townshipReturn(office.framework, TOWNS[1], 2024, { 'PD30.total': 100, 'PD30.female': 40 })),
      ],
      jsonReader,
    );
    const b = breakdown(backend.ctx, { year: 2024 });
    expect(b.columns.map((c) => c.code)).toEqual([TOWNS[0], TOWNS[1]]);
    const p31 = b.rows.find((r) => r.kind === 'indicator' && r.code === 'P31')!;
    expect(p31.values).toEqual([10, 40]);
    expect(p31.total).toBe(25); // 50 / 200, not the mean of 10% and 40%
    expect(p31.status).toEqual(['not_met', 'met']);
    expect(p31.totalStatus).toBe('not_met');
    expect(p31.target).toContain('30%');
    const items = b.rows.filter((r) => r.kind === 'item' && r.code === 'PD30');
    expect(items.map((r) => [r.sex, r.values, r.total])).toEqual([
      ['total', [100, 100], 200],
      ['female', [10, 40], 50],
    ]);
  });

  it('merges counties at a city, summing every additive item and matching other plans by item code', async () => {
    backend = openTestBackend({ profile: { planId: 'taobei', role: 'city', regionCode: CITY, userName: '李明' }, now });
    const office = resolveOffice(backend.ctx);
    expect(office).toMatchObject({ level: 'city', planId: 'taobei' });
    const fw = office.framework;
    const countySum = fw.dataItems.find((d) => d.level === 'county' && d.aggregation === 'sum' && d.sex !== 'single')!;
    const countyNone = fw.dataItems.find((d) => d.level === 'county' && d.aggregation === 'none')!;
    const a = {
      ...townshipReturn(fw, COUNTY, 2024, {
        'PD30.total': 10,
        'PD30.female': 3,
        [`${countySum.code}.total`]: 1000,
        [`${countySum.code}.female`]: 400,
        [`${countyNone.code}.total`]: 3,
      }),
      level: 'county' as const,
    };
    const jiahe = requireFramework(backend.ctx, 'jiahe');
    const b = {
      ...townshipReturn(jiahe, '220821000000', 2024, {
        'PD30.total': 100,
        'PD30.female': 50,
        [`${countySum.code}.total`]: 500,
        [`${countySum.code}.female`]: 100,
      }),
      level: 'county' as const,
    };
    const verdicts = await importBatch(
      backend.ctx,
      office,
      2024,
      [file('taobei.json', a), file('zhenlai.json', b)],
      jsonReader,
    );
    expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'warnings']);
    expect(verdicts[1].problems[0].message).toContain('按数据项代码');
    const result = mergeResult(backend.ctx, { year: 2024 });
    expect(cellOf(result.data, `${countySum.code}.total`)?.value).toBe(1500);
    expect(cellOf(result.data, `${countySum.code}.female`)?.value).toBe(500);
    expect(cellOf(result.data, `${countyNone.code}.total`)?.value ?? null).toBeNull(); // the city's own, not summed
    expect(result.evaluation.indicators.find((i) => i.code === 'P31')).toMatchObject({
      numerator: 53,
      denominator: 110,
    });
    expect(result.completeness).toMatchObject({ reported: 2 });
    expect(result.notes[0]).toContain('白城市');
  });
});
