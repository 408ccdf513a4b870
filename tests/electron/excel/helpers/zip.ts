// A minimal zip writer for crafting hostile archives: deflated or stored entries, with the option to lie about an
// entry's uncompressed size or to set the "encrypted" flag.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntryInput {
  name: string;
  data: Buffer;
  method?: 0 | 8;
  /** the uncompressed size written in the headers (default: the real one) */
  declaredSize?: number;
  encrypted?: boolean;
  /** already-compressed bytes (skip deflating: for entries too large to hold uncompressed) */
  compressed?: Buffer;
  /** a different name in the local header than in the central directory (a disagreeing archive) */
  localName?: string;
}

export function makeZip(entries: ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = e.compressed ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const name = Buffer.from(e.name, 'utf8');
    const localNameBytes = Buffer.from(e.localName ?? e.name, 'utf8');
    const crc = e.compressed ? 0 : crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const flags = (e.encrypted ? 0x1 : 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(localNameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, localNameBytes, body);
    centrals.push(central, name);
    offset += local.length + localNameBytes.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** `size` zero bytes, deflated (150 MB become about 150 KB). */
export function deflatedZeros(size: number): Buffer {
  return deflateRawSync(Buffer.alloc(size), { level: 9 });
}
