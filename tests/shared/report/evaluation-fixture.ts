// A county with its own returns for the base year 2020 and every year to the plan's end (2021–2025, 嘉禾),
// three townships reporting every year and a fourth only 2020–2022 (its 中期评估 falls back to 2022), filled
// plausibly through the real services (tests/helpers/fill-return.ts). Three county indicators are set by
// hand so each verdict group of the report has a known member:
//   E14 女性具备科学素质的比例 ≥15%:   13.0 → 15.5 in 2021 and above since: 提前实现 (since 2021)
//   H12 两癌防治知识知晓率 ≥90%:      85 → 89.5 in 2023 (序时进度 88: 达到), 89.7 in 2025: 基本实现
//   E03 九年义务教育巩固率 ≥98.5%:    96.0 → 97.0 in 2023 (序时进度 97.5: 滞后), 97.2 in 2025: 尚有差距
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type AppBackend } from '../../../electron/backend/open-app.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { evaluateStored, setStatus, warningKeys } from '../../../electron/evaluation/return-evaluation.ts';
import { requireReturn, setCells, setExplanation } from '../../../electron/returns/returns-service.ts';
import { fillReturn, townshipsOf, applyProfile } from '../../helpers/fill-return.ts';

export const PLAN = 'jiahe';
export const COUNTY = '431024000000';
export const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
export const MID = 2023;
export const END = 2025;
export const EXPLANATION = '经核实，数据真实有效：本年统计口径调整，人员变动较大。';

/** Hand-set values of three county indicators per year (see above). */
export const SET: Record<string, Record<number, number>> = {
  E14: { 2020: 13.0, 2021: 15.5, 2022: 16.0, 2023: 16.5, 2024: 17.0, 2025: 17.5 },
  H12: { 2020: 85.0, 2021: 87.0, 2022: 88.0, 2023: 89.5, 2024: 89.6, 2025: 89.7 },
  E03: { 2020: 96.0, 2021: 96.4, 2022: 96.8, 2023: 97.0, 2024: 97.1, 2025: 97.2 },
};

export interface EvaluationFixture {
  backend: AppBackend;
  dir: string;
  dbFile: string;
  townships: string[];
  short: string;
  close: () => void;
}

export function evaluationFixture(): EvaluationFixture {
  const dir = mkdtempSync(join(tmpdir(), 'wdp-evaluation-'));
  const dbFile = join(dir, 'wdp.sqlite');
  const backend = openApp({ dbFile, ...sourcePaths, now: () => new Date(2026, 1, 10, 9, 0, 0) });
  const { ctx } = backend;
  applyProfile(backend, PLAN, 'county', COUNTY, '王芳');
  const all = townshipsOf(backend, COUNTY);
  const townships = all.slice(0, 3);
  const short = all[3];
  for (const year of YEARS) for (const t of townships) fillReturn(backend, { regionCode: t, year });
  for (const year of [2020, 2021, 2022]) fillReturn(backend, { regionCode: short, year });

  // the county's own returns: filled, the three indicators set, then explained and submitted year by year
  const framework = requireFramework(ctx, PLAN);
  const ids = YEARS.map(
    (year) =>
      fillReturn(backend, { regionCode: COUNTY, year, explain: false, noData: year === END ? ['HD31.total'] : [] })
        .returnId,
  );
  YEARS.forEach((year, i) => {
    setCells(
      ctx,
      ids[i],
      Object.entries(SET).map(([code, values]) => {
        const ind = framework.indicators.find((x) => x.code === code);
        if (ind?.kind !== 'value') throw new Error(`${code} is not a value indicator`);
        return { item: ind.source.item, sex: ind.source.sex, value: values[year], noData: null, raw: null };
      }),
    );
  });
  YEARS.forEach((year, i) => {
    const { evaluation } = evaluateStored(ctx, requireReturn(ctx, ids[i]));
    for (const key of warningKeys(evaluation)) setExplanation(ctx, ids[i], key, EXPLANATION);
    if (year < END) {
      setStatus(ctx, ids[i], 'checked');
      setStatus(ctx, ids[i], 'submitted');
    }
  });
  return {
    backend,
    dir,
    dbFile,
    townships,
    short,
    close: () => {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
