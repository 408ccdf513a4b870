#!/usr/bin/env node
// Bundles the Electron main process and preload into CommonJS for Electron (better-sqlite3 stays external:
// its prebuilt Node-API binary is loaded as it is, no rebuild), and the `wdp` command line and its read worker
// into ES modules (dist-cli/), so the CLI starts without stripping TypeScript or compiling ~150 modules, and each
// worker thread loads one file. exceljs is bundled into a chunk of its own, loaded only by the commands that write a
// workbook; subset-font (wasm) stays in node_modules.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
// zod's classic API re-exports all its locales (64 modules, evaluated at every start and in every read worker: ~4 ms
// each); the app speaks Chinese through its own messages and keeps zod's default English for details: only that one
// is bundled (tests/packaging/cli-bundle.test.ts checks no other is)
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(join('node_modules', 'zod'))
        ? { path: join(args.resolveDir, '..', 'locales', 'en.js'), namespace: 'zod-en' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: join(args.path, '..'),
    }));
  },
};
const common = {
  plugins: [zodEnglishOnly],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  // in CommonJS there is no import.meta: its dirname is __dirname, its url absent (read-pool.ts then finds read-worker.cjs)
  define: { 'import.meta.dirname': '__dirname', 'import.meta.url': 'undefined' },
};
await build({
  ...common,
  entryPoints: [join(root, 'electron', 'main.ts')],
  outfile: join(root, 'dist-electron', 'main.cjs'),
});
await build({
  ...common,
  entryPoints: [join(root, 'electron', 'preload.ts')],
  outfile: join(root, 'dist-electron', 'preload.cjs'),
});
// the desktop app's read worker (merge imports read files off the main thread), beside main.cjs
await build({
  ...common,
  entryPoints: [join(root, 'electron', 'merge', 'read-worker.ts')],
  outfile: join(root, 'dist-electron', 'read-worker.cjs'),
});

// dist-cli/ sits one level under the repository root like electron/, so import.meta.dirname + '..' still finds
// resources/ and electron/db/migrations/.
rmSync(join(root, 'dist-cli'), { recursive: true, force: true });
const cli = {
  plugins: [zodEnglishOnly],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  external: ['better-sqlite3', 'subset-font'],
  // CommonJS packages bundled into an ES module still call require()
  banner: {
    js: "import { createRequire as __wdpRequire } from 'node:module'; const require = __wdpRequire(import.meta.url);",
  },
};
await build({
  ...cli,
  splitting: true,
  outdir: join(root, 'dist-cli'),
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  entryPoints: {
    wdp: join(root, 'electron', 'cli', 'main.ts'),
    'read-worker': join(root, 'electron', 'merge', 'read-worker.ts'),
  },
});
