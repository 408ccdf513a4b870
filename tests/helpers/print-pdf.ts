// Prints an HTML page in Chromium to PDF (playwright-core page.pdf, the engine of Electron's printToPDF) and reads
// it back with poppler (pdfinfo, pdftotext, pdftoppm): what the report and form tests check on paper.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

export interface PrintLayout {
  rows: number;
  avoid: number;
  theads: string[];
  charts: number;
  external: string[];
}
export interface Printed {
  file: string;
  pages: number;
  width: number;
  height: number;
  text: string[];
  layout: PrintLayout;
}

export const A4 = { short: 595.3, long: 841.9 };
export const squash = (s: string) => s.replace(/\s+/g, '');

/** Saves `<name>.html` and `<name>.pdf` in `outDir`, and PNGs of `pngPages` (default all) for a person to look at. */
export async function printToPdf(
  browser: Browser,
  html: string,
  outDir: string,
  name: string,
  opts: { pngPages?: [number, number]; dpi?: number } = {},
): Promise<Printed> {
  writeFileSync(join(outDir, `${name}.html`), html);
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const layout = (await page.evaluate(`(() => {
      const rows = [...document.querySelectorAll('.wdp-print tr')];
      return {
        rows: rows.length,
        avoid: rows.filter((r) => getComputedStyle(r).breakInside === 'avoid').length,
        theads: [...document.querySelectorAll('.wdp-print thead')].map((t) => getComputedStyle(t).display),
        charts: document.querySelectorAll('svg.chart').length,
        external: [...document.querySelectorAll('[src], link[href], image')].map((e) => e.getAttribute('src') || e.getAttribute('href') || ''),
      };
    })()`)) as PrintLayout;
    const file = join(outDir, `${name}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    const text = Array.from({ length: pages }, (_, i) =>
      execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }),
    );
    const range = opts.pngPages ? ['-f', String(opts.pngPages[0]), '-l', String(opts.pngPages[1])] : [];
    execFileSync('pdftoppm', ['-r', String(opts.dpi ?? 60), '-png', ...range, file, join(outDir, name)]);
    return { file, pages, width: Number(w), height: Number(h), text, layout };
  } finally {
    await page.close();
  }
}
