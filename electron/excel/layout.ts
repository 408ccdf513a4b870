// The report form's layout, derived from the framework: which sheets, which rows, which columns. The one source the
// export, the blank template and the import share (the import finds rows by code, and columns by these headers).
// Pure: no I/O, no Excel library.
import {
  AREA_CODES,
  AREA_LETTER,
  sexColumnsOf,
  type AreaCode,
  type DataItem,
  type Framework,
  type Indicator,
  type SexColumn,
  type Target,
} from '../../shared/framework/schema.ts';
import type { ReturnData } from '../../shared/returns/schema.ts';
import { QUALITATIVE_LABELS } from '../../shared/rules/messages.ts';
import { MESSAGES } from '../../shared/messages.ts';

const F = MESSAGES.excel.form;

/** The columns of every area sheet, left to right (1-based Excel column numbers). */
export const COLUMN_KEYS = ['name', 'code', 'unit', 'total', 'female', 'male', 'previous', 'change', 'note'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];
export const COL: Record<ColumnKey, number> = {
  name: 1,
  code: 2,
  unit: 3,
  total: 4,
  female: 5,
  male: 6,
  previous: 7,
  change: 8,
  note: 9,
};
export const LAST_COL = 9;
/** Excel column widths (characters); they add up to what fits A4 landscape at 100%. */
export const COLUMN_WIDTHS: Record<ColumnKey, number> = {
  name: 34,
  code: 8,
  unit: 8,
  total: 11,
  female: 11,
  male: 11,
  previous: 11,
  change: 11,
  note: 24,
};
/** The column index row under the header: 甲 乙 丙 for descriptive columns, 1 2 3 … for numbers, 丁 for notes. */
export const COLUMN_INDEX: Record<ColumnKey, string> = {
  name: F.columnIndex.name,
  code: F.columnIndex.code,
  unit: F.columnIndex.unit,
  total: '1',
  female: '2',
  male: '3',
  previous: '4',
  change: '5',
  note: F.columnIndex.note,
};

/** Rows of the form above the body (1-based). */
export const ROW = {
  title: 1,
  plan: 2,
  marksFirst: 2,
  marksLast: 5,
  unit: 6,
  headerTop: 7,
  headerBottom: 8,
  index: 9,
  bodyStart: 10,
} as const;

/**
 * Header texts the import accepts for each column, after NFKC and removing whitespace ("合  计" → 合计).
 * People rename headers in Excel; these are the common Chinese variants.
 */
export const HEADER_ALIASES: Record<
  'name' | 'code' | 'unit' | 'total' | 'female' | 'male' | 'note',
  readonly string[]
> = {
  name: ['指标名称', '指标', '项目', '名称', '数据项'],
  code: ['代码', '编码', '指标代码', '项目代码'],
  unit: ['计量单位', '单位'],
  total: ['合计', '总计', '本年合计', '本年', '数值', '本年数'],
  female: ['女', '其中女', '其中:女', '女性', '其中女性'],
  male: ['男', '男性', '其中男'],
  note: ['备注', '说明', '情况说明'],
};

/** A label of a form's header block (title, legal marks, 填报单位, 统计年度 …): met again when tables are stacked. */
export const BLOCK_LABEL =
  /^(表号|制定机关|备案机关|批准机关|批准文号|备案文号|有效期至|单位代码|填报单位|统计年度|监测规划)[:：]|监测统计表$/;
/** The text that starts a form's footer: the signatures (单位负责人…) or the notes (说明：). */
export const FOOTER_START = /^(单位负责人|说明[:：])/;

export type QualitativeIndicator = Extract<Indicator, { kind: 'qualitative' }>;

export type LayoutRow =
  /** 一、妇女与健康: the area heading, its value cells hold “—” */
  | { kind: 'area'; label: string }
  /** a sub-heading inside an area: 定性评估, 上级下达的目标值 */
  | { kind: 'section'; label: string }
  | { kind: 'item'; item: DataItem; columns: readonly SexColumn[] }
  | {
      kind: 'qualitative';
      indicator: QualitativeIndicator;
      labels: { done: string; in_progress: string; not_done: string };
    }
  | { kind: 'threshold'; target: Target; indicator: Indicator; label: string };

export interface SheetLayout {
  area: AreaCode;
  sheetName: string;
  title: string;
  /** 妇监N表: fixed per area across years and levels */
  formNumber: number;
  /** the one unit every item row shares (shown in the header block), else null */
  wholeUnit: string | null;
  rows: LayoutRow[];
}

