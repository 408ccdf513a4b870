// Opens the app's back end: database, migrations, shipped data, handlers. Used by Electron, the loopback
// adapter and the CLI alike; no Electron import here.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDatabase } from './db/open-database.ts';
import { createHandlers, type Handlers } from './api/handlers.ts';
import type { AppContext, AppPaths } from './services/context.ts';
import { loadShippedFrameworks } from './services/plans-service.ts';
import { seedRegions } from './services/regions-service.ts';

export interface OpenAppOptions {
  dbFile: string;
  resourcesDir: string;
  migrationsDir: string;
  backupsDir?: string;
  now?: () => Date;
}

export interface AppBackend { ctx: AppContext; handlers: Handlers; close: () => void }

export function openApp(options: OpenAppOptions): AppBackend {
  mkdirSync(dirname(options.dbFile), { recursive: true });
  const paths: AppPaths = {
    resourcesDir: options.resourcesDir,
    migrationsDir: options.migrationsDir,
    backupsDir: options.backupsDir ?? join(dirname(options.dbFile), 'backups'),
  };
  const db = openDatabase(options.dbFile, { migrationsDir: paths.migrationsDir });
  const ctx: AppContext = { db, dbFile: options.dbFile, paths, now: options.now ?? (() => new Date()), startupWarnings: [] };
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
