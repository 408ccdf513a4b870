// The annual monitoring report as HTML: title block, 总体情况 (counts, 达标率, per-area chart and table),
// 需要关注的指标 (warnings with explanations), 分领域监测结果 (trend charts and the target table), for a county
// 各乡镇（街道）情况 (townships side by side), and 说明. Pure.
import { MESSAGES } from '../messages.ts';
import { areaStatusSvg, barChartSvg, STATUS_COLOURS, trendChartSvg } from './charts.ts';
import { describeChange, formatRate, formatValue } from './format.ts';
import { headlineSentences } from './headline.ts';
import { baseCss, esc, systemFonts, type FontSetup, type RenderedDocument } from './html.ts';
import type { AnnualReportModel, Counts, ReportRow } from './model.ts';

const A = MESSAGES.report.annual;
const S = MESSAGES.report.status;

/** The report stylesheet, shared with the evaluation report. */
export const REPORT_CSS = `
.wdp-report { font-size: 9.5pt; }
.wdp-report .report-head { text-align: center; margin-bottom: 5mm; }
.wdp-report h1 { font-family: var(--wdp-serif); font-size: 18pt; line-height: 1.3; margin: 2mm 0 2mm; }
.wdp-report .report-head .sub { color: #444; font-size: 10pt; }
.wdp-report table.meta { width: auto; margin: 3mm auto 0; font-size: 9pt; }
.wdp-report table.meta td { border: 0; padding: 0.3mm 2mm; text-align: left; }
.wdp-report table.meta td.k { color: #555; text-align: right; }
.wdp-report h2 { font-size: 13pt; margin: 6mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 1.2pt solid #b4235a; }
.wdp-report h3 { font-size: 11pt; margin: 5mm 0 1.5mm; }
.wdp-report .lead { font-size: 10.5pt; }
.wdp-report .tiles { display: flex; gap: 3mm; margin: 3mm 0 4mm; }
.wdp-report .tile { flex: 1; border: 0.6pt solid #c9ced4; border-top: 2.4pt solid #999; padding: 1.5mm 2mm; text-align: center; }
.wdp-report .tile b { display: block; font-size: 16pt; line-height: 1.2; }
.wdp-report .tile span { font-size: 8.5pt; color: #444; }
.wdp-report .tile.met { border-top-color: ${STATUS_COLOURS.met}; } .wdp-report .tile.not_met { border-top-color: ${STATUS_COLOURS.not_met}; }
.wdp-report .tile.basically_met { border-top-color: ${STATUS_COLOURS.basically_met}; } .wdp-report .tile.no_data { border-top-color: ${STATUS_COLOURS.no_data}; }
.wdp-report .tile.alerts { border-top-color: ${STATUS_COLOURS.alert}; }
.wdp-report .tile.rate { border-top-color: #1f4e99; }
.wdp-report figure { margin: 2mm 0 3mm; }
.wdp-report figcaption { font-size: 8pt; color: #555; text-align: center; margin-top: 1mm; }
.wdp-report .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 6mm; margin: 2mm 0 3mm; }
.wdp-report .charts figure { margin: 0; border: 0.5pt solid #dde1e5; padding: 1.5mm; }
.wdp-report table.targets, .wdp-report table.attention, .wdp-report table.areas, .wdp-report table.towns { font-size: 8.5pt; }
.wdp-report .st { display: inline-block; padding: 0 1.5mm; border-radius: 1mm; white-space: nowrap; font-weight: 700; }
.wdp-report .st-met { color: ${STATUS_COLOURS.met}; } .wdp-report .st-not_met { color: ${STATUS_COLOURS.not_met}; }
.wdp-report .st-basically_met { color: ${STATUS_COLOURS.basically_met}; } .wdp-report .st-in_progress { color: #a15c00; }
.wdp-report .st-no_data, .wdp-report .st-reference { color: #5b6b7a; font-weight: 400; }
.wdp-report .vol { display: block; font-size: 7.5pt; color: #a15c00; white-space: nowrap; }
.wdp-report td .code { color: #666; font-size: 7.5pt; margin-right: 1mm; }
.wdp-report td.msg { font-size: 8pt; color: #333; }
.wdp-report tr.total td { font-weight: 700; background: #f6f7f8; }
.wdp-report .pooled { font-size: 7.5pt; color: #555; margin-top: 0.5mm; }
.wdp-report .notes ol { margin: 0; padding-left: 5mm; font-size: 8.5pt; }
.wdp-report .with-next { break-after: avoid; page-break-after: avoid; }
`;

export const status = (s: string) => `<span class="st st-${s}">${esc(S[s] ?? s)}</span>`;

function valueCell(r: ReportRow, which: 'value' | 'previous'): string {
  if (r.kind === 'qualitative') return esc((which === 'value' ? r.choice : r.previousChoice) ?? '');
  return esc(formatValue(which === 'value' ? r.value : r.previous, r.decimals, r.unit));
}

