import { z } from 'zod';
import { endpoint } from './define.ts';
import { endpointSummary as SUMMARY } from '../messages/endpoints.ts';
import { fields as F } from '../messages/fields.ts';
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
  text: z.string().trim().min(1, F.targetText),
  rule: TargetRuleSchema,
  year: z.number().int().optional(),
  section: z.enum(['主要目标', '策略措施']),
  item: z.number().int().positive(),
  quote: z.string().trim().min(4, F.planQuote),
});
export type TargetInput = z.infer<typeof TargetInputSchema>;
const SampleSchema = z.object({ status: TargetStatusSchema.nullable(), message: z.string() });

export const plansContract = {
  'plans:new': endpoint(
    z.object({
      id: z.string().regex(/^[a-z]+$/, F.planId),
      regionCode: z.string().regex(/^\d{12}$/),
      name: z.string().trim().min(4).max(80),
      start: z.number().int().min(2000).max(2100),
      end: z.number().int().min(2000).max(2100),
      baselineYear: z.number().int().min(2000).max(2100),
      /** the plan to copy; absent: start from the bare shared catalogue (the national 纲要's indicators) */
      copyFrom: z.string().min(1).optional(),
    }),
    z.object({ planId: z.string(), version: z.number().int(), message: z.string() }),
    SUMMARY['plans:new'],
  ),
  'plans:catalogue-items': endpoint(
    z.object({ planId: z.string().min(1).optional() }),
    z.array(DataItemSchema),
    SUMMARY['plans:catalogue-items'],
  ),
  'plans:declare-local': endpoint(
    z.object({ planId: z.string().min(1), indicator: IndicatorSchema, dataItems: z.array(DataItemSchema).max(20) }),
    z.object({ version: z.number().int(), message: z.string() }),
    SUMMARY['plans:declare-local'],
  ),
  'plans:set-target': endpoint(
    z.object({
      planId: z.string().min(1),
      target: z.union([TargetInputSchema, z.object({ remove: z.string().min(1) })]),
      sample: z.number().finite().optional(),
    }),
    z.object({ version: z.number().int(), targetId: z.string(), message: z.string(), sample: SampleSchema.nullable() }),
    SUMMARY['plans:set-target'],
  ),
  'plans:catalogue': endpoint(
    z.object({ planId: z.string().min(1).optional() }),
    z.array(IndicatorSchema),
    SUMMARY['plans:catalogue'],
  ),
  'plans:preview-target': endpoint(
    z.object({ planId: z.string().min(1), target: TargetInputSchema, sample: z.number().finite() }),
    SampleSchema,
    SUMMARY['plans:preview-target'],
  ),
  'plans:list': endpoint(z.object({}), z.array(PlanSummarySchema), SUMMARY['plans:list']),
  'plans:get-framework': endpoint(
    z.object({ planId: z.string().min(1), version: z.number().int().positive().optional() }),
    z.object({ framework: FrameworkSchema, retired: z.array(RetiredItemSchema) }),
    SUMMARY['plans:get-framework'],
  ),
  'plans:export-package': endpoint(
    z.object({ planId: z.string().min(1) }),
    z.object({ fileName: z.string(), bytesBase64: z.string() }),
    SUMMARY['plans:export-package'],
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
          .refine((b) => b.low < b.high, F.bandOrder)
          .optional(),
        note: z.string().trim().min(2, F.adjustNote).max(200),
      })
      .refine((x) => x.value !== undefined || x.tolerance !== undefined || x.band !== undefined, F.adjustNothing),
    z.object({ version: z.number().int() }),
    SUMMARY['plans:adjust-target'],
  ),
  'plans:import-package': endpoint(
    z.object({
      fileName: z.string().min(1).max(300),
      bytesBase64: z.string().max(8 * 1024 * 1024),
      /** a deliberate re-pin after the maker reinstalled its PC: the new fingerprint as compared by phone, and why */
      repin: z
        .object({
          fingerprint: z.string().trim().min(1, F.fingerprint),
          reason: z.string().trim().min(2, F.repinReason).max(200),
        })
        .optional(),
    }),
    z.object({
      planId: z.string(),
      version: z.number().int(),
      pinned: z.object({ fingerprint: z.string(), regionName: z.string() }).optional(),
      repinned: z.object({ from: z.string(), to: z.string(), message: z.string() }).optional(),
    }),
    SUMMARY['plans:import-package'],
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
    SUMMARY['plans:signing-info'],
  ),
};
