import { z } from 'zod';
import { endpoint } from './define.ts';
import { FrameworkSchema, PlanMetaSchema } from '../framework/schema.ts';

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

export const RetiredItemSchema = z.object({ code: z.string(), name: z.string(), kind: z.enum(['data_item', 'indicator']), sinceVersion: z.number().int() });

export const plansContract = {
  'plans:list': endpoint(z.object({}), z.array(PlanSummarySchema), '列出本机已装载的规划及其指标框架版本'),
  'plans:get-framework': endpoint(
    z.object({ planId: z.string().min(1), version: z.number().int().positive().optional() }),
    z.object({ framework: FrameworkSchema, retired: z.array(RetiredItemSchema) }),
    '读取一个规划的指标框架（默认最新版本）',
  ),
  'plans:export-package': endpoint(z.object({ planId: z.string().min(1) }), z.object({ fileName: z.string(), bytesBase64: z.string() }), '导出指标框架包（供乡镇导入）'),
  'plans:adjust-target': endpoint(
    z.object({
      planId: z.string().min(1), targetId: z.string().min(1),
      /** the new target value (不低于 / 不高于 / 左右) */
      value: z.number().finite().optional(),
      /** the 左右 tolerance, or the 保持稳定 margin, in the indicator's unit */
      tolerance: z.number().finite().nonnegative().optional(),
      /** the balanced band of the female share, in % */
      band: z.object({ low: z.number().min(0).max(100), high: z.number().min(0).max(100) }).refine((b) => b.low < b.high, '均衡范围的下限应小于上限').optional(),
      note: z.string().trim().min(2, '请填写调整依据').max(200),
    }).refine((x) => x.value !== undefined || x.tolerance !== undefined || x.band !== undefined, '请填写要调整的目标值、幅度或均衡范围'),
    z.object({ version: z.number().int() }),
    '县级调整本级规划的一个目标值（生成新版本指标框架）',
  ),
  'plans:import-package': endpoint(
    z.object({ fileName: z.string().min(1).max(300), bytesBase64: z.string().max(8 * 1024 * 1024) }),
    z.object({ planId: z.string(), version: z.number().int(), pinned: z.object({ fingerprint: z.string(), regionName: z.string() }).optional() }),
    '导入县级下发的指标框架包（验证签名；第一个包认定制定单位的签名密钥）',
  ),
  'plans:signing-info': endpoint(
    z.object({ planId: z.string().min(1) }),
    z.object({
      /** this office's key fingerprint (null before its first package) */
      own: z.string().nullable(),
      /** the plan maker's key accepted with the first package */
      pinned: z.object({ fingerprint: z.string(), regionName: z.string(), pinnedAt: z.string() }).nullable(),
    }),
    '本单位签名密钥指纹和已认定的制定单位密钥指纹（用于电话核对）',
  ),
};
