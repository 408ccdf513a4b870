// The app:// scheme serves the built renderer folder and nothing else: path traversal in every spelling, other
// hosts, links out of the folder, folders, unknown types and writes are refused; files come with their MIME type,
// the Content-Security-Policy header and nosniff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  isAppUrl,
  resolveAppFile,
} from '../../electron/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/window.ts';

let dir: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wdp-protocol-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(root, 'assets', 'data.bin'), 'x');
  writeFileSync(join(dir, 'secret.js'), 'stolen');
  mkdirSync(join(dir, 'renderer-evil'));
  writeFileSync(join(dir, 'renderer-evil', 'index.html'), 'evil');
  symlinkSync(join(dir, 'secret.js'), join(root, 'assets', 'link.js'));
  mkdirSync(join(root, 'folder.js'));
  handle = createAppProtocolHandler(root);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('corsEnabled');
  });

  it("serves the app's files with their MIME type, the CSP header and nosniff", async () => {
    for (const [url, type, body] of [
      [APP_INDEX_URL, 'text/html; charset=utf-8', '<!doctype html><title>app</title>'],
      ['app://wdp/', 'text/html; charset=utf-8', '<!doctype html><title>app</title>'],
      ['app://wdp/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['app://wdp/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ] as const) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(await response.text(), url).toBe(body);
    }
    expect((await get('app://wdp/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2');
    expect((await get('app://wdp/index.html?x=1#/home')).status).toBe(200);
  });

  it('refuses every way out of the folder', async () => {
    for (const url of [
      'app://wdp/../secret.js',
      'app://wdp/%2e%2e/secret.js',
      'app://wdp/..%2fsecret.js',
      'app://wdp/..%2Fsecret.js',
      'app://wdp/assets/..%2f..%2fsecret.js',
      'app://wdp/..%5csecret.js',
      'app://wdp/%2e%2e%2f%2e%2e%2fetc/passwd',
      'app://wdp/../renderer-evil/index.html',
      'app://wdp/assets/link.js',
      'app://wdp/index.html%00.js',
      'app://wdp/%E0%A4%A',
      'app://wdp/folder.js',
      'app://wdp/nosuch.js',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('stolen');
    }
  });

  it('refuses other hosts, other schemes, unknown types and writes', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://wdp/assets/data.bin')).status).toBe(404);
    expect((await get('app://wdp/index.html', 'POST')).status).toBe(405);
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppFile(root, 'not a url')).toBeNull();
    expect(resolveAppFile(root, 'app://wdp/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it('trusts only app://wdp/ URLs', () => {
    expect(isAppUrl('app://wdp/index.html#/home')).toBe(true);
    for (const url of [
      'app://wdpx/index.html',
      'app://evil/',
      'file:///tmp/index.html',
      'https://wdp/',
      '',
      'app://wdp',
    ])
      expect(isAppUrl(url), url).toBe(false);
  });
});
