// The published JSON Schema of the long JSON format, generated from the zod schema (zod 4's toJSONSchema), so the
// file shipped in resources/open-data/ can never drift from what the app writes and reads (a test compares them).
import { z } from 'zod';
import { LongDatasetSchema } from './long-format.ts';

export function longFormatJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(LongDatasetSchema, { target: 'draft-2020-12' }),
    $id: 'https://wdp-monitor.local/schema/long-format.schema.json',
    title: '妇女发展监测数据长表（wdp-long）',
    description:
      '每行一个数值：数据项的合计/女/男栏、定性目标、上级下达的目标值，以及规则引擎给出的指标评估结果（目标、评估结果、预警、序时进度）。CSV 导出为同样的列，表头为中文。',
  };
}
