// Issue 13 item 10: one county return, one set of figures. The merge page, the home page, the annual report, the
// exported return's 校验结果 sheet and the `--json` of wdp merge / report / validate all show the 可监测 /
// 已实现或基本实现 / 达标率 of the one engine summary (Evaluation.total → countsOf → headlineSentences).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import { headlineOf, type Headline } from '../../../shared/report/headline.ts';
import type { Framework } from '../../../shared/framework/schema.ts';
import type { Evaluation } from '../../../shared/rules/result.ts';
import { plausibleCells } from '../../helpers/fill-return.ts';
import { openApp as openBackend } from '../../../electron/backend/open-app.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';
import { setProfile } from '../../../electron/settings/settings-service.ts';
import { openTestBackend, TAOBEI_COUNTY } from '../../helpers/backend.ts';
import { wdpRunner } from '../../helpers/cli.ts';
import { returnFile } from '../../electron/merge/excel-files.ts';

const COUNTY = TAOBEI_COUNTY.regionCode; // 洮北区
const YEAR = 2024;
const dir = mkdtempSync(join(tmpdir(), 'wdp-same-counts-'));
const db = join(dir, 'county.sqlite');
const folder = join(dir, '乡镇报表');
const countyFile = join(dir, '洮北区汇总.xlsx');
const wdp = wdpRunner({ dir });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The figures a user compares: 可监测, 已实现或基本实现, 达标率 and the sentence. */
const figures = (h: Headline) => ({
  monitored: h.monitored,
  achieved: h.achieved,
  rate: h.rate,
  sentence: h.sentences[0],
});

/** The app's back end on the database the CLI merged into, as the county's desktop opens it. */
function openApp(dbFile: string) {
  const backend = openBackend({ dbFile, ...sourcePaths });
  setProfile(backend.ctx, TAOBEI_COUNTY);
  return {
    close: () => backend.close(),
    call: async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await dispatch(backend.handlers, channel, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    },
  };
}

describe('the same target counts on every surface', () => {
  let engine: Headline;
  let mergeJson: { headline: Headline };

  beforeAll(async () => {
    mkdirSync(folder, { recursive: true });
    const seed = openTestBackend();
    try {
      const fw = requireFramework(seed.ctx, 'taobei');
      const towns = listChildRegions(seed.ctx, COUNTY).slice(0, 4);
      // one township far off on a few items, so the county is not simply all met
      for (const [i, t] of towns.entries()) {
        writeFileSync(
          join(folder, `${t.name}.xlsx`),
          await returnFile(fw, {
            regionCode: t.code,
            regionName: t.name,
            year: YEAR,
            cells: i === 0 ? { 'PD30.total': 5, 'PD30.female': 1 } : {},
          }),
        );
      }
    } finally {
      seed.dispose();
    }
    const merged = wdp(
      'merge',
      '--db',
      db,
      '--region',
      COUNTY,
      '--year',
      String(YEAR),
      folder,
      '-o',
      countyFile,
      '--json',
    );
    expect(merged.stderr).toBe('');
    mergeJson = JSON.parse(merged.stdout);
  }, 120_000);

  it('the merge page’s evaluation is the engine’s headline, with figures that are not trivial', async () => {
    const app = openApp(db);
    try {
      // the county opens its own return (数据填报) and enters its county-level items; the summed ones are locked
      const opened = await app.call<{ summary: { id: number } }>('returns:open', { regionCode: COUNTY, year: YEAR });
      const overlay = await app.call<{ locked: { item: string }[] }>('merge:entry-overlay', { year: YEAR });
      const locked = new Set(overlay.locked.map((l) => l.item));
      const fw = (await app.call<{ framework: Framework }>('plans:get-framework', { planId: 'taobei' })).framework;
      const own = plausibleCells(fw, { regionCode: COUNTY, year: YEAR, level: 'county' }).filter(
        (c) => !locked.has(c.item),
      );
      expect(own.length).toBeGreaterThan(0);
      const before = headlineOf(
        (await app.call<{ evaluation: Evaluation }>('merge:result', { year: YEAR })).evaluation.total,
      );
      await app.call('returns:set-cells', { returnId: opened.summary.id, edits: own });
      const result = await app.call<{ evaluation: Evaluation }>('merge:result', { year: YEAR });
      engine = headlineOf(result.evaluation.total);
      expect(engine.monitored).toBeGreaterThan(20);
      // one year only (trend targets wait for 上年), so the 达标率 is withheld: the same on every surface
      expect(engine.achieved).toBeLessThan(engine.monitored);
      expect(engine.sentences[0]).toContain(`${engine.monitored}项有数据`);
      expect(engine.sentences[0]).toContain(`${engine.achieved}项已实现或基本实现目标`);
      // the merge --json summary
      expect(figures(mergeJson.headline)).toEqual(figures(before));
      // the home page: each return's headline through returns:headline
      const [county] = await app.call<{ id: number; year: number }[]>('returns:list', { regionCode: COUNTY });
      expect(county.year).toBe(YEAR);
      expect(figures(await app.call<Headline>('returns:headline', { returnId: county.id }))).toEqual(figures(engine));
      // the annual report: its summary and its HTML
      const report = await app.call<{
        html: string;
        summary: { monitored: number; met: number; basicallyMet: number; rate: number | null };
      }>('report:annual', { regionCode: COUNTY, year: YEAR });
      expect({
        monitored: report.summary.monitored,
        achieved: report.summary.met + report.summary.basicallyMet,
        rate: report.summary.rate,
      }).toEqual({ monitored: engine.monitored, achieved: engine.achieved, rate: engine.rate });
      expect(report.html).toContain(engine.sentences[0]);
      // the exported return's 校验结果 sheet
      const file = await app.call<{ bytesBase64: string }>('excel:export-return', { returnId: county.id });
      const sheet = XLSX.read(Buffer.from(file.bytesBase64, 'base64'), { type: 'buffer' }).Sheets.校验结果;
      expect(XLSX.utils.sheet_to_csv(sheet)).toContain(engine.sentences[0]);
      // the merged return exported from 汇总, to be validated by the CLI below
      const merged = await app.call<{ bytesBase64: string }>('merge:export', { year: YEAR });
      writeFileSync(countyFile, Buffer.from(merged.bytesBase64, 'base64'));
    } finally {
      app.close();
    }
  });

  it('wdp report --json and wdp validate --json of the county file give the same figures', () => {
    const report = wdp('report', '--db', db, '--region', COUNTY, '--year', String(YEAR), '--json');
    expect(report.stderr).toBe('');
    expect(figures(JSON.parse(report.stdout).headline)).toEqual(figures(engine));
    const validated = wdp('validate', '--db', db, countyFile, '--json');
    expect(figures(JSON.parse(validated.stdout).headline)).toEqual(figures(engine));
    // the merged file as exported holds the same sheet
    const sheet = XLSX.read(readFileSync(countyFile), { type: 'buffer' }).Sheets.校验结果;
    expect(XLSX.utils.sheet_to_csv(sheet)).toContain(engine.sentences[0]);
  });
});
