// The merge page cuts a batch into requests the loopback adapter accepts (≤ MAX_REQUEST_BYTES of JSON each).
import { describe, expect, it } from 'vitest';
import { chunkFiles } from '../../renderer/merge/chunk-files.ts';
import { MAX_IMPORT_BYTES as MAX_BYTES, MAX_REQUEST_BYTES } from '../../shared/api/limits.ts';

const MB = 1024 * 1024;
const file = (name: string, size: number) => ({ name, size });
const requestSize = (chunk: { size: number }[]) =>
  chunk.reduce((n, f) => n + (f.size > MAX_BYTES ? 0 : Math.ceil(f.size / 3) * 4 + 1024), 0);

describe('chunkFiles', () => {
  it('keeps every request under the size limit, five small files at most, every file once and in order', () => {
    const files = [
      file('a', 9 * MB),
      file('b', 9 * MB),
      file('c', 200_000),
      file('d', 10 * MB),
      file('e', 30 * MB),
      ...Array.from({ length: 12 }, (_, i) => file(`s${i}`, 300_000)),
    ];
    const chunks = chunkFiles(files);
    expect(chunks.flat().map((f) => f.name)).toEqual(files.map((f) => f.name));
    for (const c of chunks) {
      expect(requestSize(c)).toBeLessThan(MAX_REQUEST_BYTES);
      expect(c.length).toBeLessThanOrEqual(5);
    }
    expect(chunks[0].map((f) => f.name)).toEqual(['a']);
    expect(chunks.map((c) => c.length)).toEqual([1, 2, 5, 5, 4]);
  });
});
