// The desktop app's merge import in the bundled main process (dist-electron/main.cjs): its read workers are
// dist-electron/read-worker.cjs, found beside main.cjs (there is no import.meta in CommonJS). A long import through
// the IPC handlers (merge:import-start, merge:import-progress) of more than a dozen files reads them on a worker
// and stores every one — what only the bundle can break (a worker file not built or not found).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';
import { openTestBackend } from '../helpers/backend.ts';
import { requireFramework } from '../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../electron/frameworks/regions-service.ts';
import { COUNTY } from '../electron/merge/helpers.ts';
import { returnFile } from '../electron/merge/excel-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-bundle-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const folder = join(dir, '乡镇报表');
const FILES = 16;

beforeAll(async () => {
  const b = openTestBackend();
  try {
    const fw = requireFramework(b.ctx, 'taobei');
    const towns = listChildRegions(b.ctx, COUNTY).slice(0, FILES);
    mkdirSync(folder, { recursive: true });
    const first = join(folder, `${towns[0].name}.xlsx`);
    writeFileSync(first, await returnFile(fw, { regionCode: towns[0].code, regionName: towns[0].name, year: 2024 }));
    for (let i = 1; i < FILES; i++) copyFileSync(first, join(folder, `副本${i}.xlsx`));
  } finally {
    b.dispose();
  }
}, 60_000);

const HARNESS = `
const Module = require('module');
const handlers = {};
const paths = {};
const app = {
  setPath: (name, value) => { paths[name] = value; }, getPath: (name) => paths[name] ?? require('path').join(${JSON.stringify(dir)}, name),
  requestSingleInstanceLock: () => true, commandLine: { appendSwitch: () => {} }, quit: () => {}, on: () => {}, whenReady: () => Promise.resolve(),
  getAppPath: () => ${JSON.stringify(REPO_ROOT)}, isPackaged: true, getVersion: () => '0.0.0',
};
const Menu = { buildFromTemplate: (template) => ({ template }), setApplicationMenu: () => {} };
const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }] };
class BrowserWindow { constructor() { this.webContents = {}; } once() {} on() {} loadURL() { return Promise.resolve(); } }
const protocol = { registerSchemesAsPrivileged: () => {}, handle: () => {} };
const electron = { app, BrowserWindow, Menu, screen, dialog: {}, protocol, ipcMain: { handle: (c, fn) => { handlers[c] = fn; } },
  session: { defaultSession: { setPermissionRequestHandler() {}, webRequest: { onHeadersReceived() {}, onBeforeRequest() {} } } } };
const load = Module._load;
Module._load = function (request) { return request === 'electron' ? electron : load.apply(this, arguments); };
require(${JSON.stringify(join(REPO_ROOT, 'dist-electron', 'main.cjs'))});
const event = { senderFrame: { url: 'app://wdp/index.html' } };
setTimeout(async () => {
  const where = { year: 2024, regionCode: ${JSON.stringify(COUNTY)}, planId: 'taobei' };
  const started = await handlers['merge:import-start'](event, { ...where, source: { kind: 'paths', paths: [${JSON.stringify(folder)}] } });
  if (!started.ok) { process.stdout.write(JSON.stringify(started)); process.exit(0); }
  const verdicts = [];
  let last;
  for (;;) {
    last = await handlers['merge:import-progress'](event, { operationId: started.value.operationId, since: verdicts.length, waitMs: 2000 });
    if (!last.ok) break;
    verdicts.push(...last.value.verdicts);
    if (last.value.state !== 'running') break;
  }
  process.stdout.write(JSON.stringify({ started, last, verdicts }));
  process.exit(0);
}, 1000);
`;

describe('bundled main process: the merge import', () => {
  it('reads more than a dozen files on dist-electron/read-worker.cjs and stores every one', () => {
    expect(
      existsSync(join(REPO_ROOT, 'dist-electron', 'read-worker.cjs')),
      'run npm run build first (npm test does)',
    ).toBe(true);
    const harness = join(dir, 'harness.cjs');
    writeFileSync(harness, HARNESS);
    const result = spawnSync(process.execPath, [harness], { encoding: 'utf8', timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.started.ok, JSON.stringify(out.started)).toBe(true);
    expect(out.started.value.total).toBe(FILES);
    expect(out.last.value).toMatchObject({ state: 'done', read: FILES, stored: FILES });
    // one accepted, the copies accepted as the same file again (a note), none refused (a worker that failed would refuse them)
    expect(out.verdicts).toHaveLength(FILES);
    expect(out.verdicts.filter((v: { verdict: string }) => v.verdict === 'rejected')).toEqual([]);
  }, 180_000);
});
