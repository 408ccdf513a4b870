// 导出诊断信息: one zip an office can e-mail or carry on a USB stick from an offline machine. It holds the app and
// system versions, the database's schema version and quick_check, backups, the recent log and the recent merge
// import verdicts — no cell values, no names (not even file names: they often carry a township's or person's
// name), and the home folder written as ~.
import { statSync } from 'node:fs';
import os from 'node:os';
import JSZip from 'jszip';
import { MESSAGES } from '../../shared/messages.ts';
import { APP_VERSION } from '../excel/meta.ts';
import { listBackups } from '../backups/backup-service.ts';
import type { AppContext } from '../context/app-context.ts';
import { recentLogLines, withoutHome } from '../context/app-log.ts';

const M = MESSAGES.diagnostics;
const RECENT_LOG_LINES = 1000;
const RECENT_IMPORTS = 100;

export interface Diagnostics {
  generatedAt: string;
  app: { version: string; electron: string | null; chrome: string | null; node: string };
  system: { platform: string; release: string; version: string; arch: string; memoryMB: number; locale: string };
  database: {
    file: string;
    bytes: number;
    schemaVersion: number;
    quickCheck: string[];
    journalMode: string;
    returns: number;
    submissions: number;
    receivedFiles: number;
    frameworks: { planId: string; version: number; origin: string }[];
  };
  backups: { count: number; newest: string | null; bytes: number };
  startupWarnings: string[];
}

const count = (ctx: AppContext, table: string) =>
  (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function collectDiagnostics(ctx: AppContext): Diagnostics {
  const db = ctx.db;
  const backups = listBackups(ctx);
  let bytes = 0;
  try {
    bytes = statSync(ctx.dbFile).size;
  } catch {
    /* in-memory or gone */
  }
  return {
    generatedAt: ctx.now().toISOString(),
    app: {
      version: APP_VERSION,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      node: process.versions.node,
    },
    system: {
      platform: process.platform,
      release: os.release(),
      version: os.version(),
      arch: process.arch,
      memoryMB: Math.round(os.totalmem() / 1048576),
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
    },
    database: {
      file: withoutHome(ctx.dbFile),
      bytes,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      quickCheck: (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check),
      journalMode: db.pragma('journal_mode', { simple: true }) as string,
      returns: count(ctx, 'returns'),
      submissions: count(ctx, 'submissions'),
      receivedFiles: count(ctx, 'received_files'),
      frameworks: db
        .prepare('SELECT plan_id AS planId, version, origin FROM framework_versions ORDER BY plan_id, version')
        .all() as Diagnostics['database']['frameworks'],
    },
    backups: {
      count: backups.length,
      newest: backups[0]?.name ?? null,
      bytes: backups.reduce((s, b) => s + b.bytes, 0),
    },
    startupWarnings: ctx.startupWarnings.map((w) => withoutHome(w)),
  };
}

export interface ImportVerdictRow {
  receivedAt: string;
  officeCode: string;
  year: number;
  verdict: string;
  regionCode: string | null;
  fileYear: number | null;
  sizeBytes: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** The newest merge import verdicts: what was decided and how many problems, never the file name or a value. */
function recentImportVerdicts(ctx: AppContext, limit = RECENT_IMPORTS): ImportVerdictRow[] {
  return ctx.db
    .prepare(`
    SELECT f.received_at AS receivedAt, f.office_code AS officeCode, f.year, f.verdict, f.region_code AS regionCode, f.file_year AS fileYear,
           f.size_bytes AS sizeBytes,
           (SELECT count(*) FROM received_file_problems p WHERE p.file_id = f.id AND p.severity = 'error') AS errors,
           (SELECT count(*) FROM received_file_problems p WHERE p.file_id = f.id AND p.severity = 'warning') AS warnings,
           (SELECT count(*) FROM received_file_problems p WHERE p.file_id = f.id AND p.severity = 'info') AS infos
    FROM received_files f ORDER BY f.id DESC LIMIT ?`)
    .all(limit) as ImportVerdictRow[];
}

/** The zip's bytes: README.txt, diagnostics.json, recent.log, imports.json. */
async function diagnosticsZip(ctx: AppContext): Promise<Buffer> {
  const zip = new JSZip();
  const date = ctx.now();
  const options = { date, unixPermissions: 0o644 };
  zip.file('README.txt', `${M.readme}\n`, options);
  zip.file('diagnostics.json', `${JSON.stringify(collectDiagnostics(ctx), null, 2)}\n`, options);
  zip.file('recent.log', `${recentLogLines(ctx.log.dir, RECENT_LOG_LINES).join('\n')}\n`, options);
  zip.file('imports.json', `${JSON.stringify(recentImportVerdicts(ctx), null, 2)}\n`, options);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

/** Builds the zip and saves it where the user chooses; null when cancelled. */
export async function exportDiagnostics(ctx: AppContext): Promise<string | null> {
  const stamp = ctx.now().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const bytes = await diagnosticsZip(ctx);
  const path = await ctx.shell.saveFile(M.fileName(stamp), 'zip', bytes);
  ctx.log.info(path ? `diagnostics exported bytes=${bytes.length}` : 'diagnostics export cancelled');
  return path;
}
