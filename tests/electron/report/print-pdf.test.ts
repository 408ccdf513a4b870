// The printed return and the annual report rendered by Chromium to PDF (playwright-core page.pdf, the same
// engine as Electron's printToPDF): A4 size and orientation, page count, 第 x 页 共 y 页 on every page, header
// rows repeated, no row split across pages. The first pages are also saved as PNG (tests/.artifacts/report/)
// for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReport, returnForm } from '../../../electron/report/report-service.ts';
import { formatNumber } from '../../../shared/report/format.ts';
import { ARTIFACTS_DIR, CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../helpers/e2e.ts';
import { A4, printToPdf, squash, type Printed } from '../../helpers/print-pdf.ts';
import { COUNTY, reportFixture, YEAR, type ReportFixture } from '../../shared/report/fixture.ts';

const OUT = join(ARTIFACTS_DIR, 'report');
let fx: ReportFixture;
let browser: Browser;

beforeAll(async () => {
  fx = reportFixture();
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
});
afterAll(async () => {
  await browser?.close();
  fx?.close();
});

const print = (html: string, name: string) => printToPdf(browser, html, OUT, name, { pngPages: [1, 2] });

function expectPageNumbers(p: Printed) {
  p.text.forEach((t, i) => {
    expect(squash(t), `page ${i + 1}`).toContain(`第${i + 1}页共${p.pages}页`);
  });
}

function expectLayout(p: Printed) {
  expect(p.layout.rows).toBeGreaterThan(20);
  expect(p.layout.avoid).toBe(p.layout.rows); // every row: break-inside: avoid
  expect(p.layout.theads.length).toBeGreaterThan(0);
  expect(new Set(p.layout.theads)).toEqual(new Set(['table-header-group'])); // header rows repeat on each page
  expect(p.layout.external).toEqual([]); // nothing loaded from outside
}

describe('annual monitoring report in Chromium', () => {
  it('a county report: A4 portrait, many pages, page numbers, charts, headers repeated', async () => {
    const report = annualReport(fx.backend.ctx, { regionCode: COUNTY, year: YEAR });
    const p = await print(report.html, 'county-report');
    expect(Math.abs(p.width - A4.short)).toBeLessThan(1);
    expect(Math.abs(p.height - A4.long)).toBeLessThan(1);
    expect(p.pages).toBeGreaterThanOrEqual(8);
    expect(p.pages).toBeLessThanOrEqual(30);
    expectPageNumbers(p);
    expectLayout(p);
    expect(p.layout.charts).toBeGreaterThan(10);
    expect(squash(p.text[0])).toContain(squash(report.title));
    // every page between the first and the last page of the per-area tables starts with their header row
    const first = p.text.findIndex((t) => t.includes('三、分领域监测结果'));
    const last = p.text.findIndex((t) => t.includes('四、各乡镇（街道）情况'));
    expect(first).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(first + 2);
    for (let i = first + 1; i < last; i++)
      expect(squash(p.text[i]), `page ${i + 1}`).toContain('指标目标本年上年比上年评估结果');
    // each area table row is on one page: its indicator code and its value are on the same page
    for (const row of report.model.areas.flatMap((a) => a.rows)) {
      if (row.kind === 'qualitative' || row.value === null) continue;
      const value = formatNumber(row.value, row.decimals);
      expect(
        p.text.some((t) => t.includes(row.indicator) && t.includes(value)),
        row.targetId,
      ).toBe(true);
    }
  });

  it('a township report is shorter and has no township section', async () => {
    const report = annualReport(fx.backend.ctx, { regionCode: fx.townships[0], year: YEAR });
    const p = await print(report.html, 'township-report');
    expect(p.pages).toBeGreaterThanOrEqual(3);
    expectPageNumbers(p);
    expect(p.text.join('')).not.toContain('各乡镇（街道）情况');
  });
});

describe('return form in Chromium', () => {
  it('the county form: A4 landscape, header block once, column header on every page, rows whole', async () => {
    const form = returnForm(fx.backend.ctx, { regionCode: COUNTY, year: YEAR });
    const p = await print(form.html, 'county-form');
    expect(Math.abs(p.width - A4.long)).toBeLessThan(1);
    expect(Math.abs(p.height - A4.short)).toBeLessThan(1);
    expect(p.pages).toBeGreaterThanOrEqual(4);
    expectPageNumbers(p);
    expectLayout(p);
    expect(p.text[0]).toContain('妇监1—8表');
    expect(p.text.filter((t) => t.includes('制定机关'))).toHaveLength(1);
    p.text.forEach((t, i) => {
      // a page holding rows of the table (code, unit, then a figure, … or —) shows the column header first
      if (/[A-Z]D\d{2}\s+\S{1,4}\s+(?:[\d.]+|…|—)/.test(t))
        for (const h of ['指标名称', '计量单位', '本年', '上年', '合计'])
          expect(squash(t), `page ${i + 1}`).toContain(h);
    });
    // every data row prints once, on one line with its first figure
    const codes = [
      ...form.html.matchAll(
        /<tr data-item="([A-Z]D\d{2})"><td>[^<]*<\/td><td class="code">\1<\/td><td class="unit">[^<]*<\/td><td class="num">([^<]*)<\/td>/g,
      ),
    ];
    expect(codes.length).toBeGreaterThan(50);
    const lines = p.text.flatMap((t) => t.split('\n'));
    for (const [, code, first] of codes) {
      const found = lines.filter((l) => new RegExp(`\\b${code}\\b`).test(l));
      expect(found, code).toHaveLength(1);
      if (first) expect(found[0], code).toContain(first);
    }
    expect(p.text.filter((t) => t.includes('单位负责人'))).toHaveLength(1);
  });

  it('without 上年 columns the form is A4 portrait', async () => {
    const form = returnForm(fx.backend.ctx, { regionCode: fx.townships[1], year: YEAR, withPrevious: false });
    const p = await print(form.html, 'township-form-portrait');
    expect(Math.abs(p.width - A4.short)).toBeLessThan(1);
    expect(Math.abs(p.height - A4.long)).toBeLessThan(1);
    expectPageNumbers(p);
    expect(p.text[0]).toContain('妇监1—8表');
  });
});
