import { z } from 'zod';
import { endpoint } from './define.ts';
import { endpointSummary as SUMMARY } from '../messages/endpoints.ts';

export const FileKindSchema = z.enum(['xlsx', 'pdf', 'html', 'json', 'csv', 'xml', 'zip']);
export type FileKind = z.infer<typeof FileKindSchema>;

/** what a menu item asks the window to do (the rest — quit, zoom, full screen, clipboard — Electron does itself) */
export const MenuCommandSchema = z.enum([
  'new-return',
  'import',
  'export',
  'print',
  'save',
  'find',
  'undo',
  'redo',
  'guide',
  'diagnostics',
]);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export const shellContract = {
  'shell:save-file': endpoint(
    z.object({ suggestedName: z.string().min(1).max(200), kind: FileKindSchema, bytesBase64: z.string() }),
    z.object({ saved: z.boolean(), path: z.string().nullable() }),
    SUMMARY['shell:save-file'],
  ),
  'shell:print': endpoint(
    z.object({ landscape: z.boolean().default(false) }),
    z.object({ printed: z.boolean() }),
    SUMMARY['shell:print'],
  ),
  'shell:print-to-pdf': endpoint(
    z.object({ suggestedName: z.string().min(1).max(200), landscape: z.boolean().default(false) }),
    z.object({ saved: z.boolean(), path: z.string().nullable() }),
    SUMMARY['shell:print-to-pdf'],
  ),
  'shell:menu-command': endpoint(
    z.object({ waitMs: z.number().int().min(0).max(60_000).default(25_000) }),
    z.object({ command: MenuCommandSchema.nullable() }),
    SUMMARY['shell:menu-command'],
  ),
};
