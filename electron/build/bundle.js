#!/usr/bin/env node
// Bundles the Electron main process and preload into CommonJS for Electron (better-sqlite3 stays external:
// its prebuilt Node-API binary is loaded as it is, no rebuild).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const common = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: false, logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  define: { 'import.meta.dirname': '__dirname' },
};
await build({ ...common, entryPoints: [join(root, 'electron', 'main.ts')], outfile: join(root, 'dist-electron', 'main.cjs') });
await build({ ...common, entryPoints: [join(root, 'electron', 'preload.ts')], outfile: join(root, 'dist-electron', 'preload.cjs') });
