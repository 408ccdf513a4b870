// Files for a batch import, from a multiple-file picker, a folder picker (webkitdirectory) or a drop of files
// and folders: every spreadsheet inside, however deep; Excel's own lock files (~$…) are skipped.
import { isReturnFileName as isReturnFile } from '../../shared/returns/file-names.ts';

export function fromFileList(list: FileList | null): File[] {
  return list ? [...list].filter((f) => isReturnFile(f.name)) : [];
}

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    if (!isReturnFile(entry.name)) return;
    out.push(await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail)));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns the folder in pieces: call until it returns none
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
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
