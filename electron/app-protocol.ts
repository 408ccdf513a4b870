// The app's own scheme: the renderer loads from app://wdp/… instead of file://, as Electron's security checklist
// asks (item 18). The handler serves only files inside the built renderer folder, with their MIME type and the
// Content-Security-Policy header; anything else (another host, a path leaving the folder, a folder, an unknown
// type, a method other than GET) is refused. No Electron import: main.ts registers it, tests call it directly.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './window.ts';

export const APP_SCHEME = 'app';
const APP_HOST = 'wdp';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged, before the app is ready: a standard, secure origin (so 'self' in
 *  the CSP, module scripts and same-origin rules work as on https), and nothing more (no bypassCSP, no CORS). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/** A URL of the app's own pages and files (what IPC, navigation and the network filter trust). */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const refuse = (status: number) =>
  new Response(null, { status, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });

/**
 * The file an app:// URL names inside `rootDir`, or null when it names none: another host, a path that
 * leaves the folder (after percent-decoding: %2e%2e, %2f, %5c), a NUL byte, or a type not in MIME_TYPES.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const root = resolve(rootDir);
  const file = resolve(root, `.${path}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  if (!(extname(file).toLowerCase() in MIME_TYPES)) return null;
  return file;
}

/** protocol.handle's handler for app://: GET only, files of `rootDir` only. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const file = resolveAppFile(rootDir, request.url);
    if (!file) return refuse(404);
    try {
      // A link inside the folder pointing out of it is refused like a path that leaves it.
      const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(file)]);
      if (!realFile.startsWith(`${realRoot}${sep}`)) return refuse(404);
      if (!(await stat(realFile)).isFile()) return refuse(404);
      const body = await readFile(realFile);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'Content-Type': MIME_TYPES[extname(file).toLowerCase()],
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return refuse(404);
    }
  };
}
