// The Electron shell without Electron: a fake `electron` module records what the main process asks for, so the
// security options, the navigation/permission/request rules, the IPC registration and the lifecycle are checked.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, BrowserWindow as BrowserWindowType, IpcMain, Session } from 'electron';
import { CHANNELS } from '../../shared/api/contract.ts';
import type { Handlers } from '../../electron/api/handler-types.ts';
import type { AppBackend } from '../../electron/backend/open-app.ts';
import { CONTENT_SECURITY_POLICY, createMainWindow, hardenApp } from '../../electron/window.ts';
import { APP_INDEX_URL, isAppUrl } from '../../electron/app-protocol.ts';
import { registerIpcHandlers } from '../../electron/ipc/register.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

type Listener = (...args: any[]) => unknown;

/** A tiny event emitter with the parts of Electron's API the shell uses. */
class Emitter {
  listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener) {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
  has(event: string) {
    return (this.listeners.get(event) ?? []).length > 0;
  }
}

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as any[],
    lock: true,
    appData: '',
    appPath: '',
    backends: [] as AppBackend[],
    app: null as any,
    session: null as any,
    ipcMain: null as any,
    protocol: null as any,
    Menu: null as any,
    reset: () => {},
  };
  return state;
});

function makeFakes() {
  class FakeBrowserWindow extends Emitter {
    options: any;
    loaded: string | null = null;
    shown = false;
    focused = 0;
    constructor(options: any) {
      super();
      this.options = options;
      fake.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    maximize() {}
    getNormalBounds() {
      return { x: 10, y: 20, width: 1300, height: 700 };
    }
    restore() {}
    focus() {
      this.focused += 1;
    }
  }
  const paths = new Map<string, string>();
  const app = Object.assign(new Emitter(), {
    quit: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => fake.lock),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => paths.get(name) ?? (name === 'appData' ? fake.appData : join(fake.appData, name))),
    setPath: vi.fn((name: string, value: string) => {
      paths.set(name, value);
    }),
    getAppPath: vi.fn(() => fake.appPath),
    getVersion: vi.fn(() => '0.1.0'),
    isPackaged: true,
    commandLine: { appendSwitch: vi.fn() },
  });
  const session = {
    permissionHandler: null as Listener | null,
    headersHandler: null as Listener | null,
    requestHandler: null as Listener | null,
    setPermissionRequestHandler(fn: Listener) {
      this.permissionHandler = fn;
    },
    webRequest: {
      onHeadersReceived: (fn: Listener) => {
        session.headersHandler = fn;
      },
      onBeforeRequest: (fn: Listener) => {
        session.requestHandler = fn;
      },
    },
  };
  const handled = new Map<string, Listener>();
  const ipcMain = {
    handled,
    handle: vi.fn((channel: string, fn: Listener) => {
      if (handled.has(channel)) throw new Error(`second handler for ${channel}`);
      handled.set(channel, fn);
    }),
  };
  /** vi.resetModules() does not re-run a vi.mock factory: the same fakes serve every test, so clear them. */
  const reset = () => {
    app.listeners.clear();
    paths.clear();
    for (const fn of [
      app.quit,
      app.requestSingleInstanceLock,
      app.whenReady,
      app.getPath,
      app.setPath,
      app.getAppPath,
      app.commandLine.appendSwitch,
      ipcMain.handle,
    ])
      fn.mockClear();
    session.permissionHandler = session.headersHandler = session.requestHandler = null;
    handled.clear();
  };
  return { FakeBrowserWindow, app, session, ipcMain, reset };
}

vi.mock('electron', () => {
  const { FakeBrowserWindow, app, session, ipcMain, reset } = makeFakes();
  fake.reset = reset;
  fake.app = app;
  fake.session = session;
  fake.ipcMain = ipcMain;
  // The rest of Electron's main-process API the shell may touch (dialogs for import/export, menus, the shell).
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: undefined })),
    showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
    showErrorBox: vi.fn(),
  };
  const shell = { openPath: vi.fn(async () => ''), showItemInFolder: vi.fn(), openExternal: vi.fn(async () => {}) };
  const Menu = {
    setApplicationMenu: vi.fn(),
    buildFromTemplate: vi.fn((template: unknown) => ({ template, popup: vi.fn() })),
  };
  fake.Menu = Menu;
  const screen = { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }]) };
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
  fake.protocol = protocol;
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession: session },
    dialog,
    shell,
    Menu,
    screen,
    default: {},
  };
});

