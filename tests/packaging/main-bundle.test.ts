// The bundled main process (dist-electron/main.cjs, what Electron actually runs) loads under a stand-in
// `electron` module: it registers one IPC handler per contract entry, opens the database in userData and
// loads the renderer. Catches what only bundling can break (import.meta, dynamic requires, missing files).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/api/contract.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HARNESS = `
const Module = require('module');
const calls = [];
const paths = {};
const app = {
  setPath: (name, value) => { paths[name] = value; }, getPath: (name) => paths[name] ?? require('path').join(${JSON.stringify(dir)}, name),
  requestSingleInstanceLock: () => true, commandLine: { appendSwitch: () => {} }, quit: () => calls.push('quit'), on: () => {}, whenReady: () => Promise.resolve(),
  getAppPath: () => ${JSON.stringify(REPO_ROOT)}, isPackaged: true, getVersion: () => '0.0.0',
};
const Menu = { buildFromTemplate: (template) => ({ template }), setApplicationMenu: (menu) => calls.push({ menu: menu.template.map((m) => [m.label, m.submenu.map((i) => i.role ?? i.label ?? i.type)]) }) };
const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }] };
class BrowserWindow { constructor(o) { calls.push({ window: o.webPreferences }); this.webContents = {}; } once() {} on() {} loadURL(u) { calls.push({ loadURL: u }); return Promise.resolve(); } }
const protocol = { registerSchemesAsPrivileged: (s) => calls.push({ privileged: s }), handle: (scheme, fn) => { calls.push({ protocol: scheme }); globalThis.serve = fn; } };
const electron = { app, BrowserWindow, Menu, screen, dialog: {}, protocol, ipcMain: { handle: (c) => calls.push({ handle: c }) },
  session: { defaultSession: { setPermissionRequestHandler() {}, webRequest: { onHeadersReceived() {}, onBeforeRequest() {} } } } };
const load = Module._load;
Module._load = function (request) { return request === 'electron' ? electron : load.apply(this, arguments); };
require(${JSON.stringify(join(REPO_ROOT, 'dist-electron', 'main.cjs'))});
setTimeout(async () => {
  const page = await globalThis.serve(new Request('app://wdp/index.html'));
  calls.push({ served: page.status, type: page.headers.get('content-type') });
  process.stdout.write(JSON.stringify({ calls, userData: paths.userData })); process.exit(0);
}, 1000);
`;

describe('bundled main process', () => {
  it('starts under a stand-in electron and serves every channel', () => {
    const bundle = join(REPO_ROOT, 'dist-electron', 'main.cjs');
    expect(existsSync(bundle), 'run npm run build first (npm test does)').toBe(true);
    const harness = join(dir, 'harness.cjs');
    writeFileSync(harness, HARNESS);
    const result = spawnSync(process.execPath, [harness], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
    const { calls, userData } = JSON.parse(result.stdout) as { calls: Record<string, unknown>[]; userData: string };
    const handled = calls.filter((c) => 'handle' in c).map((c) => c.handle);
    expect([...handled].sort()).toEqual([...CHANNELS].sort());
    expect(calls.find((c) => 'window' in c)?.window).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(calls.find((c) => 'loadURL' in c)?.loadURL).toBe('app://wdp/index.html');
    expect(calls.find((c) => 'privileged' in c)?.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(calls.find((c) => 'served' in c)).toEqual({ served: 200, type: 'text/html; charset=utf-8' });
    expect(existsSync(join(userData, 'wdp.sqlite'))).toBe(true);
    // electron-log (bundled) writes the rotating log beside it
    expect(readFileSync(join(userData, 'logs', 'main.log'), 'utf8')).toMatch(/\[info\] +start app=/);
    // the packaged build's Chinese menu, without reload or developer tools
    const menu = calls.find((c) => 'menu' in c)?.menu as [string, string[]][];
    expect(menu.map(([label]) => label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(menu.flatMap(([, items]) => items)).not.toEqual(expect.arrayContaining(['reload']));
    expect(menu.flatMap(([, items]) => items)).not.toEqual(expect.arrayContaining(['toggleDevTools']));
  });
});
