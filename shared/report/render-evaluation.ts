// The 中期评估 / 终期评估 report as HTML: title block with the evaluation year and why, 总体情况 (the bureau's
// headline, 序时进度 counts, per-area table), 评估结果分类 (提前实现 / 基本实现 / 滞后于序时进度 / 与目标仍有差距
// with the engine's reasons and the office's explanations), 分领域评估结果 (trend charts with the target and
// the 序时进度 line, a table of base, every year, 序时进度, verdict and projection), 定性目标, a county's
// townships, 说明. The annual report's stylesheet, charts and headline; A4 like it. Pure.
import { MESSAGES } from '../messages.ts';
import { formatFixed, unitSuffix } from '../rules/format.ts';
import { areaStatusSvg, barChartSvg, trendChartSvg } from './charts.ts';
import type { EvaluationReportModel, EvaluationRow, ProgressCounts } from './evaluation-model.ts';
import { describeChange, formatRate, formatValue } from './format.ts';
import { headlineSentences } from './headline.ts';
import { baseCss, esc, systemFonts, type FontSetup, type RenderedDocument } from './html.ts';
import type { Counts } from './model.ts';
import { flags, REPORT_CSS, status } from './render-report.ts';

const A = MESSAGES.report.annual;
const V = MESSAGES.report.evaluation;

const EVALUATION_CSS = `
.wdp-report .year-note { text-align: center; font-size: 9pt; color: #333; margin-top: 2mm; }
.wdp-report .tiles.progress .tile { border-top-color: #6b7280; }
.wdp-report .tiles.progress .tile.behind { border-top-color: #d08700; }
.wdp-report .tiles.progress .tile.ahead { border-top-color: #2e7d4f; }
.wdp-report table.eval { font-size: 8pt; }
.wdp-report table.eval th { font-size: 7.5pt; padding: 0.8mm 0.8mm; }
.wdp-report table.eval td { padding: 0.8mm 1mm; }
.wdp-report table.eval td.year { text-align: right; white-space: nowrap; }
.wdp-report table.eval td.base { background: #f6f7f8; }
.wdp-report table.eval .unit { color: #555; font-size: 7pt; }
.wdp-report table.eval .ty { color: #555; font-size: 7pt; }
.wdp-report .tag { display: block; font-size: 7.5pt; white-space: nowrap; }
.wdp-report .tag.early { color: #2e7d4f; font-weight: 700; }
.wdp-report .tag.behind { color: #a15c00; }
.wdp-report .tag.miss { color: #c62828; }
.wdp-report .tag.meets { color: #2e7d4f; }
.wdp-report table.quals td.choice { font-size: 7.5pt; white-space: nowrap; padding: 0.8mm 0.5mm; }
.wdp-report table.lists, .wdp-report table.quals, .wdp-report table.towns { font-size: 8.5pt; }
.wdp-report.wdp-landscape .charts { grid-template-columns: 1fr 1fr 1fr; }
`;

const unitTag = (r: EvaluationRow) =>
  r.unit ? `<span class="unit">${esc(V.unitNote(unitSuffix(r.unit)))}</span>` : '';
const num = (v: number | null, decimals: number) => (v === null ? '—' : esc(formatFixed(v, decimals)));

/** 2023年为45.0%，比基期2020年提高3.0个百分点。 */
function sinceBase(r: EvaluationRow, year: number, baseYear: number): string {
  const value = r.values.find((v) => v.year === year)?.value ?? null;
  if (value === null) return '';
  return V.sinceBase(
    year,
    formatValue(value, r.decimals, r.unit),
    baseYear,
    describeChange(value, r.base, r.unit, r.decimals, r.higherBetter),
  );
}

