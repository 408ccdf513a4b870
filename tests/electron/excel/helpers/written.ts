// A township's return written as the app exports it, at a fixed time and by a fixed filler: the workbook the excel
// tests read back, compare and take apart.
import { writeReturnWorkbook } from '../../../../electron/excel/write-return.ts';
import type { WriteReturnInput } from '../../../../electron/excel/write-input.ts';
import type { Framework } from '../../../../shared/framework/schema.ts';
import type { ReturnData } from '../../../../shared/returns/schema.ts';
import { evaluateReturn } from '../../../../shared/rules/evaluate.ts';

export function writeTownshipReturn(
  framework: Framework,
  data: ReturnData,
  region: { code: string; name: string },
  extra: Partial<WriteReturnInput> = {},
) {
  return writeReturnWorkbook({
    kind: 'return',
    framework,
    data,
    region,
    previous: null,
    evaluation: evaluateReturn(framework, data, []),
    explanations: {},
    userName: '张丽',
    regionVintage: 2023,
    now: new Date('2025-01-15T02:00:00Z'),
    status: 'submitted',
    ...extra,
  } as WriteReturnInput);
}
