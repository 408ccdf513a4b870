// npm run dev:web: the Vite dev server serves the renderer's own modules (including renderer/api/*) and
// passes only channel calls to the loopback adapter, which still wants the token.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevWeb, type DevWeb } from '../../electron/loopback/dev-web-main.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-devweb-'));
let dev: DevWeb;
beforeAll(async () => {
  dev = await startDevWeb({ dbFile: join(dir, 'wdp.sqlite'), downloadsDir: join(dir, 'dl'), port: 0 });
});
afterAll(async () => {
  await dev?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('dev:web', () => {
  it('serves the renderer and its own /api/ modules', async () => {
    const base = new URL(dev.address);
    const page = await fetch(new URL('/', base));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const clientModule = await fetch(new URL('/api/client.ts', base));
    expect(clientModule.status).toBe(200);
    expect(await clientModule.text()).toContain('ApiCallError');
  });

  it('proxies channel calls to the loopback adapter, token required', async () => {
    const base = new URL(dev.address);
    const token = base.searchParams.get('token')!;
    const call = (auth: string) =>
      fetch(new URL(`/api/${encodeURIComponent('plans:list')}`, base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth },
        body: '{}',
      });
    const ok = await call(`Bearer ${token}`);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { ok: boolean; value: { plan: { id: string } }[] };
    expect(body.ok).toBe(true);
    expect(body.value.map((p) => p.plan.id)).toContain('taobei');
    expect((await call('Bearer nope')).status).toBe(401);
  });
});
