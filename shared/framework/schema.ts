// The indicator framework: a catalogue of indicators and data items shared by all plans,
// and per plan the targets it sets, each traced to a sentence of the plan.
// Pure data definitions (zod); no I/O.
import { z } from 'zod';

/** The eight areas every plan has, in the plans' order. */
export const AREA_CODES = [
  'health',
  'education',
  'economy',
  'decision',
  'social_security',
  'family',
  'environment',
  'law',
] as const;
export const AreaCodeSchema = z.enum(AREA_CODES);
export type AreaCode = z.infer<typeof AreaCodeSchema>;

/** One capital letter per area, used as the first letter of every indicator and data item code. */
export const AREA_LETTER: Record<AreaCode, string> = {
  health: 'H',
  education: 'E',
  economy: 'C',
  decision: 'P',
  social_security: 'S',
  family: 'F',
  environment: 'V',
  law: 'L',
};

/** Indicator codes: area letter + two digits, e.g. H01. Stable forever once shipped. */
export const IndicatorCodeSchema = z.string().regex(/^[HECPSFVL]\d{2}$/, '指标代码应为领域字母加两位数字，如 H01');
/** Data item codes: area letter + "D" + two digits, e.g. HD01. Stable forever once shipped. */
export const DataItemCodeSchema = z
  .string()
  .regex(/^[HECPSFVL]D\d{2}$/, '数据项代码应为领域字母加 D 加两位数字，如 HD01');

/**
 * Local codes: the numbers 80–99 of every area (indicators H80–H99, data items HD80–HD99, and so on for each area
 * letter) are reserved for a plan's own indicators that the shared catalogue lacks. The catalogue never uses them
 * (a test checks it), so a local code never collides with a catalogue code, today or after a catalogue release.
 */
export const LOCAL_CODE_RANGE = { from: 80, to: 99 } as const;
/** True for an indicator or data item code in the reserved local range. */
export const isLocalCode = (code: string): boolean => {
  const m = /^[HECPSFVL]D?(\d{2})$/.exec(code);
  return !!m && Number(m[1]) >= LOCAL_CODE_RANGE.from && Number(m[1]) <= LOCAL_CODE_RANGE.to;
};

/** Which sex columns a data item collects: 合计/女/男, 合计/女, or a single value. */
export const SexBreakdownSchema = z.enum(['total_female_male', 'total_female', 'single']);
export type SexBreakdown = z.infer<typeof SexBreakdownSchema>;
export const SexColumnSchema = z.enum(['total', 'female', 'male']);
export type SexColumn = z.infer<typeof SexColumnSchema>;

/** The lowest level that collects an item. county = collected by the county (or its departments) only. */
export const LevelSchema = z.enum(['township', 'county']);
export type Level = z.infer<typeof LevelSchema>;

export const DataItemSchema = z.object({
  code: DataItemCodeSchema,
  name: z.string().min(1), // e.g. 活产数
  unit: z.string().min(1), // 人, 个, 例, 万元, 岁, 年, %
  /** count: non-negative integer; amount: non-negative decimal; value: any decimal (e.g. 预期寿命, a survey rate) */
  valueType: z.enum(['count', 'amount', 'value']),
  sex: SexBreakdownSchema,
  decimals: z.number().int().min(0).max(4),
  /** township: every township collects it and the county sums; county: only the county (or a department) has it */
  level: LevelSchema,
  /** sum: counties add townships' values; none: not additive (value types), the county enters its own */
  aggregation: z.enum(['sum', 'none']),
  department: z.string().min(1), // 卫健, 教育, 人社, 民政, 医保, 统计, 公安, 法院, 检察院, 司法, 妇联, 总工会, 组织部, 农业农村, 生态环境, 体育 …
  note: z.string().optional(), // 指标解释 for the person who fills it in
  /** a gross ratio in % (毛入学率, 巩固率 with in-migration): may legitimately exceed 100 */
  gross: z.boolean().optional(),
});
export type DataItem = z.infer<typeof DataItemSchema>;

/** Every sex column in column order: 合计, 女, 男. */
export const SEX_COLUMNS: readonly SexColumn[] = ['total', 'female', 'male'];

/** The sex columns this data item collects, in column order. The one answer to "which columns does this item
 * have" for the grid, the services, Excel, the merge and the printed form. */
