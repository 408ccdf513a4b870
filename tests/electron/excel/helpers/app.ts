// A real back end on a temp database for Excel tests, and ways to put a return into it through the ordinary
// entry handlers (not through the import under test).
import type { AppBackend } from '../../../../electron/backend/open-app.ts';
import { openTestBackend } from '../../../helpers/backend.ts';
import { dispatch } from '../../../../electron/api/dispatch.ts';
import type { Channel, Input, Output } from '../../../../shared/api/contract.ts';
import type { ReturnData } from '../../../../shared/returns/schema.ts';
import type { Framework } from '../../../../shared/framework/schema.ts';
import { requireFramework } from '../../../../electron/frameworks/plans-service.ts';

export interface TestApp {
  backend: AppBackend;
  dir: string;
  call: <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;
  framework: (planId: string) => Framework;
  close: () => void;
}

export function openTestApp(now = () => new Date('2026-02-10T08:00:00Z')): TestApp {
  const backend = openTestBackend({ now });
  const dir = backend.dir;
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const result = await dispatch(backend.handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${JSON.stringify(result.error.details)}`);
    return result.value as Output<C>;
  };
  return {
    backend,
    dir,
    call,
    framework: (planId) => requireFramework(backend.ctx, planId),
    close: () => backend.dispose(),
  };
}

/** The county and its first township for a plan. */
export function regionsOf(
  app: TestApp,
  planId: string,
): { county: string; township: string; townshipName: string; countyName: string } {
  const fw = app.framework(planId);
  const county = fw.plan.region.code;
  const t = app.backend.ctx.db
    .prepare("SELECT code, name FROM regions WHERE parent = ? AND level = 'township' ORDER BY code LIMIT 1")
    .get(county) as { code: string; name: string };
  return { county, township: t.code, townshipName: t.name, countyName: fw.plan.region.name };
}

/** Sets the profile and stores a return through the entry handlers; returns its id. */
export async function storeReturn(
  app: TestApp,
  data: ReturnData,
  role: 'township' | 'county' | 'city' = data.level,
  userName = '张三',
): Promise<number> {
  const fw = app.framework(data.planId);
  const profileRegion = role === 'county' ? fw.plan.region.code : data.regionCode;
  await app.call('settings:set-profile', { planId: data.planId, role, regionCode: profileRegion, userName });
  const view = await app.call('returns:open', {
    regionCode: data.regionCode,
    year: data.year,
    prefillFromPreviousYear: false,
  });
  const returnId = view.summary.id;
  const edits = data.cells.map((c) => ({ item: c.item, sex: c.sex, value: c.value, noData: c.noData }));
  for (let i = 0; i < edits.length; i += 1000)
    await app.call('returns:set-cells', { returnId, edits: edits.slice(i, i + 1000) });
  for (const q of data.qualitative)
    await app.call('returns:set-qualitative', { returnId, indicator: q.indicator, choice: q.choice, note: q.note });
  for (const [targetId, value] of Object.entries(data.externalThresholds))
    await app.call('returns:set-threshold', { returnId, targetId, value });
  return returnId;
}

/** Every user table's rows, to compare the database before and after a refused import. */
export function dumpTables(app: TestApp): Record<string, unknown[]> {
  const db = app.backend.ctx.db;
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [
      t,
      db
        .prepare(`SELECT * FROM "${t}"`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort(),
    ]),
  );
}

/** A return as comparable data: sorted cells (no prefilled flag), qualitative answers and thresholds. */
export function comparable(data: ReturnData) {
  const cells = data.cells
    .filter((c) => c.value !== null || c.noData !== null)
    .map((c) => ({ item: c.item, sex: c.sex, value: c.value, noData: c.noData ? c.noData.reason : null }))
    .sort((a, b) => `${a.item}.${a.sex}`.localeCompare(`${b.item}.${b.sex}`));
  const qualitative = data.qualitative
    .filter((q) => q.choice !== null || q.note !== '')
    .map((q) => ({ indicator: q.indicator, choice: q.choice, note: q.note }))
    .sort((a, b) => a.indicator.localeCompare(b.indicator));
  return {
    planId: data.planId,
    regionCode: data.regionCode,
    level: data.level,
    year: data.year,
    cells,
    qualitative,
    thresholds: { ...data.externalThresholds },
  };
}
