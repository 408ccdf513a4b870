// The printed return form as HTML: header block (legal marks, title, 填报单位, period), the table with its
// column-index row and area group rows, then the signature line, 说明 and the attached notes. Pure.
import { MESSAGES } from '../messages.ts';
import { formatNumber } from './format.ts';
import { baseCss, esc, systemFonts, type FontSetup, type RenderedDocument } from './html.ts';
import type { FormCell, ReturnFormModel } from './model.ts';

const F = MESSAGES.report.form;

function cellHtml(cell: FormCell): string {
  switch (cell.kind) {
    case 'value':
      return `<td class="num">${formatNumber(cell.value, cell.decimals)}</td>`;
    case 'no_data':
      return `<td class="num nd" title="${esc(cell.reason)}">${F.noData}</td>`;
    case 'raw':
      return `<td class="num raw" title="${esc(F.rawTitle)}">${esc(cell.text)}</td>`;
    case 'na':
      return `<td class="center na">${F.notApplicable}</td>`;
    default:
      return '<td class="num"></td>';
  }
}

const FORM_CSS = `
.wdp-form .form-head { margin-bottom: 3mm; }
.wdp-form .marks { width: auto; margin-left: auto; border: 0; font-size: 8pt; }
.wdp-form .marks td { border: 0; padding: 0 0 0.3mm 0; white-space: nowrap; }
.wdp-form .marks td.v { min-width: 40mm; border-bottom: 0.5pt solid #666; padding-left: 1mm; }
.wdp-form h1 { font-size: 17pt; text-align: center; margin-top: 1mm; letter-spacing: 0.5pt; }
.wdp-form .stamp { display: inline-block; margin-left: 3mm; padding: 0 2mm; border: 1pt solid #b42318; color: #b42318; font-size: 9pt; vertical-align: middle; letter-spacing: 0; }
.wdp-form .meta-row { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 3mm; font-size: 9pt; }
.wdp-form table.form-table { font-size: 8.5pt; table-layout: fixed; }
.wdp-form .form-table th, .wdp-form .form-table td { padding: 0.7mm 1.3mm; }
.wdp-form .form-table tr.index td { text-align: center; font-size: 7.5pt; color: #333; background: #f6f7f8; }
.wdp-form .form-table tr.group td { font-weight: 700; background: #f3f4f6; break-after: avoid; page-break-after: avoid; }
.wdp-form .form-table td.code, .wdp-form .form-table td.unit { text-align: center; white-space: nowrap; }
.wdp-form .form-table td.na { color: #666; }
.wdp-form .form-table td.nd { color: #333; }
.wdp-form .form-table td.raw { color: #b42318; text-decoration: underline wavy #b42318; }
.wdp-form .signatures { display: flex; justify-content: space-between; gap: 4mm; margin: 4mm 0 3mm; font-size: 9pt; }
.wdp-form .signatures .line { display: inline-block; min-width: 22mm; border-bottom: 0.5pt solid #333; padding: 0 1mm; }
.wdp-form .notes { font-size: 8pt; margin-top: 2mm; }
.wdp-form .notes h3 { font-size: 9pt; margin-bottom: 1mm; }
.wdp-form .notes ol { margin: 0; padding-left: 5mm; }
.wdp-form .annex { margin-top: 5mm; font-size: 8.5pt; }
.wdp-form .annex h3 { font-size: 10pt; margin-bottom: 2mm; }
`;