export interface ReturnLayout {
  framework: Framework;
  level: 'township' | 'county' | 'city';
  sheets: SheetLayout[];
}

const areaOfCode = (code: string): AreaCode | undefined => AREA_CODES.find((a) => AREA_LETTER[a] === code.charAt(0));

/**
 * The form for a return of this level. A township form holds the items townships collect; a county form holds
 * everything, with the qualitative assessments and the thresholds set by higher levels. Anything `data` holds
 * beyond that is included too, so an export never drops a value. Areas with no rows are left out.
 */
export function buildLayout(
  framework: Framework,
  level: 'township' | 'county' | 'city',
  data?: ReturnData,
): ReturnLayout {
  if (data === undefined) {
    // the bare form of a framework and level (every file read asks for it): built once, shared, read-only
    const byLevel = BARE.get(framework) ?? new Map<string, ReturnLayout>();
    BARE.set(framework, byLevel);
    const hit = byLevel.get(level);
    if (hit) return hit;
    const layout = layoutOf(framework, level);
    byLevel.set(level, layout);
    return layout;
  }
  return layoutOf(framework, level, data);
}

const BARE = new WeakMap<Framework, Map<string, ReturnLayout>>();

function layoutOf(framework: Framework, level: 'township' | 'county' | 'city', data?: ReturnData): ReturnLayout {
  const filledItems = new Set(
    data?.cells.filter((c) => c.value !== null || c.noData !== null).map((c) => c.item) ?? [],
  );
  const answered = new Set(
    data?.qualitative.filter((q) => q.choice !== null || q.note !== '').map((q) => q.indicator) ?? [],
  );
  const thresholds = new Set(Object.keys(data?.externalThresholds ?? {}));
  const indicators = new Map(framework.indicators.map((i) => [i.code, i]));

  const sheets: SheetLayout[] = [];
  AREA_CODES.forEach((area, areaIndex) => {
    const areaTitle = MESSAGES.areaTitles[area];
    const rows: LayoutRow[] = [];
    const items = framework.dataItems.filter(
      (d) => areaOfCode(d.code) === area && (level !== 'township' || d.level === 'township' || filledItems.has(d.code)),
    );
    for (const item of items) rows.push({ kind: 'item', item, columns: sexColumnsOf(item) });

    const qualitative = framework.indicators.filter(
      (i): i is QualitativeIndicator =>
        i.kind === 'qualitative' &&
        i.area === area &&
        (level !== 'township' || i.judgeLevel === 'township' || answered.has(i.code)),
    );
    if (qualitative.length > 0) {
      rows.push({ kind: 'section', label: F.sections.qualitative });
      for (const indicator of qualitative)
        rows.push({ kind: 'qualitative', indicator, labels: QUALITATIVE_LABELS[indicator.choices] });
    }

    const planArea = framework.areas.find((a) => a.area === area);
    const external = (planArea?.targets ?? []).filter(
      (t) => t.rule.kind === 'external' && (level !== 'township' || thresholds.has(t.id)),
    );
    if (external.length > 0) {
      rows.push({ kind: 'section', label: F.sections.thresholds });
      for (const target of external) {
        const indicator = indicators.get(target.indicator);
        if (!indicator || target.rule.kind !== 'external') continue;
        rows.push({ kind: 'threshold', target, indicator, label: F.thresholdName(target.rule.label, target.text) });
      }
    }
    if (rows.length === 0) return;
    const units = new Set(items.map((i) => i.unit));
    sheets.push({
      area,
      sheetName: F.sheetNames[area],
      title: F.title(areaTitle),
      formNumber: areaIndex + 1,
      wholeUnit: units.size === 1 && qualitative.length === 0 && external.length === 0 ? [...units][0] : null,
      rows: [{ kind: 'area', label: F.numberedArea(F.chineseNumbers[areaIndex], areaTitle) }, ...rows],
    });
  });
  return { framework, level, sheets };
}

/** The unit shown for an indicator's values (1/10万 → /10万). */
export const indicatorUnit = (indicator: Indicator): string =>
  indicator.kind === 'qualitative' ? '' : indicator.unit === '1/10万' ? '/10万' : indicator.unit;

/** A1 address from 1-based row and column. */
export function address(row: number, col: number): string {
  let c = col;
  let letters = '';
  while (c > 0) {
    const m = (c - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return `${letters}${row}`;
}

/** Where a value is shown: 健康!E12 (sheet names with spaces or symbols are not quoted: people read these). */
export const location = (sheet: string, cell: string) => `${sheet}!${cell}`;
