// The published JSON Schema of the long JSON format, generated from the zod schema (zod 4's toJSONSchema), so the
// file shipped in resources/open-data/ can never drift from what the app writes and reads (a test compares them).
import { z } from 'zod';
import { LongDatasetSchema } from './long-format.ts';
import { longFormat as L } from '../messages/long-format.ts';

export function longFormatJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(LongDatasetSchema, { target: 'draft-2020-12' }),
    $id: 'https://wdp-monitor.local/schema/long-format.schema.json',
    title: L.title,
    description: L.description,
  };
}
