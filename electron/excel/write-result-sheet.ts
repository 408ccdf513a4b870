// The 校验结果 sheet of an exported return: the rule engine's data problems (with the cell each one is in) and the
// status of every target, with the explanations of warnings.
import type ExcelJS from 'exceljs';
import { POOL_MSG, SEX_LABEL, QUALITATIVE_LABELS } from '../../shared/rules/messages.ts';
import { formatInUnit } from '../../shared/rules/format.ts';
import { compileFramework } from '../../shared/rules/compile.ts';
import { cellKey } from '../../shared/returns/schema.ts';
import type { Evaluation } from '../../shared/rules/result.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { countsOf } from '../../shared/report/build-report.ts';
import { headlineSentences } from '../../shared/report/headline.ts';
import type { WriteReturnInput } from './write-input.ts';
import { localDate } from '../../shared/returns/dates.ts';

const R = MESSAGES.excel.result;
const FONT = { name: '宋体', size: 10 } as const;
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const WIDTHS = [16, 9, 24, 26, 11, 10, 40, 26];
const LAST = WIDTHS.length;

const lines = (text: string, width: number) =>
  Math.max(
    1,
    Math.ceil(
      [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 1 : 0.55), 0) /
        Math.max(4, Math.floor((width - 1) / 1.9)),
    ),
  );

function put(
  ws: ExcelJS.Worksheet,
  r: number,
  c: number,
  text: string | number,
  opts: {
    bold?: boolean;
    header?: boolean;
    wrap?: boolean;
    align?: 'left' | 'center' | 'right';
    border?: boolean;
  } = {},
) {
  const cell = ws.getCell(r, c);
  cell.value = text;
  cell.font = { ...FONT, bold: opts.bold ?? opts.header ?? false };
  cell.alignment = {
    vertical: 'middle',
    horizontal: opts.align ?? (opts.header ? 'center' : 'left'),
    wrapText: opts.wrap ?? true,
  };
  if (opts.border !== false) cell.border = BORDER;
  if (opts.header) cell.fill = HEADER_FILL;
  return cell;
}

export function writeResultSheet(
  wb: ExcelJS.Workbook,
  input: WriteReturnInput,
  evaluation: Evaluation,
  addresses: Map<string, string>,
) {
  const ws = wb.addWorksheet(MESSAGES.excel.form.resultSheet, {
    views: [{ state: 'frozen', ySplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: MESSAGES.excel.form.footerPage },
  });
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const { framework, data } = input;
  const items = new Map(framework.dataItems.map((d) => [d.code, d]));
  const indicators = new Map(framework.indicators.map((i) => [i.code, i]));
  // as the verdicts quote them: a locally adjusted target with what holds now
  const targetText = new Map(compileFramework(framework).targets.map((t) => [t.target.id, t.text]));
  const answers = new Map(data.qualitative.map((q) => [q.indicator, q]));
  // a merged return's ratio pooled over only some units says so beside its verdict
  const coverage = new Map(
    evaluation.indicators.filter((v) => v.coverage).map((v) => [v.code, R.pooled(POOL_MSG.coverage(v.coverage!))]),
  );

  let r = 1;
  ws.mergeCells(r, 1, r, LAST);
  const title = put(ws, r, 1, R.title(input.region.name, data.year), { bold: true, align: 'center', border: false });
  title.font = { name: '黑体', size: 16, bold: true };
  ws.getRow(r).height = 30;
  r += 1;
  ws.mergeCells(r, 1, r, LAST);
  put(ws, r, 1, R.checkedAt(input.region.name, data.year, localDate(input.now.toISOString())), { border: false });
  r += 1;
  const t = evaluation.total;
  ws.mergeCells(r, 1, r, LAST);
  const headline = `${headlineSentences(countsOf(t)).join('')}${R.filled(t.cellsFilled, t.cellsTotal)}`;
  put(ws, r, 1, headline, { border: false, wrap: true });
  ws.getRow(r).height =
    14 *
    lines(
      headline,
      WIDTHS.reduce((a, b) => a + b, 0),
    );
  r += 2;

  // 一、数据问题
  ws.mergeCells(r, 1, r, LAST);
  put(ws, r, 1, R.issuesHeading, { bold: true, border: false });
  r += 1;
  const order = new Map([...addresses.keys()].map((k, i) => [k, i]));
  const issues = evaluation.issues
    .map((issue) => ({ issue, key: cellKey(issue.item, issue.sex) }))
    .sort((a, b) => (order.get(a.key) ?? 1e9) - (order.get(b.key) ?? 1e9));
  if (issues.length === 0) {
    ws.mergeCells(r, 1, r, LAST);
    put(ws, r, 1, R.noIssues, { border: false });
    r += 1;
  } else {
    // 序号 类别 位置 名称 代码 问题说明 (the last spans three columns)
    R.issueHeaders.forEach((text, i) => {
      const col = [1, 2, 3, 5, 4, 6][i];
      put(ws, r, col, text, { header: true });
    });
    ws.mergeCells(r, 6, r, LAST);
    r += 1;
    issues.forEach(({ issue, key }, i) => {
      const item = items.get(issue.item);
      const name = item ? (item.sex === 'single' ? item.name : `${item.name}（${SEX_LABEL[issue.sex]}）`) : issue.item;
      put(ws, r, 1, i + 1, { align: 'center' });
      put(ws, r, 2, R.severity[issue.severity], { align: 'center' });
      put(ws, r, 3, addresses.get(key) ?? '');
      put(ws, r, 4, name);
      put(ws, r, 5, issue.item, { align: 'center' });
      ws.mergeCells(r, 6, r, LAST);
      put(ws, r, 6, issue.message);
      ws.getRow(r).height = Math.max(lines(issue.message, 74), lines(name, 26)) * 13 + 6;
      r += 1;
    });
  }
  r += 1;

  // 二、目标监测情况
  ws.mergeCells(r, 1, r, LAST);
  put(ws, r, 1, R.targetsHeading, { bold: true, border: false });
  r += 1;
  R.targetHeaders.forEach((text, i) => {
    put(ws, r, i + 1, text, { header: true });
  });
  r += 1;
  for (const target of evaluation.targets) {
    const indicator = indicators.get(target.indicator);
    let value = '';
    if (indicator?.kind === 'qualitative') {
      const choice = answers.get(indicator.code)?.choice;
      value = choice ? QUALITATIVE_LABELS[indicator.choices][choice] : '';
    } else if (indicator && target.value !== null) {
      value = formatInUnit(target.value, indicator.decimals, indicator.unit);
    }
    const cells = [
      target.targetId,
      target.indicator,
      indicator?.name ?? '',
      targetText.get(target.targetId) ?? '',
      value,
      R.status[target.status] + (target.hardToMeet ? R.hardToMeet : '') + (target.volatile ? R.volatile : ''),
      target.message + (coverage.get(target.indicator) ?? ''),
      input.explanations[target.targetId] ?? '',
    ];
    cells.forEach((text, i) => {
      put(ws, r, i + 1, text, { align: i === 4 ? 'right' : i === 1 || i === 5 ? 'center' : 'left' });
    });
    ws.getRow(r).height = Math.max(...cells.map((text, i) => lines(String(text), WIDTHS[i]))) * 13 + 6;
    r += 1;
  }
  ws.pageSetup.printArea = `A1:H${r - 1}`;
}
