// Department scopes enforced everywhere: a county department enters, imports, exports and is judged on its own
// items only; a department file carrying other items gets those cells refused at the county, each item named.
import { afterEach, describe, expect, it } from 'vitest';
import { departmentItems } from '../../../shared/aggregation/department.ts';
import { importBatch } from '../../../electron/merge/batch-import.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import { mergeResult } from '../../../electron/merge/merge-service.ts';
import { exportReturn, importWorkbook } from '../../../electron/excel-io/excel-service.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { evaluateStored, setStatus } from '../../../electron/evaluation/return-evaluation.ts';
import {
  openReturn,
  requireReturn,
  returnData,
  setCells,
  setQualitative,
  setThreshold,
} from '../../../electron/returns/returns-service.ts';
import { putCell } from '../../../electron/db/repos/returns-repo.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { COUNTY, TOWNS, cellOf, file, jsonReader, townshipReturn } from './helpers.ts';

const now = () => new Date('2025-02-10T02:00:00Z');
const HEALTH = {
  planId: 'taobei',
  role: 'department' as const,
  department: '卫健',
  regionCode: COUNTY,
  userName: '赵',
};
let backend: TestBackend;
afterEach(() => backend?.dispose());

describe('department scope', () => {
  it('refuses every cell channel for another department’s item or a township sum, naming it, writing nothing', () => {
    backend = openTestBackend({ profile: HEALTH, now });
    const fw = requireFramework(backend.ctx, 'taobei');
    const own = departmentItems(fw, '卫健')[0];
    const education = fw.dataItems.find((d) => d.department === '教育' && d.level === 'county')!;
    const id = openReturn(backend.ctx, COUNTY, 2024, false).summary.id;
    setCells(backend.ctx, id, [{ item: own.code, sex: 'total', value: 12, noData: null }]);
    expect(() => setCells(backend.ctx, id, [{ item: education.code, sex: 'total', value: 5, noData: null }])).toThrow(
      `数据项 ${education.code} ${education.name}属于教育部门，不是卫健部门的数据项，本部门不能填写。`,
    );
    // 活产数 is 卫健's, but the county sums it from its townships
    expect(() => setCells(backend.ctx, id, [{ item: 'HD01', sex: 'total', value: 88888, noData: null }])).toThrow(
      '数据项 HD01 活产数由各乡镇报表汇总得出，不由卫健部门报送，本部门不能填写。',
    );
    // a batch with one foreign cell writes none of it
    expect(() =>
      setCells(backend.ctx, id, [
        { item: own.code, sex: 'total', value: 13, noData: null },
        { item: 'HD01', sex: 'total', value: 1, noData: null },
      ]),
    ).toThrow(/HD01/);
    const qualitative = fw.indicators.find((i) => i.kind === 'qualitative')!;
    expect(() => setQualitative(backend.ctx, id, qualitative.code, 'done', '')).toThrow(
      '定性目标和上级要求的阈值由县（区）填写',
    );
    const external = fw.areas.flatMap((a) => a.targets).find((t) => t.rule.kind === 'external');
    if (external) expect(() => setThreshold(backend.ctx, id, external.id, 10)).toThrow('由县（区）填写');
    expect(returnData(backend.ctx, requireReturn(backend.ctx, id)).cells.map((c) => `${c.item}=${c.value}`)).toEqual([
      `${own.code}=12`,
    ]);
  });

  it('refuses an Excel file with another department’s items, naming each, writing nothing', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY, now });
    const fw = requireFramework(backend.ctx, 'taobei');
    const own = departmentItems(fw, '卫健').find((d) => d.valueType === 'count')!;
    const education = fw.dataItems.find(
      (d) => d.department === '教育' && d.level === 'county' && d.valueType === 'count',
    )!;
    // the county's own return (all county items) handed to the department to import
    const id = openReturn(backend.ctx, COUNTY, 2024, false).summary.id;
    setCells(backend.ctx, id, [
      { item: own.code, sex: 'total', value: 40, noData: null },
      { item: education.code, sex: 'total', value: 9, noData: null },
    ]);
    const xlsx = await exportReturn(backend.ctx, id);
    backend.dispose();
    backend = openTestBackend({ profile: HEALTH, now });
    const r = await importWorkbook(backend.ctx, xlsx.bytes, xlsx.fileName, true);
    expect(r.written).toBe(false);
    const refusals = r.problems.filter((p) => p.code === 'not_own_item');
    expect(refusals.map((p) => p.item)).toEqual([education.code]);
    expect(refusals[0].message).toBe(
      `数据项 ${education.code} ${education.name}属于教育部门，不是卫健部门的数据项，本部门不能导入；请删去这一行的数据后再导入。`,
    );
    expect(openReturn(backend.ctx, COUNTY, 2024, false).summary.cellsFilled).toBe(0);
  });

  it('judges a department on its own items only: a foreign cell’s issue or 预警 never blocks its submission', () => {
    backend = openTestBackend({ profile: HEALTH, now });
    const fw = requireFramework(backend.ctx, 'taobei');
    const own = new Set(departmentItems(fw, '卫健').map((d) => d.code));
    const id = openReturn(backend.ctx, COUNTY, 2024, false).summary.id;
    // a foreign cell stored before scopes were enforced: female above total, an error were it judged
    const education = fw.dataItems.find((d) => d.department === '教育' && d.level === 'county' && d.sex !== 'single')!;
    putCell(
      backend.ctx.db,
      id,
      { item: education.code, sex: 'total', value: 5, noData: null, prefilled: false, raw: null },
      now().toISOString(),
    );
    putCell(
      backend.ctx.db,
      id,
      { item: education.code, sex: 'female', value: 50, noData: null, prefilled: false, raw: null },
      now().toISOString(),
    );
    const { evaluation, view } = evaluateStored(backend.ctx, requireReturn(backend.ctx, id));
    expect(view.data.cells.every((c) => own.has(c.item))).toBe(true);
    expect(evaluation.issues.filter((i) => !own.has(i.item))).toEqual([]);
    expect(setStatus(backend.ctx, id, 'submitted').status).toBe('submitted');
  });

  it('a department file with a township sum and another department’s item: those cells refused and named, the county keeps the township sum', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY, now });
    const office = resolveOffice(backend.ctx);
    const fw = office.framework;
    const own = departmentItems(fw, '卫健').find((d) => d.valueType === 'count')!;
    const education = fw.dataItems.find((d) => d.department === '教育' && d.level === 'county')!;
    const towns = [TOWNS[0], TOWNS[1]].map((t, i) => townshipReturn(fw, t, 2024, { 'HD01.total': 300 + i * 50 }));
    const dep = {
      ...townshipReturn(fw, COUNTY, 2024, {
        [`${own.code}.total`]: 77,
        'HD01.total': 88888,
        [`${education.code}.total`]: 6,
      }),
      level: 'county' as const,
    };
    const verdicts = await importBatch(
      backend.ctx,
      office,
      2024,
      [
        ...towns.map((t, i) => file(`t${i}.json`, t, { supplierName: t.regionCode })),
        file('卫健.json', dep, { department: '卫健', supplierName: '洮北区卫生健康局' }),
      ],
      jsonReader,
    );
    const v = verdicts[2];
    expect(v.verdict).toBe('warnings');
    expect(v.problems).toContainEqual({
      severity: 'warning',
      location: 'HD01',
      message: 'HD01 活产数（88888）：由各乡镇报表汇总得出，不由卫健部门报送，此格未采用',
    });
    expect(v.problems.map((p) => p.message)).toContain(
      `${education.code} ${education.name}（6）：属于教育部门，不是卫健部门的数据项，此格未采用`,
    );
    const result = mergeResult(backend.ctx, { year: 2024 });
    expect(cellOf(result.data, 'HD01.total')?.value).toBe(300 + 350);
    expect(cellOf(result.data, `${own.code}.total`)?.value).toBe(77);
    expect(cellOf(result.data, `${education.code}.total`)?.value ?? null).toBeNull();
  });
});
