// The metadata sheet's fast check: whatever texts a sheet holds, the same verdict and the same object as the zod
// schema (which still explains every error), and it is the path a sound sheet takes.
import { describe, expect, it } from 'vitest';
import { META_KEYS, WorkbookMetaSchema, metaFastPath, parseWorkbookMeta } from '../../../electron/excel/meta.ts';

const SHA = 'ab'.repeat(32);
const SOUND: Record<string, string> = {
  format: 'wdp-return',
  formatVersion: '1',
  kind: 'return',
  planId: 'jinkouhe',
  planName: '金口河区妇女发展规划（2021—2030年）',
  frameworkVersion: '3',
  regionCode: '511113100000',
  regionName: '某某镇',
  level: 'township',
  year: '2024',
  appVersion: '0.9.0',
  regionVintage: '2023',
  exportedAt: '2026-02-10T08:00:00.000Z',
  checksum: SHA,
  status: 'submitted',
  department: '',
  reviewOffice: '',
  reviewOfficeName: '',
  reviewedAt: '',
  reviewOf: '',
  reviewChecksum: '',
};

const VARIANTS = [
  '',
  ' ',
  '0',
  '1',
  '-1',
  '01',
  '1.0',
  '1.5',
  '1e3',
  ' 2',
  '2000',
  '1999',
  '2100',
  '2101',
  '2999',
  '9007199254740993',
  'Infinity',
  'abc',
  'return',
  'template',
  'county',
  'city',
  'draft',
  'checked',
  'submitted',
  'wdp-return',
  '511113000000',
  '51111300000',
  SHA,
  SHA.toUpperCase(),
  'x'.repeat(41),
  'x'.repeat(101),
];

function same(raw: Record<string, string>) {
  const fast = parseWorkbookMeta(raw);
  const zod = WorkbookMetaSchema.safeParse(raw);
  expect(fast.success).toBe(zod.success);
  if (zod.success && fast.success) {
    expect(fast.data).toStrictEqual(zod.data);
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(zod.data));
  } else expect(fast.error?.issues).toStrictEqual(zod.error?.issues);
}

describe('metadata sheet check', () => {
  it('gives the schema verdict and object for every key set to awkward texts, or missing', () => {
    same(SOUND);
    for (const key of META_KEYS) {
      const without = { ...SOUND };
      delete without[key];
      same(without);
      for (const v of VARIANTS) same({ ...SOUND, [key]: v });
    }
    same({ ...SOUND, extra: 'x' });
    const minimal = { ...SOUND };
    for (const k of ['status', 'department', 'reviewOffice', 'reviewOfficeName', 'reviewedAt', 'reviewOf'])
      delete minimal[k];
    same(minimal);
  });

  it('takes the fast check for a sound sheet', () => {
    const before = metaFastPath.hits;
    expect(parseWorkbookMeta(SOUND).success).toBe(true);
    expect(metaFastPath.hits).toBe(before + 1);
  });
});