// Keep a handle on the back end main.ts opens, to see that quitting closes it.
vi.mock('../../electron/backend/open-app.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../electron/backend/open-app.ts')>();
  return {
    ...original,
    openApp: (options: Parameters<typeof original.openApp>[0]) => {
      const backend = original.openApp(options);
      fake.backends.push(backend);
      return backend;
    },
  };
});

/** A fake webContents, as passed to app's 'web-contents-created'. */
function fakeContents() {
  const contents = Object.assign(new Emitter(), {
    openHandler: null as Listener | null,
    setWindowOpenHandler(fn: Listener) {
      contents.openHandler = fn;
    },
  });
  return contents;
}
const fakeEvent = () => ({ preventDefault: vi.fn() });

const TRUSTED = 'app://wdp';
const isTrusted = isAppUrl;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

// main.ts installs its crash handlers on this process: take them off again after each test (vitest has its own).
const CRASH_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
let processListeners = new Map<string, ((...args: unknown[]) => unknown)[]>();
const listenersOf = (event: (typeof CRASH_EVENTS)[number]) =>
  process.listeners(event as 'uncaughtException') as ((...args: unknown[]) => unknown)[];
const addedListeners = (event: (typeof CRASH_EVENTS)[number]) =>
  listenersOf(event).filter((l) => !processListeners.get(event)!.includes(l));
beforeEach(() => {
  processListeners = new Map(CRASH_EVENTS.map((e) => [e, listenersOf(e)]));
});
afterEach(() => {
  for (const event of CRASH_EVENTS)
    for (const l of addedListeners(event))
      process.removeListener(event as 'uncaughtException', l as (...args: any[]) => void);
});

beforeEach(async () => {
  // main.ts runs at import: a fresh module per test; the fakes are cleared below.
  vi.resetModules();
  fake.windows = [];
  fake.backends = [];
  fake.lock = true;
  await import('electron');
  fake.reset();
});

async function electronFakes() {
  const electron = await import('electron');
  return {
    BrowserWindow: electron.BrowserWindow as unknown as typeof BrowserWindowType,
    app: fake.app,
    session: fake.session,
    ipcMain: fake.ipcMain,
  };
}

describe('createMainWindow', () => {
  it('creates an isolated, sandboxed window without Node, with the preload, and shows it when ready', async () => {
    const { BrowserWindow } = await electronFakes();
    createMainWindow(BrowserWindow, '/app/dist-electron/preload.cjs', APP_INDEX_URL);
    expect(fake.windows).toHaveLength(1);
    const [win] = fake.windows;
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist-electron/preload.cjs',
    });
    expect(win.options.show).toBe(false);
    expect(win.loaded).toBe('app://wdp/index.html');
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });
});

