// Issue 14 item 8: the `wdp` arguments are checked per command. An unknown flag, a missing required one or a
// value of the wrong form stops the command (exit 2) with a Chinese message naming the flag and what it must
// look like; a missing file is named in Chinese; `--help` per command is generated from the same declarations
// as the parser, and the README lists every declared flag.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FlagSpec } from '../../../electron/cli/command.ts';
import { COMMAND_SPECS, GLOBAL_FLAGS } from '../../../electron/cli/commands/specs.ts';
import { ContractRefusal, explainInvalidRequest } from '../../../electron/cli/errors.ts';
import { systemErrorText } from '../../../electron/fs/system-error.ts';
import { contract } from '../../../shared/api/contract.ts';
import { AppError } from '../../../shared/api/envelope.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { wdpRunner } from '../../helpers/cli.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-strict-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'strict.sqlite');
const wdp = wdpRunner({ dir, db: () => db });
const C = MESSAGES.cli;
const TOWNSHIP = '431024100000';
const COUNTY = '431024000000';

/** exit 2 and one stderr line, never an internal channel name or an untranslated system error */
function refused(run: { code: number | null; stderr: string; stdout: string }) {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).not.toMatch(/excel:|merge:|open-data:|plans:|ENOENT|EACCES|请求内容不符合要求/);
  return run.stderr;
}

describe('unknown and missing flags', () => {
  it('an unknown flag exits 2 naming it and the closest known flag, before touching the database', () => {
    const fresh = join(dir, 'never.sqlite');
    const run = wdpRunner({ dir, db: () => fresh })(
      'template',
      '--plan',
      'jiahe',
      '--regoin',
      TOWNSHIP,
      '--year',
      '2025',
      '-o',
      join(dir, 't.xlsx'),
    );
    expect(refused(run)).toContain(C.unknownFlag('--regoin', '--region'));
    expect(existsSync(fresh)).toBe(false);
    expect(existsSync(join(dir, 't.xlsx'))).toBe(false);
  });

  it('an unknown flag with no near name, and an unknown short flag, are named too', () => {
    expect(refused(wdp('plans', '--frobnicate'))).toContain(C.unknownFlag('--frobnicate', null));
    expect(refused(wdp('validate', 'x.xlsx', '-q'))).toContain(C.unknownFlag('-q', null));
  });

  it('a flag of another command is unknown here (--yes belongs to import, not validate)', () => {
    expect(refused(wdp('validate', 'x.xlsx', '--yes'))).toContain(C.unknownFlag('--yes', null));
  });

  it('a missing required flag exits 2 naming it', () => {
    expect(refused(wdp('template', '--plan', 'jiahe', '--region', TOWNSHIP, '-o', join(dir, 't.xlsx')))).toContain(
      C.missingFlag('--year'),
    );
    expect(refused(wdp('overdue'))).toContain(C.missingFlag('--year'));
    expect(refused(wdp('export-data', '--region', COUNTY, '--from', '2020', '-o', join(dir, 'a.csv')))).toContain(
      C.missingFlag('--to'),
    );
  });

  it('a flag that needs a value and got none says so', () => {
    // (this runner adds no --db after the arguments, which would be taken as the value)
    const bare = wdpRunner({ dir });
    expect(
      refused(bare('template', '--plan', 'jiahe', '--year', '2025', '-o', join(dir, 't.xlsx'), '--region')),
    ).toContain(C.flagNeedsValue('--region'));
  });

  it('a missing file argument, and a surplus one, exit 2', () => {
    expect(refused(wdp('validate'))).toContain(C.missingPositional('<文件>'));
    expect(refused(wdp('validate', 'a.xlsx', 'b.xlsx'))).toContain(C.extraArgument('b.xlsx'));
  });
});

