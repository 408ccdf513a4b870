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
import { longFormat } from '../messages/long-format.ts';

const D = longFormat.field;

export const OPEN_DATA_FORMAT = 'wdp-long';
export const OPEN_DATA_VERSION = 1;

export const LongRowKindSchema = z.enum(['item', 'qualitative', 'threshold', 'indicator']);

export const LongRowSchema = z.object({
  kind: LongRowKindSchema.describe(D.kind),
  regionCode: RegionCodeSchema.describe(D.regionCode),
  regionName: z.string().max(100),
  level: z.enum(['township', 'county', 'city']).describe(D.level),
  year: YearSchema,
  planId: z
    .string()
    .regex(/^[a-z]+$/)
    .describe(D.planId),
  planName: z.string().max(200),
  frameworkVersion: z.number().int().positive().describe(D.frameworkVersion),
  code: z.string().min(1).max(40).describe(D.code),
  name: z.string().max(300),
  column: SexColumnSchema.nullable().describe(D.column),
  value: z.number().finite().nullable(),
  unit: z.string().max(20),
  rawText: z.string().max(200).nullable().describe(D.rawText),
  noDataReason: z.string().max(200).nullable().describe(D.noDataReason),
  choice: QualitativeChoiceSchema.nullable().describe(D.choice),
  note: z.string().max(1000).nullable(),
  returnStatus: ReturnStatusSchema.describe(D.returnStatus),
  source: z.string().max(300).describe(D.source),
  targetId: z.string().max(40).nullable(),
  target: z.string().max(300).nullable().describe(D.target),
  rule: z.string().max(300).nullable().describe(D.rule),
  verdict: TargetStatusSchema.nullable().describe(D.verdict),
  hardToMeet: z.boolean().nullable().describe(D.hardToMeet),
  volatile: z.boolean().nullable().describe(D.volatile),
  progress: ProgressSchema.shape.state.nullable().describe(D.progress),
  expected: z.number().finite().nullable().describe(D.expected),
  numerator: z.number().finite().nullable(),
  denominator: z.number().finite().nullable(),
  message: z.string().max(500).nullable().describe(D.message),
});
export type LongRow = z.infer<typeof LongRowSchema>;

/** The JSON file: a header naming the format, then the rows. */
export const LongDatasetSchema = z.object({
  format: z.literal(OPEN_DATA_FORMAT),
  version: z.literal(OPEN_DATA_VERSION),
  generatedAt: z.string().describe(D.generatedAt),
  generator: z.string().describe(D.generator),
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
