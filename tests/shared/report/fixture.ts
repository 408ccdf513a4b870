// A county with four years of its own returns and two years of its townships' returns, filled plausibly
// through the real services (tests/helpers/fill-return.ts). Shared by the report tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type AppBackend } from '../../../electron/backend/open-app.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';
import { fillReturn, fillYears, townshipsOf, applyProfile } from '../../helpers/fill-return.ts';

export const PLAN = 'jiahe';
export const COUNTY = '431024000000';
export const YEAR = 2024;

export interface ReportFixture {
  backend: AppBackend;
  dir: string;
  dbFile: string;
  townships: string[];
  close: () => void;
}

/** Opens a fresh database and fills it; `keepOpen: false` closes the back end (for a CLI child process). */
export function reportFixture(): ReportFixture {
  const dir = mkdtempSync(join(tmpdir(), 'wdp-report-'));
  const dbFile = join(dir, 'wdp.sqlite');
  const backend = openApp({ dbFile, ...sourcePaths, now: () => new Date(2025, 2, 15, 10, 0, 0) });
  applyProfile(backend, PLAN, 'county', COUNTY, '王芳');
  const townships = townshipsOf(backend, COUNTY);
  // every township reports 2023; in 2024 all but the last, one of them leaving a cell 无数据
  for (const t of townships) fillReturn(backend, { regionCode: t, year: 2023 });
  townships.slice(0, -1).forEach((t, i) => {
    fillReturn(backend, { regionCode: t, year: YEAR, noData: i === 0 ? ['PD30.female'] : [] });
  });
  // the county's own returns come after its townships', so its explanations answer the merged warnings
  fillYears(backend, { regionCode: COUNTY, years: [2021, 2022, 2023], status: 'submitted' });
  fillReturn(backend, { regionCode: COUNTY, year: YEAR, noData: ['HD31.total'] });
  return {
    backend,
    dir,
    dbFile,
    townships,
    close: () => {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
