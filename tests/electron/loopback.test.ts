// The loopback adapter: the contract over HTTP on 127.0.0.1, guarded by a per-run token and a Host check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type AppBackend } from '../../electron/backend/open-app.ts';
import { sourcePaths } from '../../electron/backend/app-paths.ts';
import { startLoopback, type LoopbackServer } from '../../electron/loopback/server.ts';
import { MAX_IMPORT_BYTES } from '../../shared/api/limits.ts';
import { MAX_REQUEST_BYTES } from '../../shared/api/limits.ts';

interface Reply {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

/** A raw HTTP request (node:http sends the path and Host exactly as given, unlike fetch). */
function send(
  server: LoopbackServer,
  options: { method?: string; path: string; host?: string; token?: string | null; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: options.host ?? `127.0.0.1:${server.port}` };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const req = request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
const api = (
  server: LoopbackServer,
  channel: string,
  input: unknown,
  extra: { host?: string; token?: string | null } = {},
) =>
  send(server, {
    method: 'POST',
    path: `/api/${channel}`,
    body: JSON.stringify(input),
    token: extra.token === undefined ? server.token : extra.token,
    host: extra.host,
  });

describe('loopback adapter', () => {
  let dir: string;
  let staticDir: string;
  let backend: AppBackend;
  let server: LoopbackServer;
  const SECRET = 'top-secret-outside-static-dir';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wdp-loopback-'));
    staticDir = join(dir, 'www');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>wdp</title><div id="root"></div>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1);');
    writeFileSync(join(dir, 'secret.txt'), SECRET);
    mkdirSync(join(dir, 'www-evil'));
    writeFileSync(join(dir, 'www-evil', 'x.txt'), SECRET);
    backend = openApp({ dbFile: join(dir, 'wdp.sqlite'), ...sourcePaths });
    server = await startLoopback({ handlers: backend.handlers, staticDir });
  });
  afterAll(async () => {
    await server?.close();
    backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 with a long random token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an API request without a token → 401', async () => {
    const reply = await api(server, 'settings:get-profile', {}, { token: null });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('a wrong token → 401 (also one of the right length, and the token without "Bearer")', async () => {
    for (const token of [
      'nope',
      'f'.repeat(64),
      server.token.slice(0, -1) + (server.token.endsWith('0') ? '1' : '0'),
    ]) {
      expect((await api(server, 'settings:get-profile', {}, { token })).status, token).toBe(401);
    }
    const bare = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/settings:get-profile',
          headers: { authorization: server.token },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(bare).toBe(401);
  });

  it('the right token with a foreign Host header → 421 (DNS rebinding)', async () => {
    for (const host of [
      `evil.example:${server.port}`,
      'evil.example',
      `127.0.0.1:${server.port + 1}`,
      `127.0.0.1.evil.example:${server.port}`,
    ]) {
      const reply = await api(server, 'settings:get-profile', {}, { host });
      expect(reply.status, host).toBe(421);
      expect(reply.body).not.toContain('"ok":true');
    }
    expect((await send(server, { path: '/', host: `evil.example:${server.port}` })).status).toBe(421);
  });

  it('the right token and Host → 200 with the envelope', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const reply = await api(server, 'settings:get-profile', {}, { host });
      expect(reply.status, host).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(reply.body)).toEqual({ ok: true, value: null });
    }
    const region = JSON.parse((await api(server, 'regions:get', { code: '220802000000' })).body);
    expect(region).toMatchObject({ ok: true, value: { code: '220802000000', name: '洮北区', level: 'county' } });
  });

  it('errors travel in the envelope with status 200; broken JSON is a 400; only POST reaches the API', async () => {
    const invalid = JSON.parse((await api(server, 'regions:get', { code: 42 })).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_request', details: [{ path: 'code' }] } });
    const unknown = JSON.parse((await api(server, 'nosuch:thing', {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const broken = await send(server, {
      method: 'POST',
      path: '/api/settings:get-profile',
      body: '{not json',
      token: server.token,
    });
    expect(broken.status).toBe(400);
    expect((await send(server, { path: '/api/settings:get-profile', token: server.token })).status).toBe(405);
  });

  it('an oversized body → 413 with a Chinese message, without buffering it; the largest legitimate call still passes', async () => {
    // the largest legitimate call: one return file at the 10 MB limit, base64 in JSON
    const file = Buffer.alloc(MAX_IMPORT_BYTES, 0x41);
    const legit = await api(server, 'excel:validate', { fileName: 'big.xlsx', bytesBase64: file.toString('base64') });
    expect(legit.status).toBe(200);
    expect(JSON.stringify(file.toString('base64')).length).toBeLessThan(MAX_REQUEST_BYTES);

    const huge = JSON.stringify({ fileName: 'huge.xlsx', bytesBase64: 'A'.repeat(MAX_REQUEST_BYTES + 1024) });
    const refused = await api(server, 'excel:validate', JSON.parse(huge));
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/请求内容过大.*16 MB/) },
    });
    // a body sent without a length (chunked) is cut off at the same limit
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/excel:validate',
          headers: {
            host: `127.0.0.1:${server.port}`,
            authorization: `Bearer ${server.token}`,
            'transfer-encoding': 'chunked',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const piece = Buffer.alloc(1024 * 1024, 0x41);
      for (let i = 0; i < 20; i++) req.write(piece);
      req.end();
    });
    expect(chunked).toBe(413);
    // the server still answers afterwards
    expect((await api(server, 'regions:get', { code: '220802000000' })).status).toBe(200);
  });

  it('serves the static renderer, with index.html for unknown paths', async () => {
    const index = await send(server, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.body).toContain('<div id="root">');
    const js = await send(server, { path: '/assets/app.js' });
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.body).toBe('console.log(1);');
    expect((await send(server, { path: '/some/page' })).body).toContain('<div id="root">');
  });

  it('refuses a GET of a path escaping staticDir', async () => {
    for (const path of [
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%2fwww-evil%2fx.txt',
      '/..%5csecret.txt',
    ]) {
      const reply = await send(server, { path });
      expect(reply.body, path).not.toContain(SECRET);
      expect(
        [403, 404].includes(reply.status) || reply.body.includes('<div id="root">'),
        `${path} → ${reply.status}`,
      ).toBe(true);
    }
    expect((await send(server, { path: '/..%2fsecret.txt' })).status).toBe(403);
    expect((await send(server, { path: '/..%2fwww-evil%2fx.txt' })).status).toBe(403);
    // Literal dot segments are resolved by URL parsing before the file lookup: they never leave the root.
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/../../../../etc/passwd']) {
      const reply = await send(server, { path });
      expect(reply.body, path).not.toContain(SECRET);
      expect(reply.body, path).not.toContain('root:x:0:0');
    }
  });

  it('survives a malformed percent-encoding in the path', async () => {
    const reply = await send(server, { path: '/%E0%A4%A' });
    expect(reply.status).toBe(400);
    const apiReply = await send(server, { method: 'POST', path: '/api/%E0%A4%A', token: server.token, body: '{}' });
    expect(apiReply.status).toBe(400);
    expect(JSON.parse(apiReply.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    // still serving
    expect((await api(server, 'settings:get-profile', {})).status).toBe(200);
  });
});
