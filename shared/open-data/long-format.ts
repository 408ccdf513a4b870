// The long ("tidy") format of monitoring data: one row per value, the same rows as CSV (Chinese headers) and as
// JSON (the field names below, schema published as resources/open-data/long-format.schema.json). Kinds of row:
//   item        a data item's cell (合计/女/男): value, or 无数据 with its reason, or the text as typed
//   qualitative a qualitative target's answer (已建立/推进中/未建立) and its note
//   threshold   a threshold the office filled in for a target set outside the plan (达到上级要求)
//   indicator   an indicator's value with its target, verdict, 预警 flags and 序时进度, from the rule engine
//               (export only: on import it is recomputed, never read)
// Pure: builds rows from a return, its framework and the rule engine's evaluation.
import { z } from 'zod';
import { SexColumnSchema, type Framework, type SexColumn } from '../framework/schema.ts';
import { describeRule } from '../framework/describe.ts';
import {
  QualitativeChoiceSchema,
  RegionCodeSchema,
  ReturnStatusSchema,
  YearSchema,
  type ReturnData,
  type ReturnStatus,
} from '../returns/schema.ts';
import { ProgressSchema, TargetStatusSchema, type Evaluation } from '../rules/result.ts';

export const OPEN_DATA_FORMAT = 'wdp-long';
export const OPEN_DATA_VERSION = 1;

export const LongRowKindSchema = z.enum(['item', 'qualitative', 'threshold', 'indicator']);

export const LongRowSchema = z.object({
  kind: LongRowKindSchema.describe(
    'item 数据项 | qualitative 定性目标 | threshold 上级下达的目标值 | indicator 指标评估结果',
  ),
  regionCode: RegionCodeSchema.describe('12位统计用区划代码'),
  regionName: z.string().max(100),
  level: z.enum(['township', 'county', 'city']).describe('township 乡镇（街道） | county 县（区） | city 市'),
  year: YearSchema,
  planId: z
    .string()
    .regex(/^[a-z]+$/)
    .describe('规划编号，如 taobei'),
  planName: z.string().max(200),
  frameworkVersion: z.number().int().positive().describe('指标框架版本'),
  code: z.string().min(1).max(40).describe('数据项代码（HD01）、指标代码（H01）或目标编号'),
  name: z.string().max(300),
  column: SexColumnSchema.nullable().describe('total 合计 | female 女 | male 男；数据项以外为 null'),
  value: z.number().finite().nullable(),
  unit: z.string().max(20),
  rawText: z.string().max(200).nullable().describe('填写的不是有效数值时按原样保存的文字'),
  noDataReason: z.string().max(200).nullable().describe('无数据的原因；有原因而 value 为 null 即为“无数据”'),
  choice: QualitativeChoiceSchema.nullable().describe(
    '定性目标：done 已建立/已实现 | in_progress 推进中 | not_done 未建立/未实现',
  ),
  note: z.string().max(1000).nullable(),
  returnStatus: ReturnStatusSchema.describe(
    'draft 草稿 | checked 已校验 | submitted 已报送 | returned 被退回 | accepted 审核通过',
  ),
  source: z.string().max(300).describe('数据来自哪个单位或文件'),
  targetId: z.string().max(40).nullable(),
  target: z.string().max(300).nullable().describe('目标（规划原文）'),
  rule: z.string().max(300).nullable().describe('判定规则'),
  verdict: TargetStatusSchema.nullable().describe(
    'met 已实现 | basically_met 基本实现 | not_met 尚有差距 | in_progress 推进中 | no_data 无数据 | not_applicable 不适用 | reference 仅供参考',
  ),
  hardToMeet: z.boolean().nullable().describe('预警：预计完成困难'),
  volatile: z.boolean().nullable().describe('预警：波动较大'),
  progress: ProgressSchema.shape.state
    .nullable()
    .describe('序时进度：ahead 提前实现 | on_track 达到序时进度 | behind 滞后于序时进度 | no_base 缺少基期数据'),
  expected: z.number().finite().nullable().describe('序时进度要求达到的数值'),
  numerator: z.number().finite().nullable(),
  denominator: z.number().finite().nullable(),
  message: z.string().max(500).nullable().describe('评估说明'),
});
export type LongRow = z.infer<typeof LongRowSchema>;

/** The JSON file: a header naming the format, then the rows. */
export const LongDatasetSchema = z.object({
  format: z.literal(OPEN_DATA_FORMAT),
  version: z.literal(OPEN_DATA_VERSION),
  generatedAt: z.string().describe('导出时间（ISO 8601）'),
  generator: z.string().describe('导出程序及版本'),
  rows: z.array(LongRowSchema),
});

