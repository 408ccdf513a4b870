// Opens the app's back end: database, migrations, shipped data, handlers. Used by Electron, the loopback
// adapter and the CLI alike; no Electron import here.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DamagedDatabaseError, openDatabase } from '../db/open-database.ts';
import { AppError } from '../../shared/api/envelope.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { createHandlers } from '../api/handlers.ts';
import type { Handlers } from '../api/handler-types.ts';
import type { AppContext, AppPaths } from '../context/app-context.ts';
import { loadShippedFrameworks } from '../frameworks/plans-service.ts';
import { seedRegions } from '../frameworks/regions-service.ts';
import { newestGoodBackup, snapshotSync } from '../backups/backup-service.ts';
import { noShell, type Shell } from '../context/shell.ts';
import { noLog, type AppLog } from '../context/app-log.ts';
import { APP_VERSION } from '../excel/meta.ts';

export interface OpenAppOptions {
  dbFile: string;
  resourcesDir: string;
  migrationsDir: string;
  backupsDir?: string;
  now?: () => Date;
  /** take a backup snapshot of an existing database at start-up (the desktop app does; CLI calls do not) */
  backupOnStart?: boolean;
  /** save dialogs and printing; the CLI has none */
  shell?: Shell;
  /** the log (the desktop app's rotating file); none by default */
  log?: AppLog;
}

export interface AppBackend {
  ctx: AppContext;
  handlers: Handlers;
  close: () => void;
}

export function openApp(options: OpenAppOptions): AppBackend {
  mkdirSync(dirname(options.dbFile), { recursive: true });
  const paths: AppPaths = {
    resourcesDir: options.resourcesDir,
    migrationsDir: options.migrationsDir,
    backupsDir: options.backupsDir ?? join(dirname(options.dbFile), 'backups'),
  };
  const now = options.now ?? (() => new Date());
  const log = options.log ?? noLog;
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(options.dbFile, {
      migrationsDir: paths.migrationsDir,
      // Never migrate a user's data without a copy of it first.
      beforeMigrate: (database) => snapshotSync(database, paths.backupsDir, 'migration', now()),
    });
  } catch (error) {
    // A damaged file is left as it is; the way out is the newest backup that opens and passes its check.
    log.error('database open refused', error);
    if (error instanceof DamagedDatabaseError) {
      throw new AppError(
        'invalid_file',
        MESSAGES.app.damagedDatabase(error.file, error.why, newestGoodBackup(paths.backupsDir, error.file)),
      );
    }
    throw error;
  }
  const ctx: AppContext = {
    db,
    dbFile: options.dbFile,
    paths,
    now,
    startupWarnings: [],
    shell: options.shell ?? noShell,
    log,
  };
  log.info(
    `start app=${APP_VERSION} schema=${db.pragma('user_version', { simple: true })} platform=${process.platform}-${process.arch}`,
  );
  if (options.backupOnStart && (db.prepare('SELECT count(*) AS n FROM returns').get() as { n: number }).n > 0) {
    try {
      snapshotSync(db, paths.backupsDir, 'start', now());
    } catch (error) {
      ctx.startupWarnings.push(MESSAGES.backups.failed((error as Error).message));
      log.error('start backup failed', error);
    }
  }
  seedRegions(ctx);
  loadShippedFrameworks(ctx);
  let closed = false;
  return {
    ctx,
    handlers: createHandlers(ctx),
    close: () => {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