describe('values of the wrong form name the flag and the form it needs', () => {
  it('--region must be a 12-digit code, never the channel name', () => {
    const err = refused(
      wdp('template', '--plan', 'jiahe', '--region', '4310', '--year', '2025', '-o', join(dir, 't.xlsx')),
    );
    expect(err).toContain('--region');
    expect(err).toContain(C.form.region);
  });

  it("--year must be a four-digit year, and within the plan's period when the plan is named", () => {
    const bad = refused(
      wdp('template', '--plan', 'jiahe', '--region', TOWNSHIP, '--year', '20x4', '-o', join(dir, 't.xlsx')),
    );
    expect(bad).toContain('--year');
    expect(bad).toContain(C.form.year);
    const jiahe = (
      JSON.parse(wdp('plans', '--json').stdout) as { plan: { id: string; period: { start: number; end: number } } }[]
    ).find((p) => p.plan.id === 'jiahe')!.plan;
    const outside = refused(
      wdp(
        'template',
        '--plan',
        'jiahe',
        '--region',
        TOWNSHIP,
        '--year',
        String(jiahe.period.end + 1),
        '-o',
        join(dir, 't.xlsx'),
      ),
    );
    expect(outside).toContain('--year');
    expect(outside).toContain(`${jiahe.period.start}—${jiahe.period.end}`);
    expect(existsSync(join(dir, 't.xlsx'))).toBe(false);
  });

  it('--from / --to, --format, --kind and --deadline say what they accept', () => {
    const from = refused(
      wdp('export-data', '--region', COUNTY, '--from', '20', '--to', '2024', '-o', join(dir, 'a.csv')),
    );
    expect(from).toContain('--from');
    expect(
      refused(wdp('export-data', '--region', COUNTY, '--from', '2024', '--to', '2020', '-o', join(dir, 'a.csv'))),
    ).toContain('--from');
    const format = refused(
      wdp(
        'export-data',
        '--region',
        COUNTY,
        '--from',
        '2020',
        '--to',
        '2024',
        '--format',
        'xml',
        '-o',
        join(dir, 'a.csv'),
      ),
    );
    expect(format).toContain('--format');
    expect(format).toContain('csv|json|dhis2-json|adx');
    const kind = refused(wdp('report', '--region', COUNTY, '--year', '2024', '--kind', 'yearly'));
    expect(kind).toContain('--kind');
    expect(kind).toContain('annual|midterm|final');
    const deadline = refused(wdp('overdue', '--year', '2024', '--deadline', '2024/06/30'));
    expect(deadline).toContain('--deadline');
    expect(deadline).toContain('YYYY-MM-DD');
  });

  it('a contract refusal is mapped back to the flag that fed the field', () => {
    const error = new AppError('invalid_request', MESSAGES.api.invalidRequest('excel:template'), [
      { path: 'regionCode', message: '区划代码应为12位数字' },
      { path: 'year', message: 'Too small' },
    ]);
    const text = explainInvalidRequest(error);
    expect(text).toContain('--region');
    expect(text).toContain('--year');
    expect(text).not.toContain('excel:template');
  });

  it("the contract's own refusal, in zod's words, is said in Chinese of each flag", () => {
    const checked = contract['excel:template'].input.safeParse({ regionCode: '1', year: 1990 });
    expect(checked.success).toBe(false);
    const text = new ContractRefusal(checked.error!.issues).message;
    expect(text).toContain(C.badField('--region', '区划代码应为12位数字'));
    expect(text).toContain(C.badField('--year', C.limit.min(2000)));
  });

  it('a value the declarations let through but the contract refuses exits 2 naming the flag (plan new --name too short)', () => {
    const run = wdp(
      'plan',
      'new',
      '--id',
      'zhenlai',
      '--region',
      '220821000000',
      '--copy',
      'taobei',
      '--name',
      '镇赉县',
      '--period',
      '2021-2030',
      '--base-year',
      '2020',
    );
    expect(refused(run)).toContain(C.badField('--name', C.limit.minChars(4)));
  });
});

describe('files', () => {
  it('a missing file is 找不到文件, with no raw ENOENT (validate, import, merge)', () => {
    const missing = join(dir, 'none.xlsx');
    for (const run of [wdp('validate', missing), wdp('import', missing)]) {
      expect(run.code).toBe(2);
      expect(run.stdout + run.stderr).toContain(
        MESSAGES.excel.cli.cannotRead('none.xlsx', MESSAGES.files.reason('ENOENT')),
      );
      expect(run.stdout + run.stderr).not.toContain('ENOENT');
    }
    const merge = wdp('merge', '--region', COUNTY, '--year', '2024', missing);
    expect(merge.stdout + merge.stderr).toContain(MESSAGES.files.reason('ENOENT'));
    expect(merge.stdout + merge.stderr).not.toContain('ENOENT');
  });

  it('an unreadable file says 没有读取权限 (the error as the system gives it; tests run as root, who reads anything)', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open '/x/a.xlsx'"), { code: 'EACCES' });
    expect(systemErrorText(denied, '/x/a.xlsx')).toBe(
      MESSAGES.files.cannotRead('a.xlsx', MESSAGES.files.reason('EACCES')),
    );
    expect(MESSAGES.files.reason('EACCES')).toContain('没有读取权限');
    const gone = Object.assign(new Error("ENOENT: no such file or directory, open '/x/a.xlsx'"), { code: 'ENOENT' });
    expect(systemErrorText(gone, '/x/a.xlsx')).not.toMatch(/ENOENT|\/x\//);
  });

  it('an output file that cannot be written is named in Chinese', () => {
    const run = wdp(
      'template',
      '--plan',
      'jiahe',
      '--region',
      TOWNSHIP,
      '--year',
      '2025',
      '-o',
      join(dir, 'no-such-folder', 't.xlsx'),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      MESSAGES.excel.cli.cannotWrite(join(dir, 'no-such-folder', 't.xlsx'), MESSAGES.files.writeReason('ENOENT')),
    );
    expect(run.stderr).not.toContain('ENOENT');
  });
});