function progressCell(r: EvaluationRow): string {
  const p = r.progress;
  if (!p) return '—';
  if (p.state === 'ahead') return `<span class="tag early">${esc(V.progressState.ahead)}</span>`;
  if (p.state === 'no_base' || p.expected === null) return `<span class="tag">${esc(V.progressState.no_base)}</span>`;
  return `${esc(V.expected(formatFixed(p.expected, r.decimals)))}<span class="tag ${p.state === 'behind' ? 'behind' : ''}">${esc(V.progressState[p.state])}</span>`;
}

function projectionCell(r: EvaluationRow): string {
  const p = r.progress;
  if (!p || p.projected === null) return '—';
  const meets = p.projectedMeets === true;
  return `${num(p.projected, r.decimals)}<span class="tag ${meets ? 'meets' : 'miss'}">${esc(meets ? V.projectionMeets.yes : V.projectionMeets.no)}</span>`;
}

const verdictCell = (r: EvaluationRow) =>
  `${status(r.status)}${r.early ? `<span class="tag early">${esc(r.metSince !== null && !r.progress ? V.metSince(r.metSince) : V.tiles.early)}</span>` : ''}${flags(r)}`;

function areaTable(
  rows: EvaluationRow[],
  model: EvaluationReportModel,
  withProgress: boolean,
  withProjection: boolean,
): string {
  const C = V.columns;
  const years = model.columns.filter((y) => y > model.baseYear);
  const yearWidth = model.landscape ? 5.2 : 6.8;
  const fixed = (withProgress ? 9 : 0) + (withProjection ? 8 : 0) + 10;
  const rest = 100 - fixed - yearWidth * (years.length + 1);
  const cols = [
    rest * 0.5,
    rest * 0.5,
    ...Array(years.length + 1).fill(yearWidth),
    ...(withProgress ? [9] : []),
    10,
    ...(withProjection ? [8] : []),
  ];
  const head = `<tr><th>${C.indicator}</th><th>${C.target}</th><th>${C.base}<br>${model.baseYear}</th>${years.map((y) => `<th>${y}</th>`).join('')}${withProgress ? `<th>${C.expected}<br>${model.year}</th>` : ''}<th>${C.status}</th>${withProjection ? `<th>${esc(C.projection(model.period.end))}</th>` : ''}</tr>`;
  const body = rows
    .map((r) => {
      const ty = r.targetYear !== model.period.end ? `<span class="ty">${esc(V.targetYear(r.targetYear))}</span>` : '';
      return `<tr data-target="${esc(r.targetId)}"><td><span class="code">${esc(r.indicator)}</span>${esc(r.indicatorName)}${unitTag(r)}${r.coverage ? `<div class="pooled">${esc(r.coverage)}</div>` : ''}</td><td>${esc(r.targetText)}${ty}</td><td class="year base">${num(r.base, r.decimals)}</td>${r.values.map((v) => `<td class="year" data-year="${v.year}">${num(v.value, r.decimals)}</td>`).join('')}${withProgress ? `<td class="center">${progressCell(r)}</td>` : ''}<td class="center">${verdictCell(r)}</td>${withProjection ? `<td class="year">${projectionCell(r)}</td>` : ''}</tr>`;
    })
    .join('');
  return `<table class="targets eval"><colgroup>${cols.map((w) => `<col style="width:${w.toFixed(1)}%">`).join('')}</colgroup><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function listTable(
  key: keyof EvaluationReportModel['lists'],
  rows: EvaluationRow[],
  model: EvaluationReportModel,
): string {
  const L = V.lists[key];
  const LC = V.listColumns;
  const head = `<h3>${esc(L.title)}（${rows.length}${A.unitItems}）</h3>`;
  if (rows.length === 0)
    return `<div class="list" data-list="${key}"><div class="keep">${head}<p class="muted">${esc(L.empty)}</p></div></div>`;
  const withExplanation = key !== 'early';
  const body = rows
    .map((r) => {
      const situation = `${esc(sinceBase(r, model.year, model.baseYear))}${esc(r.message)}${r.coverage ? `<div class="pooled">${esc(r.coverage)}</div>` : ''}`;
      const explanation = r.explanation ? esc(r.explanation) : `<span class="muted">${V.unexplained}</span>`;
      return `<tr data-list-row="${esc(r.targetId)}"><td><span class="code">${esc(r.indicator)}</span>${esc(r.indicatorName)}<br>${verdictCell(r)}</td><td class="msg">${situation}</td>${withExplanation ? `<td>${explanation}</td>` : ''}</tr>`;
    })
    .join('');
  const cols = withExplanation ? '<col style="width:24%"><col style="width:46%"><col>' : '<col style="width:24%"><col>';
  return `<div class="list" data-list="${key}"><div class="keep with-next">${head}<p>${esc(L.intro)}</p></div><table class="lists"><colgroup>${cols}</colgroup><thead><tr><th>${LC.indicator}</th><th>${LC.situation}</th>${withExplanation ? `<th>${LC.explanation}</th>` : ''}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function countsRow(name: string, c: Counts, p: ProgressCounts, early: number, withProgress: boolean, cls = ''): string {
  const q = c.qualitative;
  const cells = [c.monitored, c.met, c.basicallyMet, c.notMet, c.noData]
    .map((v) => `<td class="num">${v}</td>`)
    .join('');
  const prog = withProgress ? [p.onTrack, p.behind].map((v) => `<td class="num">${v}</td>`).join('') : '';
  return `<tr${cls ? ` class="${cls}"` : ''}><td>${esc(name)}</td>${cells}<td class="num">${formatRate(c.rate)}</td><td class="num">${early}</td>${prog}<td class="center">${q.total > 0 ? `${q.done}/${q.inProgress}/${q.notDone}` : '—'}</td></tr>`;
}

/** The overview's sentences: the bureau's headline, 序时进度, 提前实现 and 预警. */
function evaluationSentences(model: EvaluationReportModel): string[] {
  const out = headlineSentences(model.counts, { alerts: false });
  const p = model.progress;
  if (model.counts.measured > 0) {
    out.push(
      p.judged > 0
        ? V.progress(model.year, p.judged, p.ahead, p.onTrack, p.behind, p.noBase)
        : V.noProgress(model.year),
    );
    if (model.lists.early.length > 0 && p.judged === 0) out.push(V.earlyCount(model.lists.early.length));
    out.push(V.alerts(model.counts.alerts));
  }
  return out;
}

export function renderEvaluationReport(
  model: EvaluationReportModel,
  fonts: FontSetup = systemFonts(),
): RenderedDocument {
  const sec = (i: number, title: string) => `<h2>${MESSAGES.report.numeral(i)}、${esc(title)}</h2>`;
  const c = model.counts;
  const M = V.meta;
  const allRows = model.areas.flatMap((a) => a.rows);
  const withProgress = allRows.some((r) => r.progress);
  const withProjection = allRows.some((r) => r.progress?.projected !== null && r.progress !== null);
  let n = 0;
  const parts: string[] = [];

  parts.push(`<header class="report-head"><h1>${model.titleLines.map(esc).join('<br>')}</h1>
<table class="meta"><tr><td class="k">${M.unit}</td><td>${esc(model.region.fullName)}（${esc(model.region.code)}）</td></tr>
<tr><td class="k">${M.year}</td><td>${esc(V.yearOf(model.year))}</td></tr>
<tr><td class="k">${M.base}</td><td>${esc(V.baseOf(model.baseYear, model.years.includes(model.baseYear)))}</td></tr>
<tr><td class="k">${M.years}</td><td>${esc(V.yearsOf(model.years))}</td></tr>
<tr><td class="k">${M.status}</td><td>${esc(model.dataStatus)}</td></tr><tr><td class="k">${M.generated}</td><td>${esc(model.generatedOn)}</td></tr></table>
<p class="year-note">${esc(V.yearNote(model.evaluation, model.yearChoice, model.nominalYear, model.year, model.period.start, model.period.end, model.baseYear))}</p></header>`);

  // 总体情况
  parts.push(`<section class="overview">${sec(n++, V.sections.overview)}`);
  const [lead, ...more] = evaluationSentences(model);
  parts.push(`<p class="lead">${esc(lead)}</p>`);
  if (more.length > 0) parts.push(`<p class="overview-more">${more.map(esc).join('')}</p>`);
  const tile = (cls: string, value: string | number, label: string) =>
    `<div class="tile ${cls}"><b>${value}</b><span>${esc(label)}</span></div>`;
  parts.push(
    `<div class="tiles keep">${tile('met', c.met, A.tiles.met)}${tile('basically_met', c.basicallyMet, A.tiles.basicallyMet)}${tile('not_met', c.notMet, A.tiles.notMet)}${tile('no_data', c.noData, A.tiles.noData)}${tile('rate', formatRate(c.rate), A.areaTable.rate)}</div>`,
  );
  const p = model.progress;
  parts.push(
    `<div class="tiles progress keep">${tile('ahead', model.lists.early.length, V.tiles.early)}${p.judged > 0 ? `${tile('on_track', p.onTrack, V.tiles.onTrack)}${tile('behind', p.behind, V.tiles.behind)}` : ''}${tile('alerts', c.alerts, A.tiles.alerts)}</div>`,
  );
  parts.push(
    `<figure class="keep">${areaStatusSvg(model.areas.map((a) => ({ title: a.title, counts: a.counts })))}</figure>`,
  );
  const T = A.areaTable;
  const TT = V.townshipColumns;
  const earlyOf = (rows: EvaluationRow[]) => rows.filter((r) => r.early).length;
  parts.push(
    `<table class="areas"><thead><tr><th>${T.area}</th><th>${T.monitored}</th><th>${T.met}</th><th>${T.basicallyMet}</th><th>${T.notMet}</th><th>${T.noData}</th><th>${T.rate}</th><th>${TT.ahead}</th>${withProgress ? `<th>${TT.onTrack}</th><th>${TT.behind}</th>` : ''}<th>${T.qualitative}</th></tr></thead><tbody>${model.areas.map((a) => countsRow(a.title, a.counts, a.progress, earlyOf(a.rows), withProgress)).join('')}${countsRow(T.total, c, p, model.lists.early.length, withProgress, 'total')}</tbody></table>`,
  );
  parts.push('</section>');

  // 评估结果分类
  parts.push(`<section class="lists">${sec(n++, V.sections.lists)}`);
  for (const key of ['early', 'basic', 'behind', 'notMet'] as const)
    parts.push(listTable(key, model.lists[key], model));
  parts.push('</section>');

  // 分领域评估结果
  const areasHeading = sec(n++, V.sections.areas);
  parts.push('<section class="areas-detail">');
  model.areas.forEach((area, i) => {
    const ac = area.counts;
    const line =
      ac.measured > 0
        ? `<p>${esc(A.areaLine(ac.measured, ac.monitored, ac.met + ac.basicallyMet, ac.notMet, ac.noData, formatRate(ac.rate)))}${area.progress.judged > 0 ? esc(V.areaProgress(area.progress.judged, area.progress.ahead, area.progress.onTrack, area.progress.behind, area.progress.noBase)) : ''}</p>`
        : '';
    const head = `${i === 0 ? areasHeading : ''}<h3>（${MESSAGES.report.numeral(i)}）${esc(area.title)}</h3>${line}`;
    const charts =
      area.charts.length > 0
        ? `<div class="charts">${area.charts.map((ch) => `<figure>${trendChartSvg(ch)}</figure>`).join('')}</div>`
        : '';
    parts.push(
      `<div class="area" data-area="${area.area}"><div class="keep with-next area-head">${head}${charts}</div>`,
    );
    if (area.rows.length > 0) parts.push(areaTable(area.rows, model, withProgress, withProjection));
    if (area.omitted > 0) parts.push(`<p class="small muted">${esc(A.omitted(area.omitted))}</p>`);
    parts.push('</div>');
  });
  parts.push('</section>');

  // 定性目标
  const q = c.qualitative;
  parts.push(
    `<section class="qualitative"><div class="keep with-next">${sec(n++, V.sections.qualitative)}<p>${esc(model.qualitative.length === 0 ? V.noQualitative : `${V.qualitativeIntro}${A.qualitative(q.total, q.done, q.inProgress, q.notDone, q.unanswered)}`)}</p></div>`,
  );
  if (model.qualitative.length > 0) {
    const years = model.columns.filter((y) => y > model.baseYear);
    const QC = V.qualitativeColumns;
    const yw = Math.min(model.landscape ? 5 : 7, 40 / years.length);
    parts.push(
      `<table class="quals eval"><colgroup><col style="width:${((100 - 9 - yw * years.length) * 0.45).toFixed(1)}%"><col>${years.map(() => `<col style="width:${yw.toFixed(1)}%">`).join('')}<col style="width:9%"></colgroup><thead><tr><th>${QC.indicator}</th><th>${QC.target}</th>${years.map((y) => `<th>${y}</th>`).join('')}<th>${QC.status}</th></tr></thead><tbody>${model.qualitative.map((r) => `<tr data-target="${esc(r.targetId)}"><td><span class="code">${esc(r.indicator)}</span>${esc(r.indicatorName)}</td><td>${esc(r.targetText)}</td>${r.choices.map((ch) => `<td class="center choice">${esc(ch.choice ?? '—')}</td>`).join('')}<td class="center">${status(r.status)}</td></tr>`).join('')}</tbody></table>`,
    );
  }
  parts.push('</section>');

  // 各乡镇（街道）情况
  if (model.townships) {
    const tw = model.townships;
    const TC = V.townshipColumns;
    parts.push(
      `<section class="townships"><div class="keep">${sec(n++, V.sections.townships)}<p>${esc(V.townshipsIntro(tw.lines.length, tw.lines.filter((l) => l.counts).length, model.year))}</p>`,
    );
    parts.push(
      `<table class="towns"><thead><tr><th>${TC.name}</th><th>${TC.status}</th><th>${TC.monitored}</th><th>${TC.achieved}</th><th>${TC.rate}</th>${withProgress ? `<th>${TC.ahead}</th><th>${TC.onTrack}</th><th>${TC.behind}</th>` : ''}</tr></thead><tbody>${tw.lines.map((l) => `<tr data-township="${esc(l.code)}"><td>${esc(l.name)}</td><td class="center">${esc(l.status ?? A.noReturn)}</td>${l.counts && l.progress ? `<td class="num">${l.counts.monitored}</td><td class="num">${l.counts.met + l.counts.basicallyMet}</td><td class="num">${formatRate(l.counts.rate)}</td>${withProgress ? `<td class="num">${l.progress.ahead}</td><td class="num">${l.progress.onTrack}</td><td class="num">${l.progress.behind}</td>` : ''}` : '<td class="center">—</td>'.repeat(withProgress ? 6 : 3)}</tr>`).join('')}</tbody></table></div>`,
    );
    for (const chart of tw.charts) parts.push(`<figure class="keep">${barChartSvg(chart)}</figure>`);
    parts.push('</section>');
  }

  parts.push(
    `<section class="notes keep">${sec(n++, V.sections.notes)}<ol>${model.notes.map((t) => `<li>${esc(t)}</li>`).join('')}</ol></section>`,
  );

  const css = `${baseCss(model.landscape, fonts)}\n.wdp-report { --wdp-serif: ${fonts.serif}; }${REPORT_CSS}${EVALUATION_CSS}`;
  const cls = model.landscape ? 'wdp-print wdp-report wdp-landscape' : 'wdp-print wdp-report';
  return {
    title: model.title,
    landscape: model.landscape,
    css,
    body: `<div class="${cls}">\n${parts.join('\n')}\n</div>`,
  };
}
