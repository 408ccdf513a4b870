// The desktop's folder import: the folder is chosen in the system dialog and walked here, in the main process, by
// the same walk the CLI uses (gather-folder.ts); the renderer only ever sees the file names and a token, and
// asks for the files in chunks so its progress bar moves. Nothing outside the folder can be asked for.
import { randomBytes } from 'node:crypto';
import { MESSAGES } from '../../shared/messages.ts';
import { AppError } from '../../shared/api/envelope.ts';
import type { AppContext } from '../context/app-context.ts';
import { importBatch, type LazyFile } from './batch-import.ts';
import { excelReturnReader } from './excel-reader.ts';
import { gatherReturnFiles } from './gather-folder.ts';
import { officeOf, type OfficeYear } from './merge-service.ts';

const picked = new WeakMap<AppContext, { token: string; files: LazyFile[] }>();

export async function pickFolder(ctx: AppContext, input: OfficeYear) {
  officeOf(ctx, input);
  if (!ctx.shell.pickFolder) return { supported: false, folder: null, token: null, files: [], skipped: [] };
  const folder = await ctx.shell.pickFolder();
  if (!folder) return { supported: true, folder: null, token: null, files: [], skipped: [] };
  const { files, skipped, refused } = gatherReturnFiles([folder]);
  if (refused) throw new AppError('refused', refused);
  const token = randomBytes(16).toString('hex');
  picked.set(ctx, { token, files });
  return { supported: true, folder, token, files: files.map((f) => f.fileName), skipped };
}

/** The files of the folder picked with this token (merge:import-start reads them); refused when the token is stale. */
export function pickedFolderFiles(ctx: AppContext, token: string): LazyFile[] {
  const current = picked.get(ctx);
  if (!current || current.token !== token) throw new AppError('refused', MESSAGES.merge.page.folderGone);
  return current.files;
}

export async function importFolderFiles(
  ctx: AppContext,
  input: OfficeYear & { token: string; start: number; count: number },
) {
  const office = officeOf(ctx, input);
  const current = picked.get(ctx);
  if (!current || current.token !== input.token) throw new AppError('refused', MESSAGES.merge.page.folderGone);
  // each file loaded when its read starts and let go once read (batch-import.ts)
  return importBatch(
    ctx,
    office,
    input.year,
    current.files.slice(input.start, input.start + input.count),
    excelReturnReader(ctx),
  );
}
