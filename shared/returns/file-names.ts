// Which files in a folder are return files: spreadsheets, not Excel's own lock files (~$…) or hidden files.
const RETURN_FILE = /\.(xlsx|xls|csv)$/i;

export const isReturnFileName = (name: string): boolean =>
  RETURN_FILE.test(name) && !name.startsWith('~$') && !name.startsWith('.');
