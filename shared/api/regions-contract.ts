import { z } from 'zod';
import { endpoint } from './define.ts';
import { RegionCodeSchema } from '../returns/schema.ts';

export const RegionLevelSchema = z.enum(['province', 'city', 'county', 'township']);
export type RegionLevel = z.infer<typeof RegionLevelSchema>;
export const RegionSchema = z.object({
  code: RegionCodeSchema,
  name: z.string(),
  level: RegionLevelSchema,
  parent: RegionCodeSchema.nullable(),
});
export type Region = z.infer<typeof RegionSchema>;

export const regionsContract = {
  'regions:get': endpoint(
    z.object({ code: RegionCodeSchema }),
    RegionSchema.extend({ path: z.array(RegionSchema) }),
    '读取一个区划及其上级',
  ),
  'regions:children': endpoint(
    z.object({ code: RegionCodeSchema }),
    z.array(RegionSchema),
    '列出一个区划的下级（县的乡镇、市的县区）',
  ),
};
