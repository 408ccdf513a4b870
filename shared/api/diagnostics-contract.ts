import { z } from 'zod';
import { endpoint } from './define.ts';
import { endpointSummary as SUMMARY } from '../messages/endpoints.ts';

export const diagnosticsContract = {
  // One zip (app and system versions, database version and check, recent log, recent import verdicts) saved where
  // the user chooses, for an office to e-mail or carry on a USB stick. Holds no cell values and no names.
  'diagnostics:export': endpoint(
    z.object({}),
    z.object({ saved: z.boolean(), path: z.string().nullable() }),
    SUMMARY['diagnostics:export'],
  ),
};
