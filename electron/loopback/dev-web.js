#!/usr/bin/env node
// npm run dev:web — the renderer in a browser against the real back end over the loopback adapter.
// Starts the loopback adapter and a Vite dev server that proxies /api to it; prints the address with the token.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (!process.features.typescript) {
  const r = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}
const { runDevWeb } = await import('./dev-web-main.ts');
await runDevWeb();