/** The 预警 flags under a verdict. */
export const flags = (r: Pick<ReportRow, 'hardToMeet' | 'volatile'>) =>
  `${r.hardToMeet ? `<span class="vol">${MESSAGES.report.hardToMeet}</span>` : ''}${r.volatile ? `<span class="vol">${MESSAGES.report.volatile}</span>` : ''}`;

function countsRow(name: string, c: Counts, cls = ''): string {
  const q = c.qualitative;
  const cells = [c.measured, c.monitored, c.met, c.basicallyMet, c.notMet, c.noData, c.alerts]
    .map((v) => `<td class="num">${v}</td>`)
    .join('');
  return `<tr${cls ? ` class="${cls}"` : ''}><td>${esc(name)}</td>${cells}<td class="num">${formatRate(c.rate)}</td><td class="center">${q.total > 0 ? `${q.done}/${q.inProgress}/${q.notDone}` : '—'}</td></tr>`;
}

/** At most MAX_LISTED names, then 等N项 (the tables below list every one). */
const MAX_LISTED = 10;
const nameList = (names: string[]) =>
  names.length <= MAX_LISTED ? names.join('、') : A.lists.more(names.slice(0, MAX_LISTED).join('、'), names.length);

/** The overview's sentences: the headline in the bureau's form, then the lists of each verdict group. */
function overviewSentences(model: AnnualReportModel): string[] {
  const out = headlineSentences(model.counts);
  const l = model.lists;
  // 提前实现 belongs to the evaluation reports; a year's report names what still needs work
  if (l.basic.length > 0) out.push(A.lists.basic(nameList(l.basic)));
  if (l.notMet.length > 0) out.push(A.lists.notMet(nameList(l.notMet)));
  if (l.behind.length > 0) out.push(A.lists.behind(nameList(l.behind)));
  return out;
}

function targetsTable(rows: ReportRow[]): string {
  const C = A.columns;
  const body = rows
    .map(
      (r) =>
        `<tr data-target="${esc(r.targetId)}"><td><span class="code">${esc(r.indicator)}</span>${esc(r.indicatorName)}${r.coverage ? `<div class="pooled">${esc(r.coverage)}</div>` : ''}</td><td>${esc(r.targetText)}</td><td class="num">${valueCell(r, 'value')}</td><td class="num">${valueCell(r, 'previous')}</td><td class="num">${esc(r.kind === 'qualitative' ? '' : describeChange(r.value, r.previous, r.unit, r.decimals, r.higherBetter))}</td><td class="center">${status(r.status)}${flags(r)}</td></tr>`,
    )
    .join('');
  return `<table class="targets"><colgroup><col style="width:27%"><col style="width:31%"><col style="width:10.5%"><col style="width:10.5%"><col style="width:12%"><col style="width:9%"></colgroup><thead><tr><th>${C.indicator}</th><th>${C.target}</th><th>${C.current}</th><th>${C.previous}</th><th>${C.change}</th><th>${C.status}</th></tr></thead><tbody>${body}</tbody></table>`;
}

