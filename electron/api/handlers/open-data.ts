import type { AppContext } from '../../context/app-context.ts';
import {
  exportMapping,
  exportOpenData,
  importMapping,
  importOpenData,
  queryDatabase,
  validateOpenData,
} from '../../open-data-io/open-data-service.ts';
import type { DomainHandlers } from '../handler-types.ts';

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

export const openDataHandlers = (ctx: AppContext): DomainHandlers<'open-data'> => ({
  'open-data:export': (input) => {
    const { bytes: _bytes, ...file } = exportOpenData(ctx, input);
    return file;
  },
  'open-data:database': (input) => queryDatabase(ctx, input),
  'open-data:validate': ({ fileName, bytesBase64 }) => validateOpenData(ctx, decode(bytesBase64), fileName),
  'open-data:import': ({ fileName, bytesBase64, acceptWarnings }) =>
    importOpenData(ctx, decode(bytesBase64), fileName, acceptWarnings),
  'open-data:mapping-export': ({ planId }) => {
    const { fileName, bytes } = exportMapping(ctx, planId);
    return { fileName, bytesBase64: bytes.toString('base64') };
  },
  'open-data:mapping-import': ({ bytesBase64 }) => importMapping(ctx, decode(bytesBase64)),
});
