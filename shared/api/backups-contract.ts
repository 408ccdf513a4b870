import { z } from 'zod';
import { endpoint } from './define.ts';

/** Why a backup was made, the last part of its file name (wdp-<time>-<reason>.sqlite); labelled in MESSAGES.backups.reasons. */
export const BackupReasonSchema = z.enum(['start', 'migration', 'import', 'manual', 'before-restore']);
export type BackupReason = z.infer<typeof BackupReasonSchema>;

export const BackupInfoSchema = z.object({
  name: z.string(),
  reason: BackupReasonSchema,
  createdAt: z.string(),
  bytes: z.number().int(),
});
const Name = z.object({ name: z.string().min(1).max(200) });

export const backupsContract = {
  'backups:list': endpoint(z.object({}), z.array(BackupInfoSchema), '列出数据库备份'),
  'backups:create': endpoint(z.object({}), BackupInfoSchema, '立即备份数据库'),
  'backups:inspect': endpoint(
    Name,
    z.object({
      name: z.string(),
      schemaVersion: z.number().int(),
      returns: z.array(
        z.object({
          regionCode: z.string(),
          regionName: z.string(),
          year: z.number().int(),
          status: z.string(),
          cells: z.number().int(),
          updatedAt: z.string(),
        }),
      ),
    }),
    '查看一个备份包含的报表',
  ),
  'backups:restore': endpoint(
    Name,
    z.object({ restored: z.string(), safetyBackup: z.string() }),
    '从备份恢复（先自动备份当前数据）',
  ),
};
