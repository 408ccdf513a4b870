#!/usr/bin/env node
// Launcher for `npx wdp`: the CLI is TypeScript run by Node's built-in type stripping (Node >= 22.18 does it
// by default; 22.14–22.17 need the flag, so we re-run ourselves with it).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
// `wdp plan show x | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => { if (error.code === 'EPIPE') process.exit(0); throw error; });
if (process.features.typescript) {
  const { runCli } = await import('./main.ts');
  process.exitCode = await runCli(process.argv.slice(2));
} else {
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', main, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}
