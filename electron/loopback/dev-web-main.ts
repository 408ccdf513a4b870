// npm run dev:web: the real back end behind the loopback adapter, and a Vite dev server for the renderer that
// proxies API calls (/api/<domain>:<verb>) to it. The renderer's own modules under /api/… are not proxied.
import { createServer } from 'vite';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openApp } from '../backend/open-app.ts';
import { defaultDbFile, REPO_ROOT, sourcePaths } from '../backend/app-paths.ts';
import { folderShell } from '../context/shell.ts';
import { startLoopback } from './server.ts';
import { MESSAGES } from '../../shared/messages.ts';

export interface DevWebOptions {
  dbFile?: string;
  downloadsDir?: string;
  port?: number;
}
export interface DevWeb {
  address: string;
  dbFile: string;
  downloadsDir: string;
  stop: () => Promise<void>;
}

/** Channel requests only: `/api/plans:list` or `/api/plans%3Alist`, never `/api/client.ts`. */
const API_PROXY_PATTERN = '^/api/[a-z]+(:|%3A)';

export async function startDevWeb(options: DevWebOptions = {}): Promise<DevWeb> {
  const downloadsDir = options.downloadsDir ?? process.env.WDP_DOWNLOADS ?? join(tmpdir(), 'wdp-downloads');
  const backend = openApp({
    dbFile: options.dbFile ?? process.env.WDP_DB ?? defaultDbFile(),
    ...sourcePaths,
    shell: folderShell(downloadsDir),
  });
  const loopback = await startLoopback({ handlers: backend.handlers });
  const vite = await createServer({
    root: join(REPO_ROOT, 'renderer'),
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    server: {
      host: '127.0.0.1',
      port: options.port ?? 5173,
      strictPort: options.port !== 0,
      proxy: { [API_PROXY_PATTERN]: { target: loopback.url, changeOrigin: true } },
    },
  });
  await vite.listen();
  const address = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${options.port ?? 5173}/`;
  return {
    address: `${address}?token=${loopback.token}`,
    dbFile: backend.ctx.dbFile,
    downloadsDir,
    stop: async () => {
      await vite.close();
      await loopback.close();
      backend.close();
    },
  };
}

export async function runDevWeb(): Promise<void> {
  const dev = await startDevWeb();
  process.stdout.write(MESSAGES.app.devWeb(dev.address, dev.dbFile, dev.downloadsDir));
  const stop = async () => {
    await dev.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
