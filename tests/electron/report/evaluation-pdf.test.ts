// The 中期评估 / 终期评估 reports rendered by Chromium to PDF (playwright-core page.pdf, the engine of Electron's
// printToPDF), read back with poppler: A4, 第 x 页 共 y 页 on every page, table headers repeated on every page
// of the per-area tables, rows never split, the headline and the lists as printed. Pages are saved as PNG in
// tests/.artifacts/report/ for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationReport } from '../../../electron/report/report-service.ts';
import { formatNumber } from '../../../shared/report/format.ts';
import { ARTIFACTS_DIR, CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../helpers/e2e.ts';
import { A4, printToPdf, squash } from '../../helpers/print-pdf.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openApp } from '../../../electron/backend/open-app.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';
import { fillYears, townshipsOf, applyProfile } from '../../helpers/fill-return.ts';
import { COUNTY, evaluationFixture, type EvaluationFixture } from '../../shared/report/evaluation-fixture.ts';

const OUT = join(ARTIFACTS_DIR, 'report');
let fx: EvaluationFixture;
let browser: Browser;

beforeAll(async () => {
  fx = evaluationFixture();
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  fx?.close();
});

const print = async (html: string, name: string) => {
  const p = await printToPdf(browser, html, OUT, name, { dpi: 70 });
  return { ...p, ...p.layout };
};

describe('中期评估 / 终期评估 report in Chromium', () => {
  for (const kind of ['midterm', 'final'] as const) {
    it(`${kind}: A4 portrait, page numbers, headers repeated, rows whole, every figure printed`, async () => {
      const report = evaluationReport(fx.backend.ctx, { regionCode: COUNTY, kind });
      const p = await print(report.html, `county-${kind}`);
      expect(Math.abs(p.width - A4.short)).toBeLessThan(1);
      expect(Math.abs(p.height - A4.long)).toBeLessThan(1);
      expect(p.pages).toBeGreaterThanOrEqual(6);
      p.text.forEach((t, i) => {
        expect(squash(t), `page ${i + 1}`).toContain(`第${i + 1}页共${p.pages}页`);
      });
      expect(p.avoid).toBe(p.rows);
      expect(new Set(p.theads)).toEqual(new Set(['table-header-group']));
      expect(squash(p.text[0])).toContain(squash(report.model.titleLines.join('')));
      const c = report.summary;
      expect(squash(p.text.join(''))).toContain(
        `在可监测的${c.monitored}项指标中，${c.met + c.basicallyMet}项已实现或基本实现目标`,
      );
      // the per-area tables: every page between their first and the 定性目标 section starts with their header
      const first = p.text.findIndex((t) => t.includes('三、分领域评估结果'));
      const last = p.text.findIndex((t) => t.includes('四、定性目标进展情况'));
      expect(first).toBeGreaterThan(0);
      expect(last).toBeGreaterThan(first + 1);
      for (let i = first + 1; i < last; i++) expect(squash(p.text[i]), `page ${i + 1}`).toContain('指标目标基期');
      // each row on one page: its code and its evaluation-year value together
      for (const row of report.model.areas.flatMap((a) => a.rows)) {
        const v = row.values.find((x) => x.year === report.year)?.value ?? null;
        if (v === null) continue;
        expect(
          p.text.some((t) => t.includes(row.indicator) && t.includes(formatNumber(v, row.decimals))),
          row.targetId,
        ).toBe(true);
      }
    });
  }

  it('a township whose latest return is before the mid year: evaluated on it, and the report says so', async () => {
    const report = evaluationReport(fx.backend.ctx, { regionCode: fx.short, kind: 'midterm' });
    const p = await print(report.html, 'township-midterm-latest');
    expect(report.year).toBe(2022);
    p.text.forEach((t, i) => {
      expect(squash(t), `page ${i + 1}`).toContain(`第${i + 1}页共${p.pages}页`);
    });
    expect(squash(p.text[0])).toContain('本机尚无2023年的报表，本报告按已有报表的最近年度2022年评估');
    expect(p.text.join('')).not.toContain('各乡镇（街道）情况');
  });
});

describe('a ten-year plan (洮北区 2021–2030)', () => {
  it('its 中期评估 is 2025; a 终期评估 over seven years of columns prints on A4 landscape, headers repeated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wdp-evaluation-10y-'));
    const backend = openApp({ dbFile: join(dir, 'wdp.sqlite'), ...sourcePaths, now: () => new Date(2027, 1, 10) });
    try {
      applyProfile(backend, 'taobei', 'county');
      const township = townshipsOf(backend, '220802000000')[0];
      fillYears(backend, { regionCode: township, years: [2020, 2021, 2022, 2023, 2024, 2025, 2026] });
      const mid = evaluationReport(backend.ctx, { regionCode: township, kind: 'midterm' });
      expect([mid.year, mid.nominalYear, mid.yearChoice, mid.landscape]).toEqual([2025, 2025, 'nominal', false]);
      const final = evaluationReport(backend.ctx, { regionCode: township, kind: 'final' });
      expect([final.year, final.nominalYear, final.yearChoice, final.landscape]).toEqual([2026, 2030, 'latest', true]);
      expect(final.progress.judged).toBeGreaterThan(0); // 2026 is before the targets' year: 序时进度 still applies
      const p = await print(final.html, 'township-final-10y');
      expect(Math.abs(p.width - A4.long)).toBeLessThan(1);
      expect(Math.abs(p.height - A4.short)).toBeLessThan(1);
      p.text.forEach((t, i) => {
        expect(squash(t), `page ${i + 1}`).toContain(`第${i + 1}页共${p.pages}页`);
      });
      expect(new Set(p.theads)).toEqual(new Set(['table-header-group']));
      expect(p.avoid).toBe(p.rows);
      // the chart spans base to target year: 2030 is on its axis
      const rows = new Map(final.model.areas.flatMap((a) => a.rows).map((r) => [r.targetId, r]));
      const charts = final.model.areas.flatMap((a) => a.charts);
      expect(charts.length).toBeGreaterThan(4);
      for (const c of charts)
        expect(c.points[c.points.length - 1].year).toBe(Math.max(2026, rows.get(c.targetId)!.targetYear));
    } finally {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
