import type { AppContext } from '../../context/app-context.ts';
import { backupNow, inspectBackup, listBackups, restoreBackup } from '../../backups/backup-service.ts';
import type { DomainHandlers } from '../handler-types.ts';

export const backupsHandlers = (ctx: AppContext): DomainHandlers<'backups'> => ({
  'backups:list': () => listBackups(ctx),
  'backups:create': async () => {
    const file = await backupNow(ctx, 'manual');
    return listBackups(ctx).find((b) => file.endsWith(b.name))!;
  },
  'backups:inspect': ({ name }) => inspectBackup(ctx, name),
  'backups:restore': ({ name }) => restoreBackup(ctx, name),
});
