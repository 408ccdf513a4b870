// The hostile classes of issue 18 through the three command-line doors, one file of each class built from the app's
// own export: `wdp validate` and `wdp import` refuse each with its Chinese reason (exit 2 unreadable, 1 a cell
// error), nothing written; `wdp merge` rejects each with the same reason on the file's verdict line. And system
// errors (a missing file, a folder, a dangling link, a link loop) reach the user in Chinese, named as chosen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MESSAGES } from '../../../shared/messages.ts';
import { INPUT_MSG } from '../../../shared/rules/messages.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import { gatherReturnFiles } from '../../../electron/merge/gather-folder.ts';
import { systemErrorText } from '../../../electron/fs/system-error.ts';
import { openTestBackend } from '../../helpers/backend.ts';
import { wdpRunner } from '../../helpers/cli.ts';
import { partsOf, replaceCell, sheetPart, textOf, withText, zipParts } from '../excel/helpers/hostile-corpus.ts';
import { openBook } from '../excel/helpers/mutate.ts';
import { COUNTY } from '../merge/helpers.ts';
import { plausibleReturn, returnFile } from '../merge/excel-files.ts';

const P = MESSAGES.excel.problem;
const F = MESSAGES.files;
const dir = mkdtempSync(join(tmpdir(), 'wdp-hostile-cli-'));
const folder = join(dir, '乡镇报表');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const wdp = wdpRunner({ dir, timeout: 60_000 });

/** file name → the reason its verdict must carry */
const classes = new Map<string, string>();

