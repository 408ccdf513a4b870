// One place where a system error becomes what the user reads: the errno code (ENOENT, EACCES, ELOOP, EISDIR…)
// as a Chinese reason, the file named as the user knows it (relative to the folder chosen), never Node's English
// message or an absolute path. Errors the app raised itself (already Chinese) pass through.
import { basename, isAbsolute, relative, sep } from 'node:path';
import { MESSAGES } from '../../shared/messages.ts';

const F = MESSAGES.files;

export const errnoOf = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
};

/** The reason alone: 「找不到文件」「没有读取权限」「链接形成循环」…; an app error's own (Chinese) message as it is. */
export function systemReason(error: unknown): string {
  const code = errnoOf(error);
  if (code || !(error instanceof Error)) return F.reason(code);
  // a message of our own is Chinese; Node's own messages (with paths) never reach the user
  return /[\u4e00-\u9fff]/.test(error.message) ? error.message : F.reason(undefined);
}

/** How a path is shown: relative to the folder chosen when inside it, else its last name. */
function displayName(path: string, folder?: string): string {
  if (folder) {
    const rel = relative(folder, path);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return basename(path) || path;
}

/** 「无法读取“报表.xlsx”：找不到文件…」 (「无法写入…」 when writing), just the reason when no file is known. */
export function systemErrorText(
  error: unknown,
  path: string | undefined,
  options: { folder?: string; writing?: boolean } = {},
): string {
  const reason = options.writing ? F.writeReason(errnoOf(error)) : systemReason(error);
  if (!path) return F.plain(reason);
  const name = displayName(path, options.folder);
  return options.writing ? F.cannotWrite(name, reason) : F.cannotRead(name, reason);
}
