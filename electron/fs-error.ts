// A file-system error said in Chinese with the path: 找不到文件 / 权限不足 …, never a raw ENOENT.
import { MESSAGES } from '../shared/messages.ts';

const C = MESSAGES.cli;

/** Why, in Chinese, from the system's error code. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && Object.hasOwn(C.fsReason, code)) return C.fsReason[code];
  return C.fsOther(code ?? (error as Error)?.message ?? String(error));
}

/** A file that could not be read: 找不到文件：… / 无法读取文件：…（权限不足） / 无法读取文件：…（原因）. */
export function describeFileError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return C.fileNotFound(path);
  if (code === 'EACCES' || code === 'EPERM') return C.fileNoPermission(path);
  return C.fileUnreadable(path, fsReason(error));
}
