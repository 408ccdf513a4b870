// County departments: the role, the share of the framework a department fills, and its export as itself.
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { departmentFramework, departmentItems, departmentsOf } from '../../../shared/aggregation/department.ts';
import { compileFramework } from '../../../shared/rules/compile.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { getProfile, setProfile } from '../../../electron/settings/settings-service.ts';
import { exportReturn } from '../../../electron/excel-io/excel-service.ts';
import { openReturn, setCells } from '../../../electron/returns/returns-service.ts';
import { openTestBackend, type TestBackend } from '../../helpers/backend.ts';
import { COUNTY } from './helpers.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());

describe('county departments', () => {
  it('lists the departments that supply county items, and cuts the framework down to one of them', () => {
    backend = openTestBackend();
    const fw = requireFramework(backend.ctx, 'taobei');
    const deps = departmentsOf(fw);
    expect(deps[0]).toEqual({ department: '卫健', items: departmentItems(fw, '卫健').length });
    const health = departmentFramework(fw, '卫健');
    expect(health.dataItems.every((d) => d.department === '卫健' && d.level === 'county')).toBe(true);
    const items = new Set(health.dataItems.map((d) => d.code));
    for (const i of health.indicators) {
      if (i.kind === 'ratio') expect(items.has(i.numerator.item) && items.has(i.denominator.item)).toBe(true);
      else expect(i.kind).toBe('value');
    }
    expect(
      health.areas.flatMap((a) => a.targets).every((t) => t.rule.kind !== 'external' && t.rule.kind !== 'qualitative'),
    ).toBe(true);
    // the rule engine accepts the cut-down framework
    expect(() => compileFramework(health)).not.toThrow();
  });

  it('takes the department role for the plan’s county only, with a department that has items', () => {
    backend = openTestBackend();
    expect(
      setProfile(backend.ctx, {
        planId: 'taobei',
        role: 'department',
        department: '教育',
        regionCode: COUNTY,
        userName: '孙',
      }),
    ).toMatchObject({ department: '教育' });
    expect(() =>
      setProfile(backend.ctx, {
        planId: 'taobei',
        role: 'department',
        department: '外交部',
        regionCode: COUNTY,
        userName: '',
      }),
    ).toThrow(/没有由“外交部”负责/);
    expect(() =>
      setProfile(backend.ctx, {
        planId: 'taobei',
        role: 'department',
        department: '教育',
        regionCode: '220802001000',
        userName: '',
      }),
    ).toThrow(/不属于该规划/);
    // other roles carry no department
    setProfile(backend.ctx, { planId: 'taobei', role: 'county', department: '教育', regionCode: COUNTY, userName: '' });
    expect(getProfile(backend.ctx)?.department).toBeUndefined();
  });

  it('exports a department’s return with its items only, the department as 填报单位, and the department in the metadata', async () => {
    backend = openTestBackend({
      profile: { planId: 'taobei', role: 'department', department: '卫健', regionCode: COUNTY, userName: '赵' },
    });
    const fw = requireFramework(backend.ctx, 'taobei');
    const item = departmentItems(fw, '卫健').find((d) => d.valueType === 'count')!;
    const id = openReturn(backend.ctx, COUNTY, 2024, false).summary.id;
    setCells(backend.ctx, id, [{ item: item.code, sex: 'total', value: 1234, noData: null }]);
    const file = await exportReturn(backend.ctx, id);
    expect(file.fileName).toContain('洮北区卫生健康局');
    const wb = XLSX.read(file.bytes, { type: 'buffer' });
    const text = wb.SheetNames.filter((n) => n !== '元数据')
      .map((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n]))
      .join('\n');
    expect(text).toContain('填报单位：洮北区卫生健康局');
    expect(text).toContain(item.code);
    const other = fw.dataItems.find((d) => d.department === '教育' && d.level === 'county')!;
    expect(text).not.toContain(other.code);
    const meta = Object.fromEntries(
      XLSX.utils.sheet_to_json<string[]>(wb.Sheets.元数据, { header: 1 }).map((r) => [r[0], r[1]]),
    );
    expect(meta).toMatchObject({ department: '卫健', regionCode: COUNTY, level: 'county', status: 'draft' });
  });
});
