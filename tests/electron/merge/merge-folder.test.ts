// A strange merge folder: a FIFO (reading it blocks forever), links to `.` and `..` (a loop, and a way out of the
// folder), a link to a file outside, two links to the same file. The merge reads regular files only, each real
// file once, nothing outside the folder chosen, and says in the report what it skipped and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestBackend, type TestBackend } from '../../helpers/backend.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import { gatherReturnFiles, readRegularFile } from '../../../electron/merge/gather-folder.ts';
import { COUNTY } from './helpers.ts';
import { returnFile } from './excel-files.ts';
import { wdpRunner } from '../../helpers/cli.ts';
import { openApp } from '../../../electron/backend/open-app.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';
import { folderShell } from '../../../electron/context/shell.ts';

const posix = process.platform !== 'win32';
const root = mkdtempSync(join(tmpdir(), 'wdp-merge-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// a hang must fail the test, not block the run
const wdp = wdpRunner({ dir: root, timeout: 30_000 });

describe.runIf(posix)('merge folders: regular files only, links kept inside, each file once', () => {
  const folder = join(root, 'parent', '2024年乡镇报表');
  const parent = join(root, 'parent');
  let inside: string[] = [];
  let outsideName = '';

  beforeAll(async () => {
    const b: TestBackend = openTestBackend();
    try {
      const fw = requireFramework(b.ctx, 'taobei');
      const towns = listChildRegions(b.ctx, COUNTY).slice(0, 3);
      mkdirSync(join(folder, '补报'), { recursive: true });
      inside = [towns[0].name, towns[1].name];
      writeFileSync(
        join(folder, `${towns[0].name}.xlsx`),
        await returnFile(fw, { regionCode: towns[0].code, regionName: towns[0].name, year: 2024 }),
      );
      writeFileSync(
        join(folder, '补报', `${towns[1].name}.xlsx`),
        await returnFile(fw, { regionCode: towns[1].code, regionName: towns[1].name, year: 2024 }),
      );
      // the parent folder holds a return that was not chosen
      outsideName = `${towns[2].name}.xlsx`;
      writeFileSync(
        join(parent, outsideName),
        await returnFile(fw, { regionCode: towns[2].code, regionName: towns[2].name, year: 2024 }),
      );
    } finally {
      b.dispose();
    }
    execFileSync('mkfifo', [join(folder, '管道.xlsx')]);
    symlinkSync('.', join(folder, '本目录'));
    symlinkSync('..', join(folder, '上级目录'));
    symlinkSync(join(parent, outsideName), join(folder, '外面的报表.xlsx'));
    symlinkSync(`${inside[0]}.xlsx`, join(folder, '同一份（链接）.xlsx'));
    symlinkSync('../..', join(folder, '补报', '回到上两级'));
  });

  it('the walk: each real file once, in the folder only, the FIFO and the ways out skipped with their reasons', () => {
    const { files, skipped } = gatherReturnFiles([folder]);
    expect(files.map((f) => f.fileName).sort()).toEqual([`${inside[0]}.xlsx`, `${inside[1]}.xlsx`].sort());
    const reasons = new Map(skipped.map((s) => [s.fileName, s.reason]));
    expect(reasons.get('管道.xlsx')).toMatch(/不是普通文件（命名管道）/);
    expect(reasons.get('外面的报表.xlsx')).toMatch(/指向所选文件夹以外/);
    expect(reasons.get('上级目录')).toMatch(/指向所选文件夹以外/);
    expect(reasons.get('回到上两级')).toMatch(/指向所选文件夹以外/);
    expect(reasons.get('同一份（链接）.xlsx')).toMatch(/已读取过/);
    expect(files.some((f) => f.fileName === outsideName)).toBe(false);
    // a FIFO put in place of a file after the walk is refused at once, not waited on
    expect(() => readRegularFile(join(folder, '管道.xlsx'))).toThrow(/命名管道/);
  });

  it('wdp merge finishes (no hang on the FIFO), imports each township once and nothing from the parent folder', () => {
    const run = wdp(
      'merge',
      '--db',
      join(root, 'county.sqlite'),
      '--region',
      COUNTY,
      '--year',
      '2024',
      folder,
      '--json',
    );
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.verdicts.map((v: { fileName: string }) => v.fileName).sort()).toEqual(
      [`${inside[0]}.xlsx`, `${inside[1]}.xlsx`].sort(),
    );
    expect(r.verdicts.every((v: { verdict: string }) => v.verdict === 'accepted')).toBe(true);
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        { fileName: '管道.xlsx', reason: expect.stringMatching(/命名管道/) },
        { fileName: '上级目录', reason: expect.stringMatching(/所选文件夹以外/) },
      ]),
    );
    expect(r.completeness).toMatchObject({ reported: 2 });
  });

  it('the desktop door: the folder chosen in the dialog is walked in the main process by the same walk, files imported by token', async () => {
    const app = openApp({
      dbFile: join(root, 'desktop.sqlite'),
      ...sourcePaths,
      shell: folderShell(join(root, 'saved'), { pickFolder: () => folder }),
    });
    try {
      const where = { year: 2024, regionCode: COUNTY };
      const picked = await app.handlers['merge:pick-folder'](where);
      expect(picked).toMatchObject({ supported: true, folder });
      expect([...picked.files].sort()).toEqual([`${inside[0]}.xlsx`, `${inside[1]}.xlsx`].sort());
      expect(picked.skipped).toEqual(
        expect.arrayContaining([
          { fileName: '管道.xlsx', reason: expect.stringMatching(/命名管道/) },
          { fileName: '上级目录', reason: expect.stringMatching(/所选文件夹以外/) },
        ]),
      );
      await expect(
        app.handlers['merge:import-folder-files']({ ...where, token: 'not-the-token', start: 0, count: 2 }),
      ).rejects.toThrow(/重新选择文件夹/);
      const verdicts = await app.handlers['merge:import-folder-files']({
        ...where,
        token: picked.token!,
        start: 0,
        count: 10,
      });
      expect(verdicts.map((v) => [v.fileName, v.verdict])).toEqual(picked.files.map((f) => [f, 'accepted']));
    } finally {
      app.close();
    }
  });

  it('the text report names what was skipped and why; a FIFO named on the command line is skipped too', () => {
    const run = wdp(
      'merge',
      '--db',
      join(root, 'county2.sqlite'),
      '--region',
      COUNTY,
      '--year',
      '2024',
      folder,
      join(folder, '管道.xlsx'),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/已跳过\t管道\.xlsx\t.*命名管道/);
    expect(run.stdout).toMatch(/已跳过\t上级目录\t.*所选文件夹以外/);
    expect(run.stdout).not.toMatch(new RegExp(`^已接收.*${outsideName}`, 'm'));
    expect(run.stdout).toMatch(/已接收\t.*\t.*\n已接收/);
  });
});
