// The loopback adapter: the same handlers over HTTP on 127.0.0.1, for development and browser tests only.
// A random port, a per-run secret token on every API request, and the Host header checked (DNS rebinding).
// The packaged app never starts it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { MESSAGES } from '../../shared/messages.ts';
import { dispatch } from '../api/dispatch.ts';
import { MAX_REQUEST_BYTES } from '../../shared/api/limits.ts';
import type { Handlers } from '../api/handler-types.ts';

export interface LoopbackOptions {
  handlers: Handlers;
  /** built renderer to serve at / (optional: the Vite dev server can proxy /api instead) */
  staticDir?: string;
  port?: number;
  /** default MAX_REQUEST_BYTES (16 MB) */
  maxBodyBytes?: number;
}

export interface LoopbackServer {
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

class TooLarge extends Error {}

/** The body as text, or TooLarge as soon as it passes the limit (by its Content-Length, or while it streams in). */
const readBody = (req: IncomingMessage, limit: number) =>
  new Promise<string>((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      reject(new TooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return; // the rest is read and dropped, so the client can read the 413
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });

/** decodeURIComponent without the throw: a malformed escape (e.g. %E0%A4%A) must not crash the server. */
const safeDecode = (text: string): string | null => {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
};

export async function startLoopback(options: LoopbackOptions): Promise<LoopbackServer> {
  const token = randomBytes(32).toString('hex');
  const tokenBuffer = Buffer.from(`Bearer ${token}`);
  let allowedHosts: Set<string> = new Set();
  const authorised = (req: IncomingMessage) => {
    const header = Buffer.from(req.headers.authorization ?? '');
    return header.length === tokenBuffer.length && timingSafeEqual(header, tokenBuffer);
  };

  const server: Server = createServer(async (req, res) => {
    if (!allowedHosts.has(req.headers.host ?? ''))
      return send(res, 421, { ok: false, error: { code: 'refused', message: MESSAGES.api.unauthorized, details: [] } });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'invalid_request', message: 'POST only', details: [] } });
      if (!authorised(req))
        return send(res, 401, {
          ok: false,
          error: { code: 'refused', message: MESSAGES.api.unauthorized, details: [] },
        });
      let input: unknown;
      const limit = options.maxBodyBytes ?? MAX_REQUEST_BYTES;
      try {
        const body = await readBody(req, limit);
        input = body ? JSON.parse(body) : {};
      } catch (error) {
        if (error instanceof TooLarge) {
          // answered at once; the connection closes after the answer, and what is still arriving is dropped unread
          res.setHeader('connection', 'close');
          req.resume();
          return send(res, 413, {
            ok: false,
            error: { code: 'invalid_request', message: MESSAGES.api.tooLarge(limit / 1024 / 1024), details: [] },
          });
        }
        return send(res, 400, {
          ok: false,
          error: { code: 'invalid_request', message: MESSAGES.api.invalidRequest(url.pathname), details: [] },
        });
      }
      const channel = safeDecode(url.pathname.slice(5));
      if (channel === null)
        return send(res, 400, {
          ok: false,
          error: { code: 'invalid_request', message: MESSAGES.api.invalidRequest(url.pathname), details: [] },
        });
      return send(res, 200, await dispatch(options.handlers, channel, input));
    }
    if (!options.staticDir || req.method !== 'GET') return send(res, 404, { ok: false });
    const root = normalize(options.staticDir);
    const pathname = safeDecode(url.pathname);
    if (pathname === null) return send(res, 400, { ok: false });
    let file = normalize(join(root, url.pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(root + sep) && file !== root) return send(res, 403, { ok: false });
    if (!existsSync(file) || !statSync(file).isFile()) file = join(root, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