export function renderAnnualReport(model: AnnualReportModel, fonts: FontSetup = systemFonts()): RenderedDocument {
  const sec = (i: number, title: string) => `<h2>${MESSAGES.report.numeral(i)}、${esc(title)}</h2>`;
  const c = model.counts;
  let n = 0;
  const parts: string[] = [];

  parts.push(`<header class="report-head"><h1>${esc(model.title)}</h1><div class="sub">${esc(model.planName)}</div>
<table class="meta"><tr><td class="k">${A.meta.unit}</td><td>${esc(model.region.fullName)}（${esc(model.region.code)}）</td></tr>
<tr><td class="k">${A.meta.status}</td><td>${esc(model.dataStatus)}</td></tr><tr><td class="k">${A.meta.generated}</td><td>${esc(model.generatedOn)}</td></tr></table></header>`);

  // 总体情况
  parts.push(`<section class="overview">${sec(n++, A.sections.overview)}`);
  const [lead, ...more] = overviewSentences(model);
  parts.push(`<p class="lead">${esc(lead)}</p>`);
  if (more.length > 0) parts.push(`<p class="overview-more">${more.map(esc).join('')}</p>`);
  const tile = (cls: string, value: string | number, label: string) =>
    `<div class="tile ${cls}"><b>${value}</b><span>${esc(label)}</span></div>`;
  parts.push(
    `<div class="tiles keep">${tile('met', c.met, A.tiles.met)}${tile('basically_met', c.basicallyMet, A.tiles.basicallyMet)}${tile('not_met', c.notMet, A.tiles.notMet)}${tile('no_data', c.noData, A.tiles.noData)}${tile('alerts', c.alerts, A.tiles.alerts)}${tile('rate', formatRate(c.rate), A.areaTable.rate)}</div>`,
  );
  parts.push(
    `<figure class="keep">${areaStatusSvg(model.areas.map((a) => ({ title: a.title, counts: a.counts })))}</figure>`,
  );
  const T = A.areaTable;
  parts.push(
    `<table class="areas"><thead><tr><th>${T.area}</th><th>${T.measured}</th><th>${T.monitored}</th><th>${T.met}</th><th>${T.basicallyMet}</th><th>${T.notMet}</th><th>${T.noData}</th><th>${T.alerts}</th><th>${T.rate}</th><th>${T.qualitative}</th></tr></thead><tbody>${model.areas.map((a) => countsRow(a.title, a.counts)).join('')}${countsRow(T.total, c, 'total')}</tbody></table>`,
  );
  parts.push('</section>');

  // 需要关注的指标
  parts.push(
    `<section class="attention"><div class="keep with-next">${sec(n++, A.sections.attention)}<p>${model.attention.length === 0 ? A.noAttention : A.attentionIntro}</p></div>`,
  );
  if (model.attention.length > 0) {
    const AC = A.attentionColumns;
    parts.push(
      `<table class="attention"><colgroup><col style="width:24%"><col style="width:44%"><col></colgroup><thead><tr><th>${AC.indicator}</th><th>${AC.situation}</th><th>${AC.explanation}</th></tr></thead><tbody>${model.attention.map((r) => `<tr data-attention="${esc(r.targetId)}"><td><span class="code">${esc(r.indicator)}</span>${esc(r.indicatorName)}<br>${status(r.status)}${flags(r)}</td><td class="msg">${esc(r.message)}${r.coverage ? `<div class="pooled">${esc(r.coverage)}</div>` : ''}</td><td>${r.explanation ? esc(r.explanation) : `<span class="muted">${A.unexplained}</span>`}</td></tr>`).join('')}</tbody></table>`,
    );
  }
  parts.push('</section>');

  // 分领域监测结果
  // a heading never ends a page: it travels with the area's summary line and charts (or the table's first rows)
  const areasHeading = sec(n++, A.sections.areas);
  parts.push('<section class="areas-detail">');
  model.areas.forEach((area, i) => {
    const ac = area.counts;
    const line =
      ac.measured > 0
        ? `<p>${esc(A.areaLine(ac.measured, ac.monitored, ac.met + ac.basicallyMet, ac.notMet, ac.noData, formatRate(ac.rate)))}</p>`
        : '';
    const qline =
      ac.qualitative.total > 0
        ? `<p>${esc(A.qualitative(ac.qualitative.total, ac.qualitative.done, ac.qualitative.inProgress, ac.qualitative.notDone, ac.qualitative.unanswered))}</p>`
        : '';
    const head = `${i === 0 ? areasHeading : ''}<h3>（${MESSAGES.report.numeral(i)}）${esc(area.title)}</h3>${line}${qline}`;
    const charts =
      area.charts.length > 0
        ? `<div class="charts">${area.charts.map((ch) => `<figure>${trendChartSvg(ch)}</figure>`).join('')}</div>`
        : '';
    parts.push(
      `<div class="area" data-area="${area.area}"><div class="keep with-next area-head">${head}${charts}</div>`,
    );
    if (area.rows.length > 0) parts.push(targetsTable(area.rows));
    if (area.omitted > 0) parts.push(`<p class="small muted">${esc(A.omitted(area.omitted))}</p>`);
    parts.push('</div>');
  });
  parts.push('</section>');

  // 各乡镇（街道）情况
  if (model.townships) {
    const tw = model.townships;
    const TC = A.townshipColumns;
    parts.push(
      `<section class="townships"><div class="keep">${sec(n++, A.sections.townships)}<p>${esc(A.townshipsIntro(tw.lines.length, tw.lines.filter((l) => l.counts).length))}</p>`,
    );
    parts.push(
      `<table class="towns"><thead><tr><th>${TC.name}</th><th>${TC.status}</th><th>${TC.monitored}</th><th>${TC.achieved}</th><th>${TC.notMet}</th><th>${TC.noData}</th><th>${TC.rate}</th></tr></thead><tbody>${tw.lines.map((l) => `<tr><td>${esc(l.name)}</td><td class="center">${esc(l.status ?? A.noReturn)}</td>${l.counts ? `<td class="num">${l.counts.monitored}</td><td class="num">${l.counts.met + l.counts.basicallyMet}</td><td class="num">${l.counts.notMet}</td><td class="num">${l.counts.noData}</td><td class="num">${formatRate(l.counts.rate)}</td>` : '<td class="center">—</td>'.repeat(5)}</tr>`).join('')}</tbody></table></div>`,
    );
    for (const chart of tw.charts) parts.push(`<figure class="keep">${barChartSvg(chart)}</figure>`);
    parts.push('</section>');
  }

  parts.push(
    `<section class="notes keep">${sec(n++, A.sections.notes)}<ol>${model.notes.map((t) => `<li>${esc(t)}</li>`).join('')}</ol></section>`,
  );

  const css = `${baseCss(false, fonts)}\n.wdp-report { --wdp-serif: ${fonts.serif}; }${REPORT_CSS}`;
  return {
    title: model.title,
    landscape: false,
    css,
    body: `<div class="wdp-print wdp-report">\n${parts.join('\n')}\n</div>`,
  };
}
