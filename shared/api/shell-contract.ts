import { z } from 'zod';
import { endpoint } from './define.ts';

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
    '通过“另存为”对话框保存文件',
  ),
  'shell:print': endpoint(
    z.object({ landscape: z.boolean().default(false) }),
    z.object({ printed: z.boolean() }),
    '打印当前页面（系统打印对话框）',
  ),
  'shell:print-to-pdf': endpoint(
    z.object({ suggestedName: z.string().min(1).max(200), landscape: z.boolean().default(false) }),
    z.object({ saved: z.boolean(), path: z.string().nullable() }),
    '将当前页面存为 PDF（A4）',
  ),
  'shell:menu-command': endpoint(
    z.object({ waitMs: z.number().int().min(0).max(60_000).default(25_000) }),
    z.object({ command: MenuCommandSchema.nullable() }),
    '等待应用菜单的下一条命令（没有命令时到时返回 null）',
  ),
};