describe('hardenApp', () => {
  async function hardened() {
    const { app, session } = await electronFakes();
    hardenApp(app as unknown as App, session as unknown as Session, isTrusted);
    return { app, session };
  }

  it('denies every permission request', async () => {
    const { session } = await hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
  });

  it('sets the Content-Security-Policy header on every response, keeping the others', async () => {
    const { session } = await hardened();
    const callback = vi.fn();
    session.headersHandler!({ url: `${TRUSTED}/index.html`, responseHeaders: { 'X-Other': ['1'] } }, callback);
    const headers = callback.mock.calls[0][0].responseHeaders;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['X-Other']).toEqual(['1']);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it("cancels remote requests and every file:// URL, and lets the app's own app://wdp/ files through", async () => {
    const { session } = await hardened();
    const decide = (url: string) => {
      const callback = vi.fn();
      session.requestHandler!({ url }, callback);
      return callback.mock.calls[0][0];
    };
    for (const url of [
      'https://example.com/x.js',
      'http://127.0.0.1:8080/',
      'ws://evil.example/',
      'ftp://x/y',
      'file:///etc/passwd',
      pathToFileURL(join(REPO_ROOT, 'dist', 'renderer', 'index.html')).href,
      'app://evil/index.html',
    ])
      expect(decide(url), url).toEqual({ cancel: true });
    for (const url of [`${TRUSTED}/index.html`, `${TRUSTED}/assets/a.js`, 'data:image/png;base64,AAAA'])
      expect(decide(url), url).toEqual({ cancel: false });
  });

  it('prevents navigation away from the app, redirects and webviews, and denies new windows', async () => {
    const { app } = await hardened();
    const contents = fakeContents();
    app.emit('web-contents-created', {}, contents);

    const foreign = fakeEvent();
    contents.emit('will-navigate', foreign, 'https://evil.example/');
    expect(foreign.preventDefault).toHaveBeenCalled();
    const fileElsewhere = fakeEvent();
    contents.emit('will-navigate', fileElsewhere, 'file:///etc/passwd');
    expect(fileElsewhere.preventDefault).toHaveBeenCalled();
    const own = fakeEvent();
    contents.emit('will-navigate', own, `${TRUSTED}/index.html#/home`);
    expect(own.preventDefault).not.toHaveBeenCalled();

    const redirect = fakeEvent();
    contents.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();

    expect(contents.openHandler).toBeTypeOf('function');
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: `${TRUSTED}/index.html` })).toEqual({ action: 'deny' });
  });
});

