// Files for a batch import, from a multiple-file picker, a folder picker (webkitdirectory) or a drop of files
// and folders: every spreadsheet inside (up to 16 folders deep); Excel's own lock files (~$…) are skipped.
// In the desktop app the 选择文件夹 button does not come here: the main process shows the folder dialog and walks the
// folder itself (electron/merge/gather-folder.ts: regular files only, links kept inside, each file once).
import { isReturnFileName as isReturnFile } from '../../shared/returns/file-names.ts';

export function fromFileList(list: FileList | null): File[] {
  return list ? [...list].filter((f) => isReturnFile(f.name)) : [];
}

/** Folders deeper than this are not entered: a dropped folder holding a link to itself cannot loop forever. */
const MAX_DEPTH = 16;

async function walk(entry: FileSystemEntry, out: File[], depth = 0): Promise<void> {
  if (entry.isFile) {
    if (!isReturnFile(entry.name)) return;
    out.push(await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail)));
    return;
  }
  if (!entry.isDirectory || depth >= MAX_DEPTH) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns the folder in pieces: call until it returns none
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out, depth + 1);
  }
}

/** Every return file in a drop, folders included. */
export async function fromDrop(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items]
    .map((item) => item.webkitGetAsEntry())
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return fromFileList(data.files);
  const out: File[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}