export function sexColumnsOf(item: Pick<DataItem, 'sex'>): readonly SexColumn[] {
  if (item.sex === 'total_female_male') return SEX_COLUMNS;
  if (item.sex === 'total_female') return SEX_COLUMNS.slice(0, 2);
  return SEX_COLUMNS.slice(0, 1);
}

export const ItemRefSchema = z.object({ item: DataItemCodeSchema, sex: SexColumnSchema });
export type ItemRef = z.infer<typeof ItemRefSchema>;

/** Units an indicator can be expressed in; factor follows from the unit for ratios. */
export const INDICATOR_FACTORS: Record<string, number> = { '%': 100, '‰': 1000, '1/10万': 100000 };

export const IndicatorSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ratio'), // numerator / denominator × factor
    code: IndicatorCodeSchema,
    area: AreaCodeSchema,
    name: z.string().min(1),
    unit: z.enum(['%', '‰', '1/10万']),
    decimals: z.number().int().min(0).max(4),
    numerator: ItemRefSchema,
    denominator: ItemRefSchema,
    /** below this level the value is shown as 仅供参考 and not judged (tiny denominators) */
    judgeLevel: LevelSchema,
    /** below this denominator the value is 仅供参考 even at the judge level */
    minDenominator: z.number().int().positive().optional(),
    department: z.string().min(1),
    note: z.string().optional(),
  }),
  z.object({
    kind: z.literal('value'), // read directly from one data item cell (e.g. 平均预期寿命 at county level)
    code: IndicatorCodeSchema,
    area: AreaCodeSchema,
    name: z.string().min(1),
    unit: z.string().min(1),
    decimals: z.number().int().min(0).max(4),
    source: ItemRefSchema,
    judgeLevel: LevelSchema,
    department: z.string().min(1),
    note: z.string().optional(),
  }),
  z.object({
    kind: z.literal('qualitative'), // a mechanism, policy or overall progress assessed by the office
    code: IndicatorCodeSchema,
    area: AreaCodeSchema,
    name: z.string().min(1),
    /** mechanism: 已建立/推进中/未建立; progress: 已实现/推进中/未实现 */
    choices: z.enum(['mechanism', 'progress']),
    judgeLevel: LevelSchema,
    department: z.string().min(1),
    note: z.string().optional(),
  }),
]);
export type Indicator = z.infer<typeof IndicatorSchema>;

/**
 * Target rules. Bound strictness is explicit: 以上、以下、以内、不低于、不高于、不超过 include the number
 * (民法典第1259条) → strict: false; 超过、低于、高于、不满、少于 exclude it → strict: true.
 */
export const TargetRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('at_most'), value: z.number(), strict: z.boolean() }), // 控制在…以下 / 低于…
  z.object({ kind: z.literal('at_least'), value: z.number(), strict: z.boolean() }), // 达到…以上 / 不低于…
  /**
   * 左右: within ± tolerance (in the indicator's unit). sides follows the sentence: 「保持在X左右」 is two-sided
   * (both); 「达到X左右」 of a share that should rise is met from the lower edge up (at_least), of one that should
   * fall up to the upper edge (at_most).
   */
  z.object({
    kind: z.literal('about'),
    value: z.number(),
    tolerance: z.number().positive(),
    sides: z.enum(['both', 'at_least', 'at_most']).optional(),
  }),
  z.object({
    kind: z.literal('range'),
    min: z.number(),
    max: z.number(),
    minStrict: z.boolean(),
    maxStrict: z.boolean(),
  }),
  /**
   * Relative to the previous year (or the plan's baseline year): 逐步提高 increase, 不断缩小/逐步降低 decrease,
   * 保持稳定 stable (within stableTolerance), 上升趋势减缓 slowing_increase (the yearly rise gets smaller,
   * judged over `years` consecutive years, so it needs years+1 values).
   */
  z.object({
    kind: z.literal('trend'),
    direction: z.enum(['increase', 'decrease', 'stable', 'slowing_increase']),
    basis: z.enum(['previous_year', 'baseline']),
    years: z.number().int().min(1).max(10),
    stableTolerance: z.number().nonnegative().optional(),
  }),
  /**
   * 男女比例保持均衡: the female share (%) lies in [low, high]. toward (「趋于平衡」): a movement, met inside the
   * band or when the share is closer to it than the year before.
   */
  z.object({ kind: z.literal('balanced'), low: z.number(), high: z.number(), toward: z.boolean().optional() }),
  /** relative to another indicator of the same return: 不低于党员总数中女性比例 */
  z.object({
    kind: z.literal('relative'),
    indicator: IndicatorCodeSchema,
    op: z.enum(['at_least', 'at_most']),
    strict: z.boolean(),
  }),
  /** the threshold is set outside the plan (达到上级要求, 国家下达): the office fills it in per return */
  z.object({
    kind: z.literal('external'),
    op: z.enum(['at_least', 'at_most']),
    strict: z.boolean(),
    label: z.string().min(1),
  }),
  /** a mechanism / policy / overall objective: 已建立(已实现) met, 推进中 at risk, 未建立(未实现) not met */
  z.object({ kind: z.literal('qualitative') }),
]);
export type TargetRule = z.infer<typeof TargetRuleSchema>;

