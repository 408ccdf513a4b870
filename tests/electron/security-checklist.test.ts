// Electron's security checklist (docs/tutorial/security.md, "Checklist: Security Recommendations"), all 20
// items, each checked from the code and the packaging config. The table says how each is verified; the pack test
// (tests/packaging/pack.test.ts) also reads the fuses back from the packed executable.
import { describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { App, IpcMain, Session } from 'electron';
import { CONTENT_SECURITY_POLICY, hardenApp, secureWindowOptions } from '../../electron/window.ts';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, isAppUrl } from '../../electron/app-protocol.ts';
import { registerIpcHandlers } from '../../electron/ipc/register.ts';
import { CHANNELS } from '../../shared/api/contract.ts';
import type { Handlers } from '../../electron/api/handler-types.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

const bridge = vi.hoisted(() => ({ exposed: [] as [string, unknown][], invoked: [] as string[] }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.push([key, value]) },
  ipcRenderer: {
    invoke: async (channel: string) => {
      bridge.invoked.push(channel);
      return null;
    },
    on: () => {},
    send: () => {},
  },
}));

const yaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => any };
const builderConfig = yaml.load(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8'));

/** Every source file of the main process, the preload and the renderer (what could weaken a rule). */
function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|js|html)$/.test(name)
      ? [{ file: relative(REPO_ROOT, path), text: readFileSync(path, 'utf8') }]
      : [];
  });
}
const CODE = [...sources(join(REPO_ROOT, 'electron')), ...sources(join(REPO_ROOT, 'renderer'))];
const mainTs = readFileSync(join(REPO_ROOT, 'electron', 'main.ts'), 'utf8');
const filesMatching = (pattern: RegExp) => CODE.filter((f) => pattern.test(f.text)).map((f) => f.file);