describe('plan show', () => {
  it('an unknown plan id lists the valid ids', () => {
    const run = wdp('plan', 'show', 'nosuch');
    expect(run.code).toBe(1);
    const ids = (JSON.parse(wdp('plans', '--json').stdout) as { plan: { id: string } }[]).map((p) => p.plan.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(run.stderr).toContain(C.unknownPlan('nosuch', ids));
  });
});

/** The CLI section of the README, in both languages. */
function readmeCli(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const zh = readme.slice(readme.indexOf('### 命令行工具'), readme.indexOf('## 功能'));
  const en = readme.slice(readme.indexOf('### Command line'), readme.indexOf('### Features'));
  expect(zh.length).toBeGreaterThan(100);
  expect(en.length).toBeGreaterThan(100);
  return `${zh}\n${en}`;
}
const flagText = (name: string, flag: FlagSpec) => (flag.short ? `-${flag.short}, --${name}` : `--${name}`);

describe('help', () => {
  it('wdp --help lists every command with its one-line summary and the options every command takes', () => {
    const { code, stdout } = wdp('--help');
    expect(code).toBe(0);
    for (const spec of COMMAND_SPECS)
      expect(stdout).toMatch(
        new RegExp(
          `^  ${spec.name.replace(/ /g, ' ')}\\s+${spec.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
          'm',
        ),
      );
    for (const [name, flag] of Object.entries(GLOBAL_FLAGS)) expect(stdout).toContain(`${flagText(name, flag)}`);
  });

  it.each(COMMAND_SPECS.map((s) => [s.name]))(
    'wdp %s --help lists every flag with its description; wdp help … says the same',
    (name) => {
      const spec = COMMAND_SPECS.find((s) => s.name === name)!;
      const words = name.split(' ');
      const help = wdp(...words, '--help');
      expect(help.code, help.stderr).toBe(0);
      expect(help.stdout).toContain(`wdp ${name}`);
      for (const [flag, decl] of Object.entries({ ...spec.flags, ...GLOBAL_FLAGS })) {
        expect(help.stdout).toMatch(
          new RegExp(`${flagText(flag, decl)}.*${decl.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
        );
      }
      expect(wdp('help', ...words).stdout).toBe(help.stdout);
    },
  );

  it("every declared flag appears in the README's CLI section, in both languages, beside its command", () => {
    const cli = readmeCli();
    for (const spec of COMMAND_SPECS) {
      const lines = cli.split('\n').filter((l) => l.includes(`wdp ${spec.name}`));
      expect(lines.length, `README has no line for wdp ${spec.name}`).toBeGreaterThanOrEqual(2);
      // the command's line and the comment lines under it
      const block = (start: number) => {
        const all = cli.split('\n');
        const out = [all[start]];
        for (let i = start + 1; i < all.length && /^\s+#/.test(all[i]); i++) out.push(all[i]);
        return out.join('\n');
      };
      const all = cli.split('\n');
      const blocks = all
        .map((l, i) => (l.includes(`npx wdp ${spec.name} `) || l.endsWith(`npx wdp ${spec.name}`) ? block(i) : null))
        .filter((b): b is string => b !== null);
      expect(blocks.length, spec.name).toBe(2);
      for (const b of blocks) {
        for (const [flag, decl] of Object.entries(spec.flags)) {
          expect(
            b.includes(`--${flag}`) || (decl.short !== undefined && b.includes(`-${decl.short} `)),
            `README: wdp ${spec.name} --${flag}\n${b}`,
          ).toBe(true);
        }
      }
    }
    for (const flag of Object.keys(GLOBAL_FLAGS)) expect(cli).toContain(`--${flag}`);
  });

  it('wdp plan --help lists its subcommands; an unknown subcommand names them', () => {
    const help = wdp('plan', '--help');
    expect(help.code).toBe(0);
    for (const sub of ['show', 'new', 'edit', 'local', 'import', 'export'])
      expect(help.stdout).toContain(`wdp plan ${sub}`);
    const bad = refused(wdp('plan', 'shwo', 'taobei'));
    expect(bad).toContain(C.unknownSubcommand('plan', 'shwo', ['show', 'new', 'edit', 'local', 'import', 'export']));
  });
});
