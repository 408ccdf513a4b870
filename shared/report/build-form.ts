// The printed statistical return (统计报表表式): header block with the legal marks, one table of every area's
// data items (本年 and 上年, 合计/女/男), footer with signature lines and 说明. Pure.
import {
  AREA_CODES,
  AREA_LETTER,
  SEX_COLUMNS,
  sexColumnsOf,
  type DataItem,
  type Framework,
  type SexColumn,
} from '../framework/schema.ts';
import { MESSAGES } from '../messages.ts';
import { cellKey, type Cell, type ReturnData } from '../returns/schema.ts';
import { EMPTY_FOOTER, footerDateText } from '../returns/footer.ts';
import { hasAlert } from '../rules/result.ts';
import type { FormCell, FormItemRow, RegionInfo, ReturnFormModel, StoredReturn } from './model.ts';

const F = MESSAGES.report.form;

export interface FormInput {
  framework: Framework;
  stored: StoredReturn;
  region: RegionInfo;
  /** 填表人 when the return's footer names none (the profile's name when the return is this machine's own) */
  userName: string;
  /** print the 上年 columns (landscape); default true */
  withPrevious?: boolean;
}

function cellsOf(data: ReturnData | undefined): Map<string, Cell> {
  return new Map((data?.cells ?? []).map((c) => [cellKey(c.item, c.sex), c]));
}

function formCell(item: DataItem, sex: SexColumn, cells: Map<string, Cell>): FormCell {
  if (!sexColumnsOf(item).includes(sex)) return { kind: 'na' };
  const cell = cells.get(cellKey(item.code, sex));
  if (!cell) return { kind: 'blank' };
  if (cell.raw !== null) return { kind: 'raw', text: cell.raw };
  if (cell.noData) return { kind: 'no_data', reason: cell.noData.reason };
  if (cell.value === null) return { kind: 'blank' };
  return { kind: 'value', value: cell.value, decimals: item.decimals };
}

export function buildReturnForm(input: FormInput): ReturnFormModel {
  const { framework, stored, region } = input;
  const { view, evaluation } = stored;
  // the return's own signed footer (a county's merged view carries its own return's)
  const footer = view.footer ?? EMPTY_FOOTER;
  const data = view.data;
  const level = data.level;
  const withPrevious = input.withPrevious ?? true;
  const county = framework.plan.region.name;
  const cells = cellsOf(data);
  const previousData = view.history.find((h) => h.year === data.year - 1);
  const previous = cellsOf(previousData);
  const collected = framework.dataItems.filter((d) => level !== 'township' || d.level === 'township');

  const noData: string[] = [];
  const areas = AREA_CODES.map((area, i) => {
    const rows: FormItemRow[] = collected
      .filter((d) => d.code[0] === AREA_LETTER[area])
      .map((item) => {
        for (const sex of sexColumnsOf(item)) {
          const c = cells.get(cellKey(item.code, sex));
          if (c?.noData)
            noData.push(F.noDataLine(item.code, item.name, MESSAGES.report.form.columns[sex], c.noData.reason));
        }
        return {
          code: item.code,
          name: item.name,
          unit: item.unit,
          current: SEX_COLUMNS.map((s) => formCell(item, s, cells)),
          previous: withPrevious ? SEX_COLUMNS.map((s) => formCell(item, s, previous)) : null,
        };
      });
    return {
      area,
      heading: `${MESSAGES.report.numeral(i)}、${MESSAGES.areaTitles[area]}（${MESSAGES.report.form.areaFormNo(i + 1)}）`,
      rows,
    };
  }).filter((a) => a.rows.length > 0);

  const indicators = new Map(framework.indicators.map((ind) => [ind.code, ind]));
  const choiceLabels = MESSAGES.entry.choices;
  const qualitative = data.qualitative
    .filter((q) => q.choice !== null || q.note.trim() !== '')
    .map((q) => {
      const ind = indicators.get(q.indicator);
      const labels = choiceLabels[ind && ind.kind === 'qualitative' ? ind.choices : 'mechanism'];
      return {
        code: q.indicator,
        name: ind?.name ?? q.indicator,
        choice: q.choice ? labels[q.choice] : '',
        note: q.note,
      };
    });

  const explanations = evaluation.targets.filter(hasAlert).map((t) => ({
    code: t.indicator,
    name: indicators.get(t.indicator)?.name ?? t.indicator,
    message: t.message,
    text: view.explanations[t.targetId] ?? '',
  }));

  return {
    kind: 'return-form',
    title: F.title(county),
    landscape: withPrevious,
    status: F.status[view.summary.status] ?? view.summary.status,
    marks: [
      { label: F.marks.formNo, value: F.formNo },
      { label: F.marks.issuer, value: F.issuer(county) },
      { label: F.marks.approver, value: F.approver(county) },
      { label: F.marks.approvalNo, value: '' },
      { label: F.marks.validUntil, value: F.validUntil(framework.plan.period.end) },
    ],
    unitName: region.fullName,
    unitCode: region.code,
    period: F.period(data.year),
    withPrevious,
    areas,
    omittedItems: framework.dataItems.length - collected.length,
    footer: [
      { label: F.footer.unitHead, value: footer.head },
      { label: F.footer.statHead, value: footer.statistician },
      { label: F.footer.filler, value: footer.filler || input.userName },
      { label: F.footer.phone, value: footer.phone },
      { label: F.footer.date, value: footerDateText(footer.reportedOn) || F.footer.dateBlank },
    ],
    notes: F.notes(level, county, withPrevious),
    noData,
    qualitative,
    explanations,
  };
}
