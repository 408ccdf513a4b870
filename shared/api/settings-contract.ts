import { z } from 'zod';
import { endpoint } from './define.ts';
import { endpointSummary as SUMMARY } from '../messages/endpoints.ts';
import { RegionCodeSchema } from '../returns/schema.ts';

/** Which plan and region this copy of the app reports for, and as whom. */
export const ProfileSchema = z.object({
  planId: z.string().min(1),
  /** township: fills a township return; county/city: merges returns from the level below; department: a county
   *  department (卫健局, 教育局 …) filling only its own items for the county */
  role: z.enum(['township', 'county', 'city', 'department']),
  regionCode: RegionCodeSchema,
  /** the department (卫健, 教育 … as the framework names it) when role is department */
  department: z.string().max(20).optional(),
  /** 填表人, recorded in the audit trail and the return's footer */
  userName: z.string().max(40).default(''),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const settingsContract = {
  'settings:get-profile': endpoint(z.object({}), ProfileSchema.nullable(), SUMMARY['settings:get-profile']),
  'settings:set-profile': endpoint(ProfileSchema, ProfileSchema, SUMMARY['settings:set-profile']),
};