export const SourceRefSchema = z.object({
  file: z.string().min(1), // seed file name, e.g. 000_6dd441872a0df882.txt
  section: z.enum(['主要目标', '策略措施']),
  item: z.number().int().positive(), // the item number in that section of that area
  quote: z.string().min(4), // verbatim sentence(s) from the plan
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const TargetSchema = z.object({
  id: z.string().regex(/^[a-z]+-[HECPSFVL]-(G|M)\d{2}-\d$/), // <plan>-<area letter>-<G goal|M measure><item>-<n>
  indicator: IndicatorCodeSchema,
  /** the target in the plan's own words, e.g. 控制在12/10万以下 */
  text: z.string().min(1),
  rule: TargetRuleSchema,
  /** the year the target is to be reached when the plan names one (「2025年达到85%左右」); default the plan's end year */
  year: z.number().int().optional(),
  source: SourceRefSchema,
  /** a county's local adjustment of the plan's value (the plan's own rule kept in `previous`), with its basis */
  adjustment: z
    .object({
      previous: TargetRuleSchema,
      note: z.string().min(2).max(200),
      at: z.string(),
      version: z.number().int().positive(),
    })
    .optional(),
});
export type Target = z.infer<typeof TargetSchema>;

/** Every numbered 主要目标 item of the plan, verbatim, with the targets it yields (often one qualitative). */
export const ObjectiveSchema = z.object({
  item: z.number().int().positive(),
  text: z.string().min(4),
});

export const PlanAreaSchema = z.object({
  area: AreaCodeSchema,
  title: z.string().min(1), // the heading as the plan writes it, e.g. 妇女与健康
  /** a shipped plan has at least one of each; a plan authored from the bare catalogue starts with none */
  objectives: z.array(ObjectiveSchema),
  targets: z.array(TargetSchema),
});
export type PlanArea = z.infer<typeof PlanAreaSchema>;

export const PlanMetaSchema = z.object({
  id: z.string().regex(/^[a-z]+$/),
  name: z.string().min(1),
  status: z.enum(['正式', '征求意见稿']),
  region: z.object({ code: z.string().regex(/^\d{12}$/), name: z.string().min(1), fullName: z.string().min(1) }),
  period: z.object({ start: z.number().int(), end: z.number().int() }),
  baselineYear: z.number().int(),
  sourceFile: z.string().min(1),
});
export type PlanMeta = z.infer<typeof PlanMetaSchema>;

/** A catalogue slice: the indicators and data items of one area (the same for every plan). */
export const CatalogueAreaSchema = z.object({
  area: AreaCodeSchema,
  dataItems: z.array(DataItemSchema),
  indicators: z.array(IndicatorSchema),
});
export type CatalogueArea = z.infer<typeof CatalogueAreaSchema>;

/** A whole framework for one plan, as loaded into SQLite and as exported in a framework package. */
export const FrameworkSchema = z.object({
  plan: PlanMetaSchema,
  version: z.number().int().positive(),
  /**
   * The shipped plan release (plan.json's version) this framework is built on. A county's local adjustment
   * keeps it; a newer release is loaded as a new version with the local adjustments carried over. Absent in
   * versions stored before it was recorded (there the bundled version number is the release).
   */
  release: z.number().int().positive().optional(),
  areas: z.array(PlanAreaSchema).length(8),
  dataItems: z.array(DataItemSchema),
  indicators: z.array(IndicatorSchema),
  /**
   * The plan's own indicators and data items, declared with local codes (LOCAL_CODE_RANGE) because the catalogue
   * lacks them: kept here even while no target uses them, and added to the catalogue when the plan is assembled.
   */
  local: z.object({ indicators: z.array(IndicatorSchema), dataItems: z.array(DataItemSchema) }).optional(),
});
export type Framework = z.infer<typeof FrameworkSchema>;
