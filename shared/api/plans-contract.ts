import { z } from 'zod';
import { endpoint } from './define.ts';
import {
  DataItemSchema,
  FrameworkSchema,
  IndicatorCodeSchema,
  IndicatorSchema,
  PlanMetaSchema,
  TargetRuleSchema,
} from '../framework/schema.ts';
import { TargetStatusSchema } from '../rules/result.ts';

export const PlanSummarySchema = z.object({
  plan: PlanMetaSchema,
  version: z.number().int(),
  objectives: z.number().int(),
  targets: z.number().int(),
  indicators: z.number().int(),
  dataItems: z.number().int(),
  origin: z.enum(['bundled', 'imported']),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const RetiredItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['data_item', 'indicator']),
  sinceVersion: z.number().int(),
});

/** One target as the plan states it (规划管理): the rule, the sentence and where it stands in the plan. */
export const TargetInputSchema = z.object({
  targetId: z.string().optional(),
  indicator: IndicatorCodeSchema,
  text: z.string().trim().min(1, '请填写目标（规划原文）'),
  rule: TargetRuleSchema,
  year: z.number().int().optional(),
  section: z.enum(['主要目标', '策略措施']),
  item: z.number().int().positive(),
  quote: z.string().trim().min(4, '请粘贴规划原句'),
});
export type TargetInput = z.infer<typeof TargetInputSchema>;
const SampleSchema = z.object({ status: TargetStatusSchema.nullable(), message: z.string() });

export const plansContract = {
  'plans:new': endpoint(
    z.object({
      id: z.string().regex(/^[a-z]+$/, '规划编号只能用小写英文字母（如 zhenlai）'),
      regionCode: z.string().regex(/^\d{12}$/),
      name: z.string().trim().min(4).max(80),
      start: z.number().int().min(2000).max(2100),
      end: z.number().int().min(2000).max(2100),
      baselineYear: z.number().int().min(2000).max(2100),
      /** the plan to copy; absent: start from the bare shared catalogue (the national 纲要's indicators) */
      copyFrom: z.string().min(1).optional(),
    }),
    z.object({ planId: z.string(), version: z.number().int(), message: z.string() }),
    '编制本单位的规划：从指标目录开始，或复制一个随程序提供的规划，改为本地区、名称、规划期和基期',
  ),
  'plans:catalogue-items': endpoint(
    z.object({ planId: z.string().min(1).optional() }),
    z.array(DataItemSchema),
    '指标目录的全部数据项（分子、分母的名称和口径）；给出规划时另含该规划登记的本地数据项',
  ),
  'plans:declare-local': endpoint(
    z.object({ planId: z.string().min(1), indicator: IndicatorSchema, dataItems: z.array(DataItemSchema).max(20) }),
    z.object({ version: z.number().int(), message: z.string() }),
    '登记本地指标（指标目录中没有的指标，用保留的本地代码：各领域字母后接80～99）及其数据项',
  ),
  'plans:set-target': endpoint(
    z.object({
      planId: z.string().min(1),
      target: z.union([TargetInputSchema, z.object({ remove: z.string().min(1) })]),
      sample: z.number().finite().optional(),
    }),
    z.object({ version: z.number().int(), targetId: z.string(), message: z.string(), sample: SampleSchema.nullable() }),
    '新增、修改或删除本地规划的一个目标（保存为新版本）；可附一个试算数值',
  ),
  'plans:catalogue': endpoint(
    z.object({ planId: z.string().min(1).optional() }),
    z.array(IndicatorSchema),
    '指标目录：全国纲要的全部指标（编制规划时从中选择指标）；给出规划时另含该规划登记的本地指标',
  ),
  'plans:preview-target': endpoint(
    z.object({ planId: z.string().min(1), target: TargetInputSchema, sample: z.number().finite() }),
    SampleSchema,
    '试算：按所填目标判定一个数值（不保存）',
  ),
  'plans:list': endpoint(z.object({}), z.array(PlanSummarySchema), '列出本机已装载的规划及其指标框架版本'),
  'plans:get-framework': endpoint(
    z.object({ planId: z.string().min(1), version: z.number().int().positive().optional() }),
    z.object({ framework: FrameworkSchema, retired: z.array(RetiredItemSchema) }),
    '读取一个规划的指标框架（默认最新版本）',
  ),
  'plans:export-package': endpoint(
    z.object({ planId: z.string().min(1) }),
    z.object({ fileName: z.string(), bytesBase64: z.string() }),
    '导出指标框架包（供乡镇导入）',
  ),
  'plans:adjust-target': endpoint(
    z
      .object({
        planId: z.string().min(1),
        targetId: z.string().min(1),
        /** the new target value (不低于 / 不高于 / 左右) */
        value: z.number().finite().optional(),
        /** the 左右 tolerance, or the 保持稳定 margin, in the indicator's unit */
        tolerance: z.number().finite().nonnegative().optional(),
        /** the balanced band of the female share, in % */
        band: z
          .object({ low: z.number().min(0).max(100), high: z.number().min(0).max(100) })
          .refine((b) => b.low < b.high, '均衡范围的下限应小于上限')
          .optional(),
        note: z.string().trim().min(2, '请填写调整依据').max(200),
      })
      .refine(
        (x) => x.value !== undefined || x.tolerance !== undefined || x.band !== undefined,
        '请填写要调整的目标值、幅度或均衡范围',
      ),
    z.object({ version: z.number().int() }),
    '县级调整本级规划的一个目标值（生成新版本指标框架）',
  ),
  'plans:import-package': endpoint(
    z.object({
      fileName: z.string().min(1).max(300),
      bytesBase64: z.string().max(8 * 1024 * 1024),
      /** a deliberate re-pin after the maker reinstalled its PC: the new fingerprint as compared by phone, and why */
      repin: z
        .object({
          fingerprint: z.string().trim().min(1, '请填写对方电脑上显示的指纹'),
          reason: z.string().trim().min(2, '请填写重新认定的原因').max(200),
        })
        .optional(),
    }),
    z.object({
      planId: z.string(),
      version: z.number().int(),
      pinned: z.object({ fingerprint: z.string(), regionName: z.string() }).optional(),
      repinned: z.object({ from: z.string(), to: z.string(), message: z.string() }).optional(),
    }),
    '导入县级下发的指标框架包（验证签名；第一个包认定制定单位的签名密钥；密钥变了须明确重新认定）',
  ),
  'plans:signing-info': endpoint(
    z.object({ planId: z.string().min(1) }),
    z.object({
      /** this office's key fingerprint (null before its first package) */
      own: z.string().nullable(),
      /** the plan maker's key accepted with the first package */
      pinned: z.object({ fingerprint: z.string(), regionName: z.string(), pinnedAt: z.string() }).nullable(),
      /** every deliberate re-pin, oldest first */
      repins: z.array(
        z.object({
          at: z.string(),
          userName: z.string(),
          from: z.string(),
          to: z.string(),
          regionName: z.string(),
          reason: z.string(),
        }),
      ),
    }),
    '本单位签名密钥指纹和已认定的制定单位密钥指纹（用于电话核对）',
  ),
};
