// The one folder walk behind every merge door (the CLI's paths, the desktop's folder dialog): regular files only
// (a FIFO would block the read forever; sockets and devices are not returns), links resolved and kept inside the
// folder chosen (a link to `..` or elsewhere is skipped), each real file read once (by device and inode), each
// folder entered once (a link to `.` cannot loop). What is left out is reported with its Chinese reason (system
// errors too: 「链接形成循环」, never ELOOP). A merge reads at most MAX_MERGE_FILES files and MAX_MERGE_BYTES bytes:
// a folder beyond either is refused whole, before anything is read (the walk stops at the cap).
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { basename, join, sep } from 'node:path';
import { MESSAGES } from '../../shared/messages.ts';
import { systemReason } from '../fs/system-error.ts';
import { isReturnFileName } from '../../shared/returns/file-names.ts';
import { MAX_IMPORT_BYTES } from '../../shared/api/limits.ts';
import type { LazyFile } from './batch-import.ts';

const S = MESSAGES.merge.skip;

/** Files one merge reads at most: a county has a few dozen townships, a city a few dozen counties, over years. */
export const MAX_MERGE_FILES = 5000;
/** Bytes one merge reads at most (each file counted up to the size a return may have). */
export const MAX_MERGE_BYTES = 2 * 1024 * 1024 * 1024;

export interface SkippedFile {
  fileName: string;
  reason: string;
}
export interface GatheredFiles {
  files: LazyFile[];
  skipped: SkippedFile[];
  /** the folder is over a cap: the whole merge is refused with this message, nothing read */
  refused: string | null;
}

const idOf = (st: Stats) => `${st.dev}:${st.ino}`;
const kindOf = (st: Stats) =>
  st.isFIFO()
    ? S.kinds.fifo
    : st.isSocket()
      ? S.kinds.socket
      : st.isCharacterDevice() || st.isBlockDevice()
        ? S.kinds.device
        : S.kinds.other;

/**
 * Reads a file that was a regular file when the folder was walked: opened without blocking (a FIFO swapped in
 * since cannot hang it), checked to be the same regular file, and read up to one byte past the size limit (the
 * batch import then refuses it as too large without reading gigabytes).
 */
export function readRegularFile(path: string, expected?: string): Buffer {
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
  const fd = openSync(path, flags);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error(S.notRegular(kindOf(st)));
    if (expected && idOf(st) !== expected) throw new Error(S.changed);
    const cap = MAX_IMPORT_BYTES + 1;
    const buffer = Buffer.alloc(Math.min(st.size, cap));
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

const inside = (real: string, root: string) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);

/** The return files named and inside the folders named (recursively, in name order per folder). */
export function gatherReturnFiles(paths: readonly string[]): GatheredFiles {
  const files: LazyFile[] = [];
  const skipped: SkippedFile[] = [];
  const seenDirs = new Set<string>();
  // every regular file found, in walk order; duplicates are settled at the end (a file itself beats a link to it)
  const found: { fileName: string; real: string; id: string; link: boolean; load?: () => Buffer }[] = [];
  let bytes = 0;
  let refused: string | null = null;
  const addFile = (fileName: string, real: string, st: Stats, link: boolean) => {
    found.push({ fileName, real, id: idOf(st), link });
    bytes += Math.min(st.size, MAX_IMPORT_BYTES + 1);
    if (found.length > MAX_MERGE_FILES) refused ??= MESSAGES.merge.limits.tooManyFiles(MAX_MERGE_FILES);
    else if (bytes > MAX_MERGE_BYTES)
      refused ??= MESSAGES.merge.limits.tooManyBytes(MAX_MERGE_BYTES / 1024 / 1024 / 1024);
  };

  const walk = (dir: string, root: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (error) {
      skipped.push({ fileName: basename(dir), reason: S.unreadableFolder(systemReason(error)) });
      return;
    }
    for (const name of names) {
      if (refused) return;
      const path = join(dir, name);
      let st: Stats;
      let real = path;
      let link = false;
      try {
        st = lstatSync(path);
        if (st.isSymbolicLink()) {
          link = true;
          try {
            real = realpathSync(path);
            st = statSync(real);
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (isReturnFileName(name) || code === 'ELOOP')
              skipped.push({
                fileName: name,
                reason: code === 'ENOENT' ? S.brokenLink : S.systemError(systemReason(error)),
              });
            continue;
          }
          if (!inside(real, root)) {
            if (st.isDirectory() || isReturnFileName(name)) skipped.push({ fileName: name, reason: S.outside(real) });
            continue;
          }
        }
      } catch {
        continue; // vanished while the folder was read
      }
      if (st.isDirectory()) {
        if (seenDirs.has(idOf(st))) {
          skipped.push({ fileName: name, reason: S.folderAgain });
          continue;
        }
        seenDirs.add(idOf(st));
        walk(real, root);
        continue;
      }
      if (!isReturnFileName(name)) continue; // not a return (Excel's lock files ~$… included)
      if (!st.isFile()) {
        skipped.push({ fileName: name, reason: S.notRegular(kindOf(st)) });
        continue;
      }
      addFile(name, real, st, link);
    }
  };

  for (const path of paths) {
    if (refused) break;
    const fileName = basename(path);
    let st: Stats;
    let real: string;
    try {
      real = realpathSync(path);
      st = statSync(real);
    } catch (error) {
      // a path that does not exist is reported as that file's verdict (无法读取), in Chinese
      const message = systemReason(error);
      found.push({
        fileName,
        real: path,
        id: `missing:${found.length}`,
        link: false,
        load: () => {
          throw new Error(message);
        },
      });
      continue;
    }
    if (st.isDirectory()) {
      if (seenDirs.has(idOf(st))) continue;
      seenDirs.add(idOf(st));
      walk(real, real);
    } else if (!st.isFile()) {
      skipped.push({ fileName, reason: S.notRegular(kindOf(st)) });
    } else {
      addFile(fileName, real, st, false); // a file named explicitly is read whatever its name
    }
  }
  if (refused) return { files: [], skipped: [], refused };
  const keeper = new Map<string, (typeof found)[number]>();
  for (const f of [...found.filter((x) => !x.link), ...found.filter((x) => x.link)])
    if (!keeper.has(f.id)) keeper.set(f.id, f);
  for (const f of found) {
    const kept = keeper.get(f.id)!;
    if (kept !== f) skipped.push({ fileName: f.fileName, reason: S.sameFile(kept.fileName) });
    else files.push({ fileName: f.fileName, load: f.load ?? (() => readRegularFile(f.real, f.id)) });
  }
  return { files, skipped, refused: null };
}
