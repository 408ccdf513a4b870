// The one contract, checked from every side: each entry has a handler and a preload method, and dispatch turns
// every malformed request into a typed `invalid_request` error (with zod paths) before any handler runs.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { CHANNELS, contract } from '../../../shared/api/contract.ts';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { createHandlers, HANDLER_DOMAINS } from '../../../electron/api/handlers.ts';
import type { Handlers } from '../../../electron/api/handler-types.ts';
import { openApp, type AppBackend } from '../../../electron/backend/open-app.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: { invoke: electron.invoke },
}));

/** Handlers that record calls: a rejected request must never reach one. */
function recordingHandlers(): { handlers: Handlers; calls: string[] } {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      () => {
        calls.push(channel);
        throw new Error('handler must not run');
      },
    ]),
  );
  return { handlers: handlers as unknown as Handlers, calls };
}

/** Values of the wrong type for a field: an object where a scalar belongs, else a number. */
const WRONG_VALUES: unknown[] = [{ wrong: true }, 12345, 'wrong', [7]];
/** Values of the wrong type for a whole request (every request is an object). */
const NOT_OBJECTS: unknown[] = [42, 'text', true, [1, 2]];

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
}

describe('contract ↔ handlers ↔ preload', () => {
  let dir: string;
  let backend: AppBackend;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wdp-contract-'));
    backend = openApp({ dbFile: join(dir, 'wdp.sqlite'), ...sourcePaths });
  });
  afterAll(() => {
    backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has at least the core channels, each with a summary', () => {
    expect(CHANNELS).toEqual(
      expect.arrayContaining([
        'settings:get-profile',
        'settings:set-profile',
        'plans:list',
        'plans:get-framework',
        'regions:get',
        'regions:children',
      ]),
    );
    for (const channel of CHANNELS) {
      expect(contract[channel].summary, channel).toMatch(/\S/);
      expect(contract[channel].input, channel).toBeInstanceOf(z.ZodType);
      expect(contract[channel].output, channel).toBeInstanceOf(z.ZodType);
    }
  });

  it('has exactly one handler per channel, in the domain module its prefix names', async () => {
    const handlers = createHandlers(backend.ctx);
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof handlers[channel], channel).toBe('function');
    // each domain's module, loaded at its first call, answers exactly the channels of its prefixes
    const answered: string[] = [];
    for (const domain of HANDLER_DOMAINS) {
      const own = CHANNELS.filter((c) => domain.prefixes.includes(c.slice(0, c.indexOf(':'))));
      const made = (await domain.load())(backend.ctx);
      expect(Object.keys(made).sort(), domain.prefixes.join()).toEqual(own.sort());
      for (const c of own) expect(typeof made[c], c).toBe('function');
      answered.push(...own);
    }
    expect(answered.sort()).toEqual([...CHANNELS].sort());
  });

  it('the preload exposes exactly the channels, frozen, each forwarding to ipcRenderer.invoke', async () => {
    await import('../../../electron/preload.ts');
    expect([...electron.exposed.keys()]).toEqual(['wdp']);
    const bridge = electron.exposed.get('wdp') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual([...CHANNELS].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    for (const channel of CHANNELS) {
      await expect(bridge[channel]({ probe: channel })).resolves.toEqual({
        ok: true,
        value: { channel, input: { probe: channel } },
      });
    }
    expect(electron.invoke).toHaveBeenCalledTimes(CHANNELS.length);
  });
});

describe('dispatch rejects malformed requests', () => {
  it.each(CHANNELS)('%s: a non-object request', async (channel) => {
    const { handlers, calls } = recordingHandlers();
    const input = contract[channel].input;
    const bad = NOT_OBJECTS.find((value) => !input.safeParse(value).success);
    expect(bad, `no malformed whole-request value for ${channel}`).toBeDefined();
    const result = await dispatch(handlers, channel, bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_request');
    expect(result.error.message).toContain(channel);
    expect(result.error.details.length).toBeGreaterThan(0);
    for (const detail of result.error.details) {
      expect(typeof detail.path).toBe('string');
      expect(detail.message).toMatch(/\S/);
    }
    expect(calls).toEqual([]);
  });

  const fieldCases = CHANNELS.flatMap((channel) => {
    const shape = objectShape(contract[channel].input);
    if (!shape) return [];
    return Object.entries(shape).flatMap(([field, schema]) => {
      const wrong = WRONG_VALUES.find((value) => !schema.safeParse(value).success);
      return wrong === undefined ? [] : [{ channel, field, wrong }];
    });
  });

  it('finds a field to break in every channel that has fields', () => {
    const withFields = CHANNELS.filter((c) => Object.keys(objectShape(contract[c].input) ?? {}).length > 0);
    expect(new Set(fieldCases.map((c) => c.channel))).toEqual(new Set(withFields));
    expect(fieldCases.length).toBeGreaterThan(0);
  });

  it.each(fieldCases.map((c) => [c.channel, c.field, c] as const))(
    '%s: wrong type for field %s',
    async (_channel, _field, { channel, field, wrong }) => {
      const { handlers, calls } = recordingHandlers();
      const result = await dispatch(handlers, channel, { [field]: wrong });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_request');
      const paths = result.error.details.map((d) => d.path);
      expect(
        paths.some((p) => p === field || p.startsWith(`${field}.`)),
        `details ${JSON.stringify(paths)} name ${field}`,
      ).toBe(true);
      expect(calls).toEqual([]);
    },
  );

  it('names nested paths with dots (settings:set-profile with a bad role and name)', async () => {
    const { handlers } = recordingHandlers();
    const result = await dispatch(handlers, 'settings:set-profile', {
      planId: 'taobei',
      role: 'mayor',
      regionCode: '220702',
      userName: 7,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    if (result.ok) return;
    expect(result.error.details.map((d) => d.path).sort()).toEqual(expect.arrayContaining(['role', 'userName']));
  });

  it('rejects an unknown channel without running anything', async () => {
    const { handlers, calls } = recordingHandlers();
    for (const name of ['nosuch:channel', '', 'constructor', '__proto__', 'toString']) {
      const result = await dispatch(handlers, name, {});
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid_request', details: [] } });
    }
    expect(calls).toEqual([]);
  });

  it('turns a thrown error into an internal error envelope, never a rejection', async () => {
    const { handlers } = recordingHandlers();
    const result = await dispatch(handlers, 'plans:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
