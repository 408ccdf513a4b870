// How large one request may be. The largest legitimate call is one return file at the 10 MB import limit sent as
// base64 inside JSON (about 14 MB); the merge page sends its files in chunks kept under this size.
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
