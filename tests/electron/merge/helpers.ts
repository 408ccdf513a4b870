// Merge tests without Excel: a "file" is the JSON of an incoming return, read by a reader that parses it.
// The Excel path is tested end to end in merge-excel.test.ts and the e2e test.
import type { IncomingFile, ReadOutcome, ReturnReader } from '../../../electron/merge/batch-import.ts';
import type { IncomingReturn } from '../../../electron/merge/submissions.ts';
import type { Framework } from '../../../shared/framework/schema.ts';
import type { Cell, ReturnData } from '../../../shared/returns/schema.ts';
import { plausibleCells } from '../../helpers/fill-return.ts';

export const COUNTY = '220802000000'; // 洮北区 (plan taobei)
export const CITY = '220800000000'; // 白城市
export const TOWNS = ['220802001000', '220802002000', '220802003000', '220802004000'];
export const OTHER_COUNTY_TOWN = '220821100000'; // a township of 镇赉县

export const jsonReader: ReturnReader = (bytes): ReadOutcome => {
  const parsed = JSON.parse(bytes.toString('utf8')) as IncomingReturn & { problems?: ReadOutcome['problems'] };
  const { problems = [], ...incoming } = parsed;
  return { problems, incoming: problems.some((p) => p.severity === 'error') ? null : incoming };
};

export function townshipReturn(
  framework: Framework,
  regionCode: string,
  year: number,
  cells?: Record<string, number | null>,
): ReturnData {
  const base: Cell[] = cells
    ? Object.entries(cells).map(([key, value]) => {
        const [item, sex] = key.split('.');
        return { item, sex: sex as Cell['sex'], value, noData: null, prefilled: false, raw: null };
      })
    : plausibleCells(framework, { regionCode, year, level: 'township' }).map((e) => ({
        ...e,
        prefilled: false,
        raw: null,
      }));
  return {
    planId: framework.plan.id,
    frameworkVersion: framework.version,
    regionCode,
    level: 'township',
    year,
    cells: base,
    qualitative: [],
    externalThresholds: {},
  };
}

export function file(
  name: string,
  data: ReturnData,
  extra: Partial<Omit<IncomingReturn, 'data'>> & { problems?: ReadOutcome['problems'] } = {},
): IncomingFile {
  const body = {
    data,
    supplierName: extra.supplierName ?? data.regionCode,
    department: extra.department ?? '',
    reportedOn: extra.reportedOn ?? null,
    fileStatus: extra.fileStatus ?? 'submitted',
    problems: extra.problems,
    madeAt: extra.madeAt ?? null,
    footer: extra.footer ?? { head: '', statistician: '', filler: '', phone: '' },
  };
  return { fileName: name, bytes: Buffer.from(JSON.stringify(body), 'utf8') };
}

export const cellOf = (data: ReturnData, key: string) => {
  const [item, sex] = key.split('.');
  return data.cells.find((c) => c.item === item && c.sex === sex);
};
