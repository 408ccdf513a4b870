/** The largest file one import accepts: a return (Excel), an open-data file, each file of a merge batch. The
 * renderer checks it before sending, the contract lets a file a bit over it through as base64, and the main
 * process refuses it with a Chinese message naming the file. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** base64 of a file a bit over MAX_IMPORT_BYTES still parses, so the main process can say why it is refused. */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil((MAX_IMPORT_BYTES * 2 * 4) / 3) + 16;

// How large one request may be. The largest legitimate call is one return file at the 10 MB import limit sent as
// base64 inside JSON (about 14 MB); the merge page sends its files in chunks kept under this size.
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
