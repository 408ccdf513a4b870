import type { AppContext } from '../../context/app-context.ts';
import { exportReturn, exportTemplate, importWorkbook, validateWorkbook } from '../../excel-io/excel-service.ts';
import type { DomainHandlers } from '../handler-types.ts';

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const encode = ({ fileName, bytes }: { fileName: string; bytes: Buffer }) => ({
  fileName,
  bytesBase64: bytes.toString('base64'),
});

export const excelHandlers = (ctx: AppContext): DomainHandlers<'excel'> => ({
  'excel:export-return': async ({ returnId }) => encode(await exportReturn(ctx, returnId)),
  'excel:template': async ({ regionCode, year, planId }) => encode(await exportTemplate(ctx, regionCode, year, planId)),
  'excel:validate': ({ fileName, bytesBase64 }) => validateWorkbook(ctx, decode(bytesBase64), fileName).report,
  'excel:import': ({ fileName, bytesBase64, acceptWarnings }) =>
    importWorkbook(ctx, decode(bytesBase64), fileName, acceptWarnings),
});
