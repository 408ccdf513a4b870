// HTML plumbing shared by the printed return and the report: escaping, font stacks, the print stylesheet
// (CSS paged media: A4, repeated header rows, rows never split, 第 x 页 共 y 页 in the page margin) and the
// document wrapper. Everything is inline: the same string is the in-app preview, the CLI's file and the PDF.
import { APP_LOCALE, MESSAGES } from '../messages.ts';

export const esc = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The offices' own fonts by name (the app works offline: no web fonts). */
export const SYSTEM_FONTS = {
  sans: '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "微软雅黑", "PingFang SC", "SimHei", "黑体", sans-serif',
  serif: '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", "Songti SC", serif',
};

export interface FontSetup {
  sans: string;
  serif: string;
  /** @font-face rules (embedded subsets), or '' */
  faces: string;
}

export const systemFonts = (): FontSetup => ({ ...SYSTEM_FONTS, faces: '' });

export interface RenderedDocument {
  title: string;
  landscape: boolean;
  /** the stylesheet, every rule scoped under .wdp-print (plus @page) */
  css: string;
  /** the printable content: one <div class="wdp-print …"> */
  body: string;
}

const P = MESSAGES.report.pageFooter;

/** Rules common to both documents. */
export function baseCss(landscape: boolean, fonts: FontSetup): string {
  const page = landscape ? 'A4 landscape' : 'A4 portrait';
  const sheetWidth = landscape ? '297mm' : '210mm';
  return `${fonts.faces}
@page {
  size: ${page};
  margin: 14mm 12mm 16mm 12mm;
  @bottom-center {
    content: "${P.before}" counter(page) "${P.middle}" counter(pages) "${P.after}";
    font-family: ${fonts.sans}; font-size: 8.5pt; color: #333;
  }
}
.wdp-print { font-family: ${fonts.sans}; font-size: 9.5pt; line-height: 1.45; color: #111;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; font-variant-numeric: tabular-nums; box-sizing: border-box; }
.wdp-print *, .wdp-print *::before, .wdp-print *::after { box-sizing: border-box; }
.wdp-print h1, .wdp-print h2, .wdp-print h3 { font-weight: 700; break-after: avoid; page-break-after: avoid; margin: 0; }
.wdp-print p { margin: 0 0 2mm; }
.wdp-print table { border-collapse: collapse; width: 100%; }
.wdp-print thead { display: table-header-group; }
.wdp-print tfoot { display: table-footer-group; }
.wdp-print tr, .wdp-print .keep, .wdp-print figure { break-inside: avoid; page-break-inside: avoid; }
.wdp-print th, .wdp-print td { border: 0.6pt solid #444; padding: 1mm 1.5mm; vertical-align: middle; text-align: left; }
.wdp-print th { font-weight: 700; text-align: center; background: #eef0f2; }
.wdp-print td.num, .wdp-print th.num { text-align: right; white-space: nowrap; }
.wdp-print td.center { text-align: center; }
/* the app's own classes must not leak into a document printed from its window */
.wdp-print .code { font-family: inherit; color: inherit; }
.wdp-print .muted { color: #555; }
.wdp-print .small { font-size: 8pt; }
.wdp-print svg.chart { display: block; width: 100%; height: auto; }
.wdp-print svg text { font-family: ${fonts.sans}; }
@media screen {
  .wdp-print { width: ${sheetWidth}; margin: 16px auto; padding: 14mm 12mm 16mm; background: #fff; box-shadow: 0 1px 8px rgba(0,0,0,.18); }
}
@media print {
  .wdp-print { width: auto; margin: 0; padding: 0; box-shadow: none; }
}`;
}

/** Marks the document's scoped print stylesheet, which the app lifts into its own page to print it. */
export const PRINT_STYLE_ATTRIBUTE = 'data-wdp-print';

/** A complete HTML document: what the preview frame shows, the CLI writes and Chromium prints. */
export function toHtmlDocument(doc: RenderedDocument): string {
  return `<!doctype html>
<html lang="${APP_LOCALE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}</title>
<style>
html, body { margin: 0; padding: 0; }
@media screen { body { background: #e6e8eb; padding: 1px 0; } }
</style>
<style ${PRINT_STYLE_ATTRIBUTE}>
${doc.css}
</style>
</head>
<body>
${doc.body}
</body>
</html>
`;
}
