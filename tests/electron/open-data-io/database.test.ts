// The 统计数据库 channel: a county with two townships over three years, every unit × year × indicator from the
// database judged by the rule engine; each filter (unit, years, area, text, verdict) narrows the rows, the pivot puts
// one indicator's values as years × units, and the exports with the same filter hold exactly the rows shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../shared/messages.ts';
import { parseCsv } from '../../../shared/open-data/csv.ts';
import { LONG_FIELDS, type LongRow } from '../../../shared/open-data/long-format.ts';
import { areaOfRow, type DatabaseFilter } from '../../../shared/open-data/database.ts';
import { openTestApp, regionsOf, storeReturn, type TestApp } from '../excel/helpers/app.ts';
import { generateReturn } from '../excel/helpers/generate.ts';

const D = MESSAGES.openData.database;
const YEARS = [2022, 2023, 2024];

describe('统计数据库 (open-data:database)', () => {
  let app: TestApp;
  let county: string;
  let townships: string[];
  const all: Omit<DatabaseFilter, 'fromYear' | 'toYear'> = { regionCodes: [], area: null, text: '', verdicts: [] };
  const query = (filter: Partial<DatabaseFilter> = {}, pivot: string | null = null) =>
    app.call('open-data:database', { filter: { ...all, fromYear: 2022, toYear: 2024, ...filter }, pivot });

  beforeAll(async () => {
    app = openTestApp();
    const planId = 'taobei';
    const r = regionsOf(app, planId);
    county = r.county;
    townships = (
      app.backend.ctx.db
        .prepare("SELECT code FROM regions WHERE parent = ? AND level = 'township' ORDER BY code LIMIT 2")
        .all(county) as { code: string }[]
    ).map((x) => x.code);
    let seed = 3;
    for (const year of YEARS) {
      for (const code of townships)
        await storeReturn(
          app,
          generateReturn(app.framework(planId), { level: 'township', regionCode: code, year, seed: seed++ }),
          'county',
        );
      await storeReturn(
        app,
        generateReturn(app.framework(planId), { level: 'county', regionCode: county, year, seed: seed++ }),
        'county',
      );
    }
    await app.call('settings:set-profile', { planId, role: 'county', regionCode: county, userName: '赵六' });
  }, 120_000);
  afterAll(() => app.close());

  it('lists every unit × year × indicator target of the county and its townships', async () => {
    const view = await query();
    expect(view.years).toEqual(YEARS);
    expect(view.units.map((u) => u.code)).toEqual(expect.arrayContaining([county, ...townships]));
    expect(view.returns).toBe(9);
    const targets = app.framework('taobei').areas.flatMap((a) => a.targets).length;
    // the county's rows and each township's (a township is judged on the targets that apply to it)
    expect(view.total).toBeGreaterThan(targets);
    expect(new Set(view.rows.map((r) => r.regionCode))).toEqual(new Set([county, ...townships]));
    expect(new Set(view.rows.map((r) => r.year))).toEqual(new Set(YEARS));
    expect(view.rows.every((r) => r.kind === 'indicator' && r.verdict !== null)).toBe(true);
  });

  it('each filter narrows the rows: unit, years, area, text and verdict', async () => {
    const everything = await query();
    const one = await query({ regionCodes: [townships[0]] });
    expect(one.rows.length).toBeGreaterThan(0);
    expect(one.rows.every((r) => r.regionCode === townships[0])).toBe(true);
    expect(one.total).toBeLessThan(everything.total);

    const lastYear = await query({ fromYear: 2024, toYear: 2024 });
    expect(lastYear.rows.every((r) => r.year === 2024)).toBe(true);
    expect(lastYear.returns).toBe(3);

    const health = await query({ area: 'health' });
    expect(health.rows.length).toBeGreaterThan(0);
    expect(health.rows.every((r) => r.code.startsWith('H') && areaOfRow(r) === 'health')).toBe(true);

    const code = everything.rows[0].code;
    const byCode = await query({ text: code.toLowerCase() });
    expect(
      byCode.rows.every(
        (r) => r.code.toLowerCase().includes(code.toLowerCase()) || r.name.toLowerCase().includes(code.toLowerCase()),
      ),
    ).toBe(true);
    const name = everything.rows[0].name.slice(0, 3);
    const byName = await query({ text: name });
    expect(byName.rows.length).toBeGreaterThan(0);
    expect(byName.rows.every((r) => r.name.includes(name) || r.code.includes(name))).toBe(true);

    const verdict = everything.rows.find((r) => r.verdict === 'not_met' || r.verdict === 'met')!.verdict!;
    const byVerdict = await query({ verdicts: [verdict] });
    expect(byVerdict.total).toBe(everything.rows.filter((r) => r.verdict === verdict).length);
    expect(byVerdict.itemValues).toBe(0);
  });

  it('the pivot puts one indicator as years (columns) × units (rows), the county first', async () => {
    const everything = await query();
    const code = everything.indicators.find((i) =>
      everything.rows.some((r) => r.code === i.code && r.value !== null && r.regionCode !== county),
    )!.code;
    const view = await query({}, code);
    const pivot = view.pivot!;
    expect(pivot.code).toBe(code);
    expect(pivot.years).toEqual(YEARS);
    expect(pivot.units[0].code).toBe(county);
    for (const u of pivot.units) {
      pivot.years.forEach((year, i) => {
        const row = everything.rows.find((r) => r.code === code && r.regionCode === u.code && r.year === year);
        expect(u.cells[i]?.value ?? null).toBe(row?.value ?? null);
        expect(u.cells[i]?.verdict ?? null).toBe(row?.verdict ?? null);
      });
    }
  });

  it('an export with the filter holds exactly the filtered rows (long CSV), and DHIS2 only the filtered items', async () => {
    const filter = {
      ...all,
      fromYear: 2023,
      toYear: 2024,
      regionCodes: [townships[1]],
      area: 'health' as const,
      text: '',
    };
    const view = await query(filter);
    const file = await app.call('open-data:export', {
      regionCode: county,
      withChildren: true,
      fromYear: 2023,
      toYear: 2024,
      format: 'csv',
      filter,
    });
    const parsed = parseCsv(
      Buffer.from(file.bytesBase64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      { maxRows: 1e6, maxFieldChars: 1e5 },
    );
    if (!parsed.ok) throw new Error('csv');
    const [, ...rows] = parsed.rows;
    const field = (row: string[], f: keyof LongRow) => row[LONG_FIELDS.indexOf(f)];
    const indicators = rows.filter((r) => field(r, 'kind') === MESSAGES.openData.kind.indicator);
    expect(indicators.length).toBe(view.total);
    expect(
      rows.every(
        (r) =>
          field(r, 'regionCode') === townships[1] &&
          ['2023', '2024'].includes(field(r, 'year')) &&
          field(r, 'code').startsWith('H'),
      ),
    ).toBe(true);
    expect(rows.filter((r) => field(r, 'kind') === MESSAGES.openData.kind.item).length).toBe(view.itemValues);

    const dvs = JSON.parse(
      Buffer.from(
        (
          await app.call('open-data:export', {
            regionCode: county,
            withChildren: true,
            fromYear: 2023,
            toYear: 2024,
            format: 'dhis2-json',
            filter,
          })
        ).bytesBase64,
        'base64',
      ).toString('utf8'),
    );
    expect(dvs.dataValues.length).toBeGreaterThan(0);
    expect(
      dvs.dataValues.every(
        (v: { orgUnit: string; dataElement: string; period: string }) =>
          v.orgUnit === townships[1] && v.dataElement.startsWith('H') && ['2023', '2024'].includes(v.period),
      ),
    ).toBe(true);
  });

  it('a verdict filter leaves nothing for DHIS2 and says why; an empty filter result is refused in Chinese', async () => {
    const filter = { ...all, fromYear: 2022, toYear: 2024, verdicts: ['not_met' as const] };
    await expect(
      app.call('open-data:export', {
        regionCode: county,
        withChildren: true,
        fromYear: 2022,
        toYear: 2024,
        format: 'adx',
        filter,
      }),
    ).rejects.toThrow(D.noItemValues);
    await expect(
      app.call('open-data:export', {
        regionCode: county,
        withChildren: true,
        fromYear: 2022,
        toYear: 2024,
        format: 'csv',
        filter: { ...filter, verdicts: [], text: '没有这个指标' },
      }),
    ).rejects.toThrow(D.nothingToExport);
  });

  it('years the wrong way round are refused naming the filter', async () => {
    await expect(query({ fromYear: 2024, toYear: 2022 })).rejects.toThrow(MESSAGES.openData.badYears(2024, 2022));
  });
});
