// How a batch of files is cut into requests: at most CHUNK files, and never more bytes than one request may carry
// (the loopback adapter refuses a larger body with 413); a file over the size limit is refused by name, not sent.
import { MERGE_CHUNK_FILES } from '../../shared/api/merge-contract.ts';
import { MAX_IMPORT_BYTES, MAX_REQUEST_BYTES } from '../../shared/api/limits.ts';

const CHUNK = Math.min(5, MERGE_CHUNK_FILES);

/** base64 in JSON, with room for the name */
const requestBytes = (f: { size: number }) => Math.ceil(f.size / 3) * 4 + 1024;

export function chunkFiles<F extends { size: number }>(files: readonly F[]): F[][] {
  const chunks: F[][] = [];
  let current: F[] = [];
  let bytes = 0;
  for (const f of files) {
    const size = f.size > MAX_IMPORT_BYTES ? 0 : requestBytes(f);
    if (current.length > 0 && (current.length >= CHUNK || bytes + size > MAX_REQUEST_BYTES - 64 * 1024)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
