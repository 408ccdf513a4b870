// Township (or county, or department) return files as the app exports them, for merge tests, the e2e test and the
// benchmark: plausible values (tests/helpers/fill-return.ts) written by the Excel export.
import { writeReturnWorkbook } from '../../../electron/excel/write-return.ts';
import type { Framework } from '../../../shared/framework/schema.ts';
import type { Cell, ReturnData, ReturnStatus } from '../../../shared/returns/schema.ts';
import { evaluateReturn } from '../../../shared/rules/evaluate.ts';
import { plausibleCells } from '../../helpers/fill-return.ts';

export interface ReturnFileOptions {
  regionCode: string;
  regionName: string;
  year: number;
  level?: 'township' | 'county';
  /** cells to set after the plausible ones, e.g. { 'PD30.total': 12 } */
  cells?: Record<string, number | null>;
  status?: ReturnStatus;
  department?: string;
  /** the export time, which stands for 报出日期 */
  exportedAt?: Date;
}

export function plausibleReturn(framework: Framework, o: ReturnFileOptions): ReturnData {
  const level = o.level ?? 'township';
  const cells = new Map<string, Cell>(
    plausibleCells(framework, { regionCode: o.regionCode, year: o.year, level }).map((e) => [
      `${e.item}.${e.sex}`,
      { ...e, prefilled: false, raw: null },
    ]),
  );
  for (const [key, value] of Object.entries(o.cells ?? {})) {
    const [item, sex] = key.split('.');
    cells.set(key, { item, sex: sex as Cell['sex'], value, noData: null, prefilled: false, raw: null });
  }
  return {
    planId: framework.plan.id,
    frameworkVersion: framework.version,
    regionCode: o.regionCode,
    level,
    year: o.year,
    cells: [...cells.values()],
    qualitative: [],
    externalThresholds: {},
  };
}

export async function returnFile(
  framework: Framework,
  o: ReturnFileOptions,
  data = plausibleReturn(framework, o),
): Promise<Buffer> {
  const { bytes } = await writeReturnWorkbook({
    kind: 'return',
    framework,
    data,
    region: { code: o.regionCode, name: o.regionName },
    previous: null,
    evaluation: evaluateReturn(framework, data, []),
    explanations: {},
    userName: '张丽',
    regionVintage: 2023,
    now: o.exportedAt ?? new Date('2025-01-15T02:00:00Z'),
    status: o.status ?? 'submitted',
    department: o.department,
  });
  return bytes;
}