describe('registerIpcHandlers', () => {
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, () => null])) as unknown as Handlers;

  it('registers exactly one handler per channel', async () => {
    const { ipcMain } = await electronFakes();
    registerIpcHandlers(ipcMain as unknown as IpcMain, handlers, isTrusted);
    expect(ipcMain.handle).toHaveBeenCalledTimes(CHANNELS.length);
    expect([...ipcMain.handled.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it("refuses a sender frame that is not the app's page, and dispatches for the app", async () => {
    const { ipcMain } = await electronFakes();
    registerIpcHandlers(ipcMain as unknown as IpcMain, handlers, isTrusted);
    const handle = ipcMain.handled.get('settings:get-profile')!;
    for (const frame of [
      { url: 'https://evil.example/' },
      { url: 'file:///tmp/evil.html' },
      { url: '' },
      null,
      undefined,
    ]) {
      const result = await handle({ senderFrame: frame }, {});
      expect(result, JSON.stringify(frame)).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    expect(await handle({ senderFrame: { url: `${TRUSTED}/index.html` } }, {})).toEqual({ ok: true, value: null });
    expect(await handle({ senderFrame: { url: `${TRUSTED}/index.html` } }, 42)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });
});

describe('electron/main.ts', () => {
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  function setupPaths() {
    fake.appData = mkdtempSync(join(tmpdir(), 'wdp-main-'));
    dirs.push(fake.appData);
    fake.appPath = REPO_ROOT;
  }

  it('a second instance quits at once and opens nothing', async () => {
    setupPaths();
    fake.lock = false;
    await import('../../electron/main.ts');
    await flush();
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
    expect(fake.backends).toHaveLength(0);
    expect(fake.app.has('will-quit')).toBe(false);
  });

  it('the first instance hardens, opens the database in userData, registers IPC and shows the window; will-quit closes the database', async () => {
    setupPaths();
    fake.lock = true;
    await import('../../electron/main.ts');
    await flush();
    expect(fake.app.quit).not.toHaveBeenCalled();
    // Chromium's own widgets (a date box, the text menu) in Chinese whatever the system's language
    expect(fake.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'zh-CN');
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', join(fake.appData, 'wdp-monitor'));
    expect(fake.session.permissionHandler).toBeTypeOf('function');
    expect(fake.session.requestHandler).toBeTypeOf('function');
    expect(fake.app.has('web-contents-created')).toBe(true);

    expect(fake.backends).toHaveLength(1);
    const [backend] = fake.backends;
    expect(backend.ctx.dbFile).toBe(join(fake.appData, 'wdp-monitor', 'wdp.sqlite'));
    expect(backend.ctx.db.open).toBe(true);

    expect([...fake.ipcMain.handled.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(fake.windows).toHaveLength(1);
    const [win] = fake.windows;
    expect(win.options.webPreferences.preload).toBe(join(REPO_ROOT, 'dist-electron', 'preload.cjs'));
    // The page comes from app://wdp/, served by the registered handler from dist/renderer only.
    expect(win.loaded).toBe('app://wdp/index.html');
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const serve = fake.protocol.handle.mock.calls[0][1] as (request: Request) => Promise<Response>;
    const page = await serve(new Request('app://wdp/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect((await serve(new Request('app://wdp/..%2f..%2fpackage.json'))).status).toBe(404);

    // The app's own page may call; another frame may not.
    const handle = fake.ipcMain.handled.get('settings:get-profile')!;
    expect(await handle({ senderFrame: { url: 'app://wdp/index.html#/home' } }, {})).toEqual({ ok: true, value: null });
    // The built page opened over file:// is not the app any more.
    expect(
      await handle({ senderFrame: { url: pathToFileURL(join(REPO_ROOT, 'dist', 'renderer', 'index.html')).href } }, {}),
    ).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await handle({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false });
    // A host whose name merely starts like the app's is not the app.
    expect(await handle({ senderFrame: { url: 'app://wdpx/index.html' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });

    // The Chinese application menu is set, and a menu item's command reaches the page through the contract.
    const template = fake.Menu.setApplicationMenu.mock.calls[0][0].template;
    expect(template.map((m: { label: string }) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    template[0].submenu.find((i: { label?: string }) => i.label === '保存').click();
    const appFrame = { senderFrame: { url: 'app://wdp/index.html' } };
    expect(await fake.ipcMain.handled.get('shell:menu-command')!(appFrame, { waitMs: 0 })).toEqual({
      ok: true,
      value: { command: 'save' },
    });
    expect(await fake.ipcMain.handled.get('shell:menu-command')!(appFrame, { waitMs: 0 })).toEqual({
      ok: true,
      value: { command: null },
    });
    // Closing remembers the window's size and position.
    win.emit('close');
    expect(JSON.parse(readFileSync(join(fake.appData, 'wdp-monitor', 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 10, y: 20, width: 1300, height: 700 },
      maximized: false,
    });

    // A second start focuses the existing window.
    fake.app.emit('second-instance', {}, [], '');
    expect(win.focused).toBe(1);

    fake.app.emit('will-quit');
    expect(backend.ctx.db.open).toBe(false);
    expect(() => fake.app.emit('will-quit')).not.toThrow();
  });

  it('logs to userData/logs and turns an uncaught error into a Chinese error box with 导出诊断信息, which saves a zip', async () => {
    setupPaths();
    fake.lock = true;
    const { dialog } = await import('electron');
    await import('../../electron/main.ts');
    await flush();
    const log = readFileSync(join(fake.appData, 'wdp-monitor', 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/\[info\] +start app=\d+\.\d+\.\d+ schema=\d+/);
    const [onUncaught] = addedListeners('uncaughtException');
    expect(addedListeners('unhandledRejection')).toHaveLength(1);
    (dialog.showMessageBox as any).mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    onUncaught(new Error('unexpected in main'));
    await vi.waitFor(() => expect(dialog.showSaveDialog).toHaveBeenCalled());
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'error',
        title: '程序出现意外错误',
        buttons: ['导出诊断信息', '关闭'],
        message: expect.stringContaining('unexpected in main'),
      }),
    );
    expect((dialog.showSaveDialog as any).mock.calls.at(-1).at(-1)).toMatchObject({
      defaultPath: expect.stringMatching(/诊断信息-\d{8}-\d{6}\.zip$/),
      filters: [{ extensions: ['zip'] }],
    });
    expect(readFileSync(join(fake.appData, 'wdp-monitor', 'logs', 'main.log'), 'utf8')).toMatch(
      /\[error\] +main process uncaughtException\nError: unexpected in main/,
    );
    fake.app.emit('will-quit');
  });

  it('a database written by a newer version stops the start with a Chinese error box and leaves the file untouched', async () => {
    setupPaths();
    fake.lock = true;
    const dir = join(fake.appData, 'wdp-monitor');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'wdp.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(file);
    const { dialog } = await import('electron');
    await import('../../electron/main.ts');
    await flush();
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      '妇女发展监测填报',
      expect.stringMatching(/数据库版本（999）比本程序支持的版本.*新/s),
    );
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