export function renderReturnForm(model: ReturnFormModel, fonts: FontSetup = systemFonts()): RenderedDocument {
  const C = F.columns;
  const numeric = model.withPrevious ? 6 : 3;
  const colgroup = `<colgroup><col style="width:${model.withPrevious ? 31 : 40}%"><col style="width:${model.withPrevious ? 6 : 9}%"><col style="width:${model.withPrevious ? 6 : 9}%">${'<col>'.repeat(numeric)}</colgroup>`;
  const head = [
    `<tr><th rowspan="2">${C.name}</th><th rowspan="2">${C.code}</th><th rowspan="2">${C.unit}</th><th colspan="3">${C.current}</th>${model.withPrevious ? `<th colspan="3">${C.previous}</th>` : ''}</tr>`,
    `<tr><th>${C.total}</th><th>${C.female}</th><th>${C.male}</th>${model.withPrevious ? `<th>${C.total}</th><th>${C.female}</th><th>${C.male}</th>` : ''}</tr>`,
    `<tr class="index"><td>${F.indexRow.name}</td><td>${F.indexRow.code}</td><td>${F.indexRow.unit}</td>${Array.from({ length: numeric }, (_, i) => `<td>${i + 1}</td>`).join('')}</tr>`,
  ].join('');
  const body = model.areas
    .map((area) =>
      [
        `<tr class="group"><td>${esc(area.heading)}</td><td class="code">${F.notApplicable}</td><td class="unit">${F.notApplicable}</td>${`<td class="center na">${F.notApplicable}</td>`.repeat(numeric)}</tr>`,
        ...area.rows.map(
          (row) =>
            `<tr data-item="${esc(row.code)}"><td>${esc(row.name)}</td><td class="code">${esc(row.code)}</td><td class="unit">${esc(row.unit)}</td>${row.current.map(cellHtml).join('')}${row.previous ? row.previous.map(cellHtml).join('') : ''}</tr>`,
        ),
      ].join(''),
    )
    .join('');

  const marks = `<table class="marks">${model.marks.map((m) => `<tr><td>${esc(m.label)}：</td><td class="v">${esc(m.value)}</td></tr>`).join('')}</table>`;
  const signatures = `<div class="signatures keep">${model.footer.map((f) => `<span>${esc(f.label)}：<span class="line">${esc(f.value) || '&#12288;&#12288;'}</span></span>`).join('')}</div>`;
  const notes = `<div class="notes keep"><h3>${F.notesTitle}</h3><ol>${[...model.notes, ...(model.omittedItems > 0 ? [F.countyOnlyOmitted(model.omittedItems)] : [])].map((n) => `<li>${esc(n)}</li>`).join('')}</ol></div>`;
  const noData =
    model.noData.length === 0
      ? ''
      : `<div class="notes"><h3>${F.noDataTitle}</h3><ol>${model.noData.map((n) => `<li>${esc(n)}</li>`).join('')}</ol></div>`;
  const QC = F.qualitativeColumns;
  const qualitative =
    model.qualitative.length === 0
      ? ''
      : `<section class="annex"><h3>${F.qualitativeTitle}</h3><table><thead><tr><th style="width:9%">${QC.code}</th><th style="width:41%">${QC.name}</th><th style="width:12%">${QC.choice}</th><th>${QC.note}</th></tr></thead><tbody>${model.qualitative.map((q) => `<tr><td class="center">${esc(q.code)}</td><td>${esc(q.name)}</td><td class="center">${esc(q.choice)}</td><td>${esc(q.note)}</td></tr>`).join('')}</tbody></table></section>`;
  const EC = F.explanationsColumns;
  const explanations =
    model.explanations.length === 0
      ? ''
      : `<section class="annex"><h3>${F.explanationsTitle}</h3><table><thead><tr><th style="width:7%">${EC.code}</th><th style="width:22%">${EC.name}</th><th style="width:38%">${EC.message}</th><th>${EC.text}</th></tr></thead><tbody>${model.explanations.map((e) => `<tr><td class="center">${esc(e.code)}</td><td>${esc(e.name)}</td><td>${esc(e.message)}</td><td>${e.text ? esc(e.text) : `<span class="muted">${F.unexplained}</span>`}</td></tr>`).join('')}</tbody></table></section>`;

  const html = `<div class="wdp-print wdp-form${model.landscape ? ' landscape' : ''}">
<header class="form-head">${marks}
<h1>${esc(model.title)}${model.status && model.status !== F.status.submitted ? `<span class="stamp">${esc(model.status)}</span>` : ''}</h1>
<div class="meta-row"><span>${esc(F.unit)}：${esc(model.unitName)}</span><span>${esc(model.period)}</span><span>${esc(F.unitCode)}：${esc(model.unitCode)}</span></div>
</header>
<table class="form-table">${colgroup}<thead>${head}</thead><tbody>${body}</tbody></table>
${signatures}
${notes}
${noData}
${qualitative}
${explanations}
</div>`;
  return {
    title: `${model.title}（${model.unitName}，${model.period}）`,
    landscape: model.landscape,
    css: baseCss(model.landscape, fonts) + FORM_CSS,
    body: html,
  };
}