type Listener = (...args: any[]) => any;
/** hardenApp run against stand-ins for app and session, returning what it registered. */
function hardened() {
  const appListeners = new Map<string, Listener>();
  const session = {
    permission: null as Listener | null,
    headers: null as Listener | null,
    request: null as Listener | null,
  };
  hardenApp(
    { on: (event: string, fn: Listener) => appListeners.set(event, fn) } as unknown as App,
    {
      setPermissionRequestHandler: (fn: Listener) => {
        session.permission = fn;
      },
      webRequest: {
        onHeadersReceived: (fn: Listener) => {
          session.headers = fn;
        },
        onBeforeRequest: (fn: Listener) => {
          session.request = fn;
        },
      },
    } as unknown as Session,
    isAppUrl,
  );
  const contents = { events: new Map<string, Listener>(), open: null as Listener | null };
  appListeners.get('web-contents-created')!(
    {},
    {
      on: (event: string, fn: Listener) => contents.events.set(event, fn),
      setWindowOpenHandler: (fn: Listener) => {
        contents.open = fn;
      },
    },
  );
  const cancelled = (url: string) => {
    let answer: any;
    session.request!({ url }, (a: any) => {
      answer = a;
    });
    return answer.cancel as boolean;
  };
  const prevented = (event: string, ...args: unknown[]) => {
    const e = { preventDefault: vi.fn() };
    contents.events.get(event)!(e, ...args);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { session, contents, cancelled, prevented };
}
const prefs = secureWindowOptions('/app/preload.cjs').webPreferences!;

const CHECKLIST: { n: number; item: string; how: string; check: () => void | Promise<void> }[] = [
  {
    n: 1,
    item: 'Only load secure content',
    how: 'the page is app://wdp/ (a secure scheme); the network filter cancels http, https, ws and ftp',
    check: () => {
      expect(APP_INDEX_URL.startsWith('app://wdp/')).toBe(true);
      expect(APP_SCHEME_PRIVILEGES.privileges.secure).toBe(true);
      const { cancelled } = hardened();
      for (const url of [
        'http://example.com/a.js',
        'https://example.com/a.js',
        'ws://example.com/',
        'ftp://example.com/x',
      ])
        expect(cancelled(url), url).toBe(true);
      expect(mainTs).not.toMatch(/https?:\/\//);
    },
  },
  {
    n: 2,
    item: 'Do not enable Node.js integration for remote content',
    how: 'nodeIntegration, in workers and in subframes all false in the only window options',
    check: () => {
      expect(prefs).toMatchObject({
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
      });
      expect(filesMatching(/nodeIntegration\w*:\s*true/)).toEqual([]);
    },
  },
  {
    n: 3,
    item: 'Enable context isolation',
    how: 'contextIsolation true; nothing sets it false',
    check: () => {
      expect(prefs.contextIsolation).toBe(true);
      expect(filesMatching(/contextIsolation:\s*false/)).toEqual([]);
    },
  },
  {
    n: 4,
    item: 'Enable process sandboxing',
    how: 'sandbox true; no --no-sandbox switch',
    check: () => {
      expect(prefs.sandbox).toBe(true);
      expect(filesMatching(/sandbox:\s*false|no-sandbox|disable-sandbox/)).toEqual([]);
    },
  },
  {
    n: 5,
    item: 'Handle session permission requests from remote content',
    how: 'the permission handler answers false to every request',
    check: () => {
      const { session } = hardened();
      for (const permission of [
        'media',
        'geolocation',
        'notifications',
        'openExternal',
        'clipboard-read',
        'fileSystem',
      ]) {
        const answer = vi.fn();
        session.permission!({}, permission, answer);
        expect(answer, permission).toHaveBeenCalledWith(false);
      }
    },
  },
  {
    n: 6,
    item: 'Do not disable webSecurity',
    how: 'webSecurity true; nothing sets it false',
    check: () => {
      expect(prefs.webSecurity).toBe(true);
      expect(filesMatching(/webSecurity:\s*false|disable-web-security/)).toEqual([]);
    },
  },
  {
    n: 7,
    item: 'Define a Content Security Policy',
    how: "a strict CSP header on every response (session and app:// handler) and in index.html: default-src 'none', no eval, no remote source",
    check: () => {
      const { session } = hardened();
      let headers: any;
      session.headers!({ url: APP_INDEX_URL, responseHeaders: {} }, (a: any) => {
        headers = a.responseHeaders;
      });
      expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
      expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
      expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
      expect(readFileSync(join(REPO_ROOT, 'electron', 'app-protocol.ts'), 'utf8')).toContain(
        "'Content-Security-Policy': CONTENT_SECURITY_POLICY",
      );
      expect(readFileSync(join(REPO_ROOT, 'renderer', 'index.html'), 'utf8')).toMatch(
        /http-equiv="Content-Security-Policy" content="default-src 'none'/,
      );
    },
  },
  {
    n: 8,
    item: 'Do not enable allowRunningInsecureContent',
    how: 'false in the window options; nothing sets it true',
    check: () => {
      expect(prefs.allowRunningInsecureContent).toBe(false);
      expect(filesMatching(/allowRunningInsecureContent:\s*true/)).toEqual([]);
    },
  },
  {
    n: 9,
    item: 'Do not enable experimental features',
    how: 'experimentalFeatures never set',
    check: () => {
      expect(prefs).not.toHaveProperty('experimentalFeatures');
      expect(filesMatching(/experimentalFeatures/)).toEqual([]);
    },
  },
  {
    n: 10,
    item: 'Do not use enableBlinkFeatures',
    how: 'enableBlinkFeatures and --enable-blink-features never used',
    check: () => {
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      expect(filesMatching(/enableBlinkFeatures|enable-blink-features/)).toEqual([]);
    },
  },
  {
    n: 11,
    item: '<webview>: Do not use allowpopups',
    how: 'webviewTag false; no webview or allowpopups anywhere in the renderer',
    check: () => {
      expect(prefs.webviewTag).toBe(false);
      expect(filesMatching(/allowpopups|<webview/i)).toEqual([]);
    },
  },
  {
    n: 12,
    item: '<webview>: Verify options and params',
    how: 'will-attach-webview is always prevented',
    check: () => {
      expect(
        hardened().prevented('will-attach-webview', { preload: '/evil.js' }, { src: 'https://evil.example/' }),
      ).toBe(true);
    },
  },
  {
    n: 13,
    item: 'Disable or limit navigation',
    how: 'will-navigate only within app://wdp/; every redirect prevented',
    check: () => {
      const { prevented } = hardened();
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil/index.html'])
        expect(prevented('will-navigate', url), url).toBe(true);
      expect(prevented('will-navigate', 'app://wdp/index.html#/home')).toBe(false);
      expect(prevented('will-redirect', 'https://evil.example/')).toBe(true);
    },
  },
  {
    n: 14,
    item: 'Disable or limit the creation of new windows',
    how: "the window open handler denies every URL, the app's own included",
    check: () => {
      const { contents } = hardened();
      for (const url of ['https://evil.example/', APP_INDEX_URL])
        expect(contents.open!({ url })).toEqual({ action: 'deny' });
    },
  },
  {
    n: 15,
    item: 'Do not use shell.openExternal with untrusted content',
    how: 'openExternal is not used at all',
    check: () => {
      expect(filesMatching(/openExternal/)).toEqual([]);
    },
  },
  {
    n: 16,
    item: 'Use a current version of Electron',
    how: 'Electron pinned to an exact supported major (≥ 45), the same in package-lock.json',
    check: () => {
      const pinned: string = pkg.devDependencies.electron;
      expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
      expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(45);
      expect(lock.packages['node_modules/electron'].version).toBe(pinned);
    },
  },
  {
    n: 17,
    item: 'Validate the sender of all IPC messages',
    how: 'every channel is registered through registerIpcHandlers, which refuses any frame but app://wdp/; no other ipcMain listener',
    check: async () => {
      const handled = new Map<string, Listener>();
      const handlers = Object.fromEntries(CHANNELS.map((c) => [c, () => null])) as unknown as Handlers;
      registerIpcHandlers(
        { handle: (c: string, fn: Listener) => handled.set(c, fn) } as unknown as IpcMain,
        handlers,
        isAppUrl,
      );
      expect(handled.size).toBe(CHANNELS.length);
      for (const [channel, handle] of handled) {
        for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://evil/', '']) {
          expect(await handle({ senderFrame: { url } }, {}), `${channel} ${url}`).toMatchObject({
            ok: false,
            error: { code: 'refused' },
          });
        }
      }
      expect(filesMatching(/ipcMain\.(on|handle|once|handleOnce)\(/)).toEqual(['electron/ipc/register.ts']);
    },
  },
  {
    n: 18,
    item: 'Avoid usage of the file:// protocol and prefer usage of custom protocols',
    how: 'app:// registered privileged and standard and handled before the window loads app://wdp/index.html; no loadFile; file:// cancelled and distrusted',
    check: () => {
      expect(APP_SCHEME_PRIVILEGES.privileges.standard).toBe(true);
      expect(mainTs).toMatch(/protocol\.registerSchemesAsPrivileged\(\[APP_SCHEME_PRIVILEGES\]\)/);
      expect(mainTs).toMatch(/protocol\.handle\(APP_SCHEME, createAppProtocolHandler\(/);
      expect(mainTs).toContain('APP_INDEX_URL');
      expect(filesMatching(/\.loadFile\(|pathToFileURL/)).toEqual([]);
      expect(hardened().cancelled('file:///etc/passwd')).toBe(true);
      expect(isAppUrl('file:///app/dist/renderer/index.html')).toBe(false);
    },
  },
  {
    n: 19,
    item: 'Check which fuses you can change',
    how: 'electron-builder flips them at packaging (electronFuses): RunAsNode, NODE_OPTIONS, --inspect and file:// privileges off; asar-only, ASAR integrity and cookie encryption on',
    check: () => {
      expect(builderConfig.electronFuses).toMatchObject({
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        grantFileProtocolExtraPrivileges: false,
        onlyLoadAppFromAsar: true,
        enableEmbeddedAsarIntegrityValidation: true,
        enableCookieEncryption: true,
      });
      expect(builderConfig.asar).toBe(true);
    },
  },
  {
    n: 20,
    item: 'Do not expose Electron APIs to untrusted web content',
    how: 'the preload exposes one frozen object of plain functions, one per channel, each invoking only its own channel; no ipcRenderer, no process',
    check: async () => {
      await import('../../electron/preload.ts');
      expect(bridge.exposed.map(([key]) => key)).toEqual(['wdp']);
      const api = bridge.exposed[0][1] as Record<string, unknown>;
      expect(Object.isFrozen(api)).toBe(true);
      expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
      for (const [channel, fn] of Object.entries(api)) {
        expect(typeof fn, channel).toBe('function');
        await (fn as (input: unknown) => Promise<unknown>)({});
        expect(bridge.invoked.at(-1)).toBe(channel);
      }
      const preload = readFileSync(join(REPO_ROOT, 'electron', 'preload.ts'), 'utf8');
      expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\b(?!\.invoke)|process\.|require\(/);
    },
  },
];

describe('Electron security checklist', () => {
  it('covers all 20 items, numbered 1 to 20', () => {
    expect(CHECKLIST.map((c) => c.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
  it.each(CHECKLIST.map((c) => [`${c.n}. ${c.item} — ${c.how}`, c] as const))('%s', async (_name, c) => {
    await c.check();
  });
});
