// 导出诊断信息 end to end through the handler the UI calls: a county with a named user, typed values and merge
// imports (one good file named after a person, one bad file) exports one zip holding the versions, the database
// check, the recent log and the import verdicts — and nowhere in the zip or the log a value, a name or a file name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { openApp, type AppBackend } from '../../../electron/backend/open-app.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';
import { createFileLog } from '../../../electron/context/file-log.ts';
import { folderShell } from '../../../electron/context/shell.ts';
import { setProfile } from '../../../electron/settings/settings-service.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import { COUNTY } from '../merge/helpers.ts';
import { returnFile } from '../merge/excel-files.ts';

const YEAR = 2024;
const NAME = '欧阳秀英';
const VALUE = 987654;
const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8'));

let dir: string;
let backend: AppBackend;
async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(backend.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as Output<C>;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wdp-diag-'));
  backend = openApp({
    dbFile: join(dir, 'wdp.sqlite'),
    ...sourcePaths,
    shell: folderShell(join(dir, 'downloads')),
    log: createFileLog(join(dir, 'logs')),
    now: () => new Date('2025-03-01T08:00:00Z'),
  });
  setProfile(backend.ctx, { planId: 'taobei', role: 'county', regionCode: COUNTY, userName: NAME });
  const fw = requireFramework(backend.ctx, 'taobei');
  const [town] = listChildRegions(backend.ctx, COUNTY);
  const good = await returnFile(fw, {
    regionCode: town.code,
    regionName: town.name,
    year: YEAR,
    cells: { 'PD30.total': VALUE, 'PD30.female': 4321 },
  });
  await call('merge:begin-import', { year: YEAR });
  const verdicts = await call('merge:import-files', {
    year: YEAR,
    files: [
      { fileName: `${NAME}的报表.xlsx`, bytesBase64: good.toString('base64') },
      { fileName: `${NAME}-notes.docx`, bytesBase64: Buffer.from('PK\u0003\u0004 not a workbook').toString('base64') },
    ],
  });
  expect(verdicts.map((v) => v.verdict).sort()).toEqual(['accepted', 'rejected'].sort());
});
afterAll(() => {
  backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('diagnostics:export', () => {
  let entries: Record<string, string>;
  let saved: Output<'diagnostics:export'>;

  beforeAll(async () => {
    saved = await call('diagnostics:export', {});
    const zip = await JSZip.loadAsync(readFileSync(saved.path!));
    entries = Object.fromEntries(
      await Promise.all(
        Object.keys(zip.files).map(async (name) => [name, await zip.file(name)!.async('string')] as const),
      ),
    );
  });

  it('saves one zip through the save dialog', () => {
    expect(saved.saved).toBe(true);
    expect(saved.path).toBe(join(dir, 'downloads', '妇女发展监测填报-诊断信息-20250301-080000.zip'));
    expect(Object.keys(entries).sort()).toEqual(['README.txt', 'diagnostics.json', 'imports.json', 'recent.log']);
    expect(entries['README.txt']).toContain('诊断信息');
  });

  it('holds the app and system versions, the database version and its quick_check, and the backups', () => {
    const info = JSON.parse(entries['diagnostics.json']);
    expect(info.app.version).toBe(pkg.version);
    expect(info.app.node).toBe(process.versions.node);
    expect(info.system).toMatchObject({ platform: process.platform, arch: process.arch });
    expect(info.database.schemaVersion).toBe(backend.ctx.db.pragma('user_version', { simple: true }));
    expect(info.database.schemaVersion).toBeGreaterThanOrEqual(4);
    expect(info.database.quickCheck).toEqual(['ok']);
    expect(info.database.receivedFiles).toBe(2);
    expect(info.database.frameworks.some((f: { planId: string }) => f.planId === 'taobei')).toBe(true);
    expect(info.backups.count).toBeGreaterThanOrEqual(1);
    expect(info.database.file).toBe(join(dir, 'wdp.sqlite'));
  });

  it('holds the recent log and the recent import verdicts with their problem counts', () => {
    expect(entries['recent.log']).toMatch(/\[info\] +start app=0\.\d+\.\d+ schema=\d+/);
    expect(entries['recent.log']).toMatch(
      /merge import office=220802000000 year=2024 files=2 accepted=1 warnings=0 rejected=1/,
    );
    const imports = JSON.parse(entries['imports.json']) as {
      verdict: string;
      errors: number;
      officeCode: string;
      year: number;
    }[];
    expect(imports).toHaveLength(2);
    expect(imports.map((i) => i.verdict).sort()).toEqual(['accepted', 'rejected']);
    expect(imports.find((i) => i.verdict === 'rejected')!.errors).toBeGreaterThan(0);
    expect(imports.every((i) => i.officeCode === COUNTY && i.year === YEAR)).toBe(true);
  });

  it('carries no personal data: no name, no value, no file name, no home folder — in the zip or in the log file', () => {
    const log = readFileSync(join(dir, 'logs', 'main.log'), 'utf8');
    for (const [where, text] of [...Object.entries(entries), ['main.log', log]]) {
      expect(text, where).not.toContain(NAME);
      expect(text, where).not.toContain(String(VALUE));
      expect(text, where).not.toContain('4321');
      expect(text, where).not.toContain('.docx');
      expect(text, where).not.toContain('.xlsx');
      if (homedir().length > 1 && !dir.startsWith(homedir())) expect(text, where).not.toContain(homedir());
    }
  });
});