beforeAll(async () => {
  mkdirSync(folder);
  const b = openTestBackend();
  let exported: Buffer;
  let code = '';
  try {
    const fw = requireFramework(b.ctx, 'taobei');
    const town = listChildRegions(b.ctx, COUNTY)[0];
    const data = plausibleReturn(fw, { regionCode: town.code, regionName: town.name, year: 2024 });
    code = data.cells.find(
      (c) =>
        c.sex === 'total' &&
        typeof c.value === 'number' &&
        fw.dataItems.find((d) => d.code === c.item)?.valueType === 'count',
    )!.item;
    exported = await returnFile(fw, { regionCode: town.code, regionName: town.name, year: 2024 }, data);
  } finally {
    b.dispose();
  }
  const parts = await partsOf(exported);
  const book = await openBook(exported);
  const [sheet, ref] = book.cell(code, 'total').location.split('!');
  const part = sheetPart(parts, sheet);
  const xml = textOf(parts, part);
  const style = /\ss="\d+"/.exec(new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>)`).exec(xml)![1])?.[0] ?? '';
  const put = (name: string, bytes: Buffer, reason: string) => {
    writeFileSync(join(folder, name), bytes);
    classes.set(name, reason);
  };

  put(
    '重名.xlsx',
    zipParts([
      ...parts,
      { name: part, data: Buffer.from(replaceCell(xml, ref, `<c r="${ref}"${style}><v>999</v></c>`)) },
    ]),
    P.zipDuplicateEntry('重名.xlsx', part),
  );
  put(
    '表头不符.xlsx',
    zipParts(parts.map((p) => (p.name === part ? { ...p, localName: 'xl/worksheets/other.xml' } : p))),
    P.zipHeaderMismatch('表头不符.xlsx', part),
  );
  put(
    '宏.xlsx',
    zipParts([...parts, { name: 'xl/vbaProject.bin', data: Buffer.from('d0cf11e0a1b11ae1', 'hex') }]),
    P.macroWorkbook('宏.xlsx'),
  );
  put(
    '断串.xlsx',
    zipParts(withText(parts, part, (x) => replaceCell(x, ref, `<c r="${ref}"${style} t="s"><v>99999</v></c>`))),
    P.danglingString('断串.xlsx', sheet, ref, 99999),
  );
  put(
    '外链.xlsx',
    zipParts([...parts, { name: 'xl/externalLinks/externalLink1.xml', data: Buffer.from('<externalLink/>') }]),
    P.externalLinkPart('外链.xlsx', 'xl/externalLinks/externalLink1.xml'),
  );
  put(
    '外部公式.xlsx',
    zipParts(
      withText(parts, part, (x) => replaceCell(x, ref, `<c r="${ref}"${style}><f>[1]Sheet1!$A$1</f><v>42</v></c>`)),
    ),
    P.formulaExternal('[1]Sheet1!$A$1'),
  );
  book.set(code, 'total', 1e308);
  put('大数.xlsx', await book.bytes(), INPUT_MSG.notRepresentable('1e+308'));
});

describe('wdp validate / import / merge show each hostile class with its Chinese reason', () => {
  it('wdp validate: every class refused (exit 2 unreadable, 1 a cell error), the reason printed', () => {
    for (const [name, reason] of classes) {
      const run = wdp('validate', join(folder, name));
      expect(run.code, name).toBe(name === '外部公式.xlsx' || name === '大数.xlsx' ? 1 : 2);
      expect(run.stdout, name).toContain(reason);
      expect(run.stdout + run.stderr, name).not.toMatch(/Error|ENOENT|at \w+ \(/);
    }
  });

  it('wdp import: nothing written for any class, the reason printed', () => {
    const db = join(dir, 'import.sqlite');
    for (const [name, reason] of classes) {
      const run = wdp('import', '--db', db, '--yes', join(folder, name));
      expect(run.code, name).not.toBe(0);
      expect(run.stdout, name).toContain(reason);
    }
    const list = wdp('validate', '--db', db, join(folder, '宏.xlsx'));
    expect(list.code).toBe(2);
  });

  it('wdp merge: each file rejected on its verdict line, with the reason under it', () => {
    const run = wdp('merge', '--db', join(dir, 'merge.sqlite'), '--region', COUNTY, '--year', '2024', folder);
    expect(run.code).toBe(3);
    const lines = run.stdout.split('\n');
    for (const [name, reason] of classes) {
      const at = lines.findIndex((l) => l.endsWith(`\t${name}`));
      expect(at, name).toBeGreaterThanOrEqual(0);
      expect(lines[at].split('\t')[0], name).toBe(MESSAGES.merge.verdict.rejected);
      const next = lines.slice(at + 1).findIndex((l) => !l.startsWith('    '));
      expect(lines.slice(at + 1, at + 1 + (next < 0 ? undefined! : next)).join('\n'), name).toContain(reason);
    }
  });
});

describe('system errors in Chinese, the file named as the user chose it', () => {
  it('validate and import: a missing file, a folder', () => {
    const missing = wdp('validate', join(dir, '不存在.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain(MESSAGES.excel.cli.cannotRead('不存在.xlsx', F.reason('ENOENT')));
    const folderRun = wdp('import', '--db', join(dir, 'x.sqlite'), folder);
    expect(folderRun.code).toBe(2);
    expect(folderRun.stdout).toContain(F.reason('EISDIR'));
    for (const r of [missing, folderRun])
      expect(r.stdout + r.stderr).not.toMatch(/ENOENT|EISDIR|no such file|illegal operation|\/tmp\//);
  });

  it('merge: a dangling link and a link loop skipped by their names inside the folder; a missing path on its verdict', () => {
    const odd = join(dir, '链接');
    mkdirSync(join(odd, '补报'), { recursive: true });
    symlinkSync(join(dir, '早已删除.xlsx'), join(odd, '补报', '失效.xlsx'));
    symlinkSync('乙.xlsx', join(odd, '甲.xlsx'));
    symlinkSync('甲.xlsx', join(odd, '乙.xlsx'));
    const { skipped } = gatherReturnFiles([odd]);
    const reasons = new Map(skipped.map((s) => [s.fileName, s.reason]));
    expect(reasons.get('失效.xlsx')).toBe(MESSAGES.merge.skip.brokenLink);
    expect(reasons.get('甲.xlsx')).toBe(MESSAGES.merge.skip.systemError(F.reason('ELOOP')));
    const run = wdp(
      'merge',
      '--db',
      join(dir, 'links.sqlite'),
      '--region',
      COUNTY,
      '--year',
      '2024',
      odd,
      join(dir, '不存在.xlsx'),
    );
    expect(run.stdout).toContain(`已跳过\t失效.xlsx\t${MESSAGES.merge.skip.brokenLink}`);
    expect(run.stdout).toContain(`已跳过\t乙.xlsx\t${MESSAGES.merge.skip.systemError(F.reason('ELOOP'))}`);
    expect(run.stdout).toMatch(
      new RegExp(
        `${MESSAGES.merge.verdict.rejected}\\t—\\t不存在\\.xlsx\\n    ${MESSAGES.merge.file.unreadable(F.reason('ENOENT')).replace(/[()（）]/g, '.')}`,
      ),
    );
    expect(run.stdout + run.stderr).not.toMatch(/ENOENT|ELOOP|no such file|\/tmp\//);
  });

  it('one mapping: each code a Chinese sentence naming the file relative to the folder; app messages pass through', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: x, open '/abs/path'`), { code });
    const folder = '/data/报表';
    expect(systemErrorText(err('EACCES'), '/data/报表/补报/甲.xlsx', { folder })).toBe(
      F.cannotRead('补报/甲.xlsx', '没有读取权限'),
    );
    expect(systemErrorText(err('ELOOP'), '/data/报表/环.xlsx', { folder })).toBe(
      F.cannotRead('环.xlsx', F.reason('ELOOP')),
    );
    expect(F.reason('ELOOP')).toMatch(/^链接形成循环/);
    expect(F.reason('ENOENT')).toMatch(/^找不到文件/);
    expect(F.reason('EISDIR')).toMatch(/文件夹/);
    expect(F.reason('EWHATEVER')).toMatch(/^系统无法读取/);
    expect(systemErrorText(err('EACCES'), '/out/汇总.xlsx', { writing: true })).toBe(
      F.cannotWrite('汇总.xlsx', '没有写入权限'),
    );
    // outside the folder: its last name only, never the absolute path
    expect(systemErrorText(err('ENOENT'), '/elsewhere/x.xlsx', { folder })).toBe(
      F.cannotRead('x.xlsx', F.reason('ENOENT')),
    );
    // an error of the app's own (Chinese) passes through; Node's English never does
    expect(systemErrorText(new Error('读取前文件已被替换'), 'a.xlsx')).toBe(
      F.cannotRead('a.xlsx', '读取前文件已被替换'),
    );
    expect(systemErrorText(new Error('Unexpected end of input'), 'a.xlsx')).toBe(
      F.cannotRead('a.xlsx', F.reason(undefined)),
    );
  });
});