/** The field order of the CSV (and of every row in the JSON). */
export const LONG_FIELDS = Object.keys(LongRowSchema.shape) as (keyof LongRow)[];

export interface ReturnForExport {
  framework: Framework;
  data: ReturnData;
  regionName: string;
  status: ReturnStatus;
  /** who supplied a data item's values (by item code), else `defaultSource` */
  sources?: Readonly<Record<string, string>>;
  defaultSource: string;
  evaluation: Evaluation;
}

const COLUMN_ORDER: Record<SexColumn, number> = { total: 0, female: 1, male: 2 };

/** Every row of one return: its cells, qualitative answers, thresholds, then the rule engine's indicator results. */
export function longRowsOf(r: ReturnForExport): LongRow[] {
  const { framework, data, evaluation } = r;
  const base = {
    regionCode: data.regionCode,
    regionName: r.regionName,
    level: data.level,
    year: data.year,
    planId: data.planId,
    planName: framework.plan.name,
    frameworkVersion: data.frameworkVersion,
    returnStatus: r.status,
  };
  const none = {
    column: null,
    value: null,
    rawText: null,
    noDataReason: null,
    choice: null,
    note: null,
    targetId: null,
    target: null,
    rule: null,
    verdict: null,
    hardToMeet: null,
    volatile: null,
    progress: null,
    expected: null,
    numerator: null,
    denominator: null,
    message: null,
  };
  const items = new Map(framework.dataItems.map((d, i) => [d.code, { item: d, order: i }]));
  const indicators = new Map(framework.indicators.map((ind) => [ind.code, ind]));
  const rows: LongRow[] = [];
  const cells = data.cells
    .filter((c) => items.has(c.item) && (c.value !== null || c.noData !== null || c.raw !== null))
    .sort((a, b) => items.get(a.item)!.order - items.get(b.item)!.order || COLUMN_ORDER[a.sex] - COLUMN_ORDER[b.sex]);
  for (const c of cells) {
    const { item } = items.get(c.item)!;
    rows.push({
      ...base,
      ...none,
      kind: 'item',
      code: item.code,
      name: item.name,
      column: c.sex,
      unit: item.unit,
      value: c.value,
      rawText: c.value === null ? c.raw : null,
      noDataReason: c.value === null && c.raw === null ? (c.noData?.reason ?? null) : null,
      source: r.sources?.[item.code] ?? r.defaultSource,
    });
  }
  for (const q of [...data.qualitative].sort((a, b) => a.indicator.localeCompare(b.indicator))) {
    if (q.choice === null && q.note === '') continue;
    const ind = indicators.get(q.indicator);
    rows.push({
      ...base,
      ...none,
      kind: 'qualitative',
      code: q.indicator,
      name: ind?.name ?? q.indicator,
      unit: '',
      choice: q.choice,
      note: q.note || null,
      source: r.defaultSource,
    });
  }
  const targets = new Map(framework.areas.flatMap((a) => a.targets).map((t) => [t.id, t]));
  for (const [targetId, value] of Object.entries(data.externalThresholds).sort(([a], [b]) => a.localeCompare(b))) {
    const t = targets.get(targetId);
    const ind = t ? indicators.get(t.indicator) : undefined;
    rows.push({
      ...base,
      ...none,
      kind: 'threshold',
      code: targetId,
      name: t && t.rule.kind === 'external' ? t.rule.label : targetId,
      unit: ind && ind.kind !== 'qualitative' ? ind.unit : '',
      value,
      targetId,
      target: t?.text ?? null,
      source: r.defaultSource,
    });
  }
  const values = new Map(evaluation.indicators.map((v) => [v.code, v]));
  for (const t of evaluation.targets) {
    const ind = indicators.get(t.indicator);
    const target = targets.get(t.targetId);
    const v = values.get(t.indicator);
    rows.push({
      ...base,
      ...none,
      kind: 'indicator',
      code: t.indicator,
      name: ind?.name ?? t.indicator,
      unit: ind && ind.kind !== 'qualitative' ? ind.unit : '',
      value: t.value,
      numerator: v?.numerator ?? null,
      denominator: v?.denominator ?? null,
      targetId: t.targetId,
      target: target?.text ?? null,
      rule: target && ind ? describeRule(target.rule, ind) : null,
      verdict: t.status,
      hardToMeet: t.hardToMeet,
      volatile: t.volatile,
      progress: t.progress?.state ?? null,
      expected: t.progress?.expected ?? null,
      message: t.message,
      source: r.defaultSource,
    });
  }
  return rows;
}
