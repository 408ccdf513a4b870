// Autosave survives a hard kill: a child process writes through the service and is killed with SIGKILL
// (no clean shutdown, no WAL checkpoint); reopening finds every committed value.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openReturn, viewReturn, requireReturn } from '../../../electron/returns/returns-service.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';
import { openTestBackend, TAOBEI_TOWNSHIP } from '../../helpers/backend.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('autosave', () => {
  it('keeps every committed cell when the process is killed mid-work', async () => {
    const script = join(dir, 'writer.ts');
    writeFileSync(
      script,
      `
      import { openTestBackend, TAOBEI_TOWNSHIP } from ${JSON.stringify(join(REPO_ROOT, 'tests/helpers/backend.ts'))};
      import { openReturn, setCells } from ${JSON.stringify(join(REPO_ROOT, 'electron/returns/returns-service.ts'))};
      const b = openTestBackend({ profile: TAOBEI_TOWNSHIP, dir: ${JSON.stringify(dir)} });
      const id = openReturn(b.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
      for (let i = 1; i <= 200; i++) {
        setCells(b.ctx, id, [{ item: 'PD30', sex: 'total', value: i, noData: null }]);
        process.stdout.write('saved ' + i + '\\n');
      }
      setInterval(() => {}, 1000); // keep running until killed
    `,
    );
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        out += d;
        if (out.includes('saved 200')) resolve();
      }),
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    const reopened = openTestBackend({ profile: TAOBEI_TOWNSHIP, dir });
    const view = viewReturn(
      reopened.ctx,
      requireReturn(reopened.ctx, openReturn(reopened.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id),
    );
    expect(view.data.cells.find((c) => c.item === 'PD30' && c.sex === 'total')?.value).toBe(200);
    expect(reopened.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });
});
