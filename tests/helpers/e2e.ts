// Browser end-to-end harness: the real back end (openApp on a temp database), the loopback adapter serving the
// built renderer (dist/renderer), and Debian's Chromium driven by playwright-core.
//
//   const e2e = await startE2E();
//   await e2e.page.getByRole('button', { name: '保存并开始' }).click();
//   await e2e.restart();              // same database, new back end + server, page reloaded
//   await e2e.screenshot('home');     // tests/.artifacts/home.png
//   await e2e.close();                // in afterAll / afterEach
//
// `npm test` builds the renderer before vitest runs; when running a single file by hand, `npm run build` first.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AppBackend } from '../../electron/backend/open-app.ts';
import { openTestBackend } from './backend.ts';
import { startLoopback, type LoopbackServer } from '../../electron/loopback/server.ts';
import { folderShell } from '../../electron/context/shell.ts';
import { REPO_ROOT } from './paths.ts';

export const CHROMIUM_PATH = process.env.WDP_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const RENDERER_DIR = join(REPO_ROOT, 'dist', 'renderer');
export const ARTIFACTS_DIR = join(REPO_ROOT, 'tests', '.artifacts');
export const VIEWPORT = { width: 1360, height: 860 };

export interface StartE2EOptions {
  /** an existing database file to open (default: wdp.sqlite in a fresh temp dir, removed on close) */
  dbFile?: string;
  /** the back end's clock */
  now?: () => Date;
  /** where files 'saved' through the save dialog land (default: downloads/ beside the database) */
  downloadsDir?: string;
}

export interface E2E {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  /** the current back end and server: both are replaced by restart() */
  backend: AppBackend;
  loopback: LoopbackServer;
  dbFile: string;
  /** where files saved through the save dialog (shell:save-file) land */
  downloadsDir: string;
  /** page errors and console errors seen so far (a test can assert none) */
  errors: string[];
  /** closes the back end and server, reopens both on the same database and loads the page again */
  restart: () => Promise<void>;
  /** saves tests/.artifacts/<name>.png (the full page) and returns its path */
  screenshot: (name: string, options?: { fullPage?: boolean }) => Promise<string>;
  close: () => Promise<void>;
}

export function assertRendererBuilt(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `The built renderer is missing (${join(RENDERER_DIR, 'index.html')}). Run \`npm run build\` first (npm test does it before vitest).`,
    );
  }
}

export async function startE2E(options: StartE2EOptions = {}): Promise<E2E> {
  assertRendererBuilt();
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing (${CHROMIUM_PATH}). Install it: apt-get install chromium fonts-noto-cjk (see .ci/run).`,
    );
  }
  const ownDir = options.dbFile ? null : mkdtempSync(join(tmpdir(), 'wdp-e2e-'));
  const dbFile = options.dbFile ?? join(ownDir!, 'wdp.sqlite');
  const downloadsDir = options.downloadsDir ?? join(ownDir ?? mkdtempSync(join(tmpdir(), 'wdp-e2e-dl-')), 'downloads');

  const open = async () => {
    const backend = openTestBackend({ dbFile, now: options.now, shell: folderShell(downloadsDir) });
    try {
      const loopback = await startLoopback({ handlers: backend.handlers, staticDir: RENDERER_DIR });
      return { backend, loopback };
    } catch (error) {
      backend.close();
      throw error;
    }
  };
  const entryUrl = (loopback: LoopbackServer) => `${loopback.url}/?token=${loopback.token}`;

  let { backend, loopback } = await open();
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    await page.goto(entryUrl(loopback));

    let closed = false;
    const e2e: E2E = {
      page,
      context,
      browser,
      backend,
      loopback,
      dbFile,
      downloadsDir,
      errors,
      async restart() {
        // the program ends whole: its window first (the old page would otherwise keep calling a server that is gone)
        await page.goto('about:blank');
        await loopback.close();
        backend.close();
        ({ backend, loopback } = await open());
        e2e.backend = backend;
        e2e.loopback = loopback;
        // A new server means a new port and token: load the app afresh, as a new start of the program would.
        await page.goto(entryUrl(loopback));
      },
      async screenshot(name, shotOptions = {}) {
        mkdirSync(ARTIFACTS_DIR, { recursive: true });
        const file = join(ARTIFACTS_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: shotOptions.fullPage ?? true, animations: 'disabled' });
        return file;
      },
      async close() {
        if (closed) return;
        closed = true;
        try {
          await browser?.close();
        } finally {
          await loopback.close();
          backend.close();
          if (ownDir) rmSync(ownDir, { recursive: true, force: true });
        }
      },
    };
    return e2e;
  } catch (error) {
    await browser?.close().catch(() => {});
    await loopback.close();
    backend.close();
    if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    throw error;
  }
}

/** A temp directory for a test's own database (e.g. to pass as dbFile); removed by the returned function. */
export function tempDbFile(prefix = 'wdp-test-'): { dbFile: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dbFile: join(dir, 'wdp.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** 海明街道 of 洮北区: the township most entry tests type into. */
export const E2E_TOWNSHIP = '220802001000';

/**
 * Sets the township profile (洮北区 plan, 海明街道, user 张丽), reloads and opens 数据填报 at 1366×768; with
 * `newReturn` creates the year's return, with `tab` opens that area.
 */
export async function openTownshipEntry(e2e: E2E, options: { newReturn?: boolean; tab?: RegExp } = {}): Promise<void> {
  await e2e.backend.handlers['settings:set-profile']({
    planId: 'taobei',
    role: 'township',
    regionCode: E2E_TOWNSHIP,
    userName: '张丽',
  });
  await e2e.page.setViewportSize({ width: 1366, height: 768 });
  await e2e.page.reload();
  await e2e.page.getByRole('button', { name: '数据填报' }).click();
  if (options.newReturn) await e2e.page.getByRole('button', { name: /新建 \d+ 年报表/ }).click();
  if (options.tab) await e2e.page.getByRole('tab', { name: options.tab }).click();
}
