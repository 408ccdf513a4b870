#!/usr/bin/env node
// Launcher for `npx wdp`. Runs the prebuilt bundle (dist-cli/wdp.mjs, made by `npm run build`) when it is newer
// than every source file; otherwise the TypeScript sources through Node's type stripping (Node >= 22.18 does it by
// default; 22.14–22.17 need the flag, so we re-run ourselves with it). WDP_CLI_SOURCE=1 forces the sources.
import module from 'node:module';
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const main = join(root, 'electron', 'cli', 'main.ts');
const bundle = join(root, 'dist-cli', 'wdp.mjs');

/** The newest modification time of the sources the bundle is made of (a stale bundle is never run). */
function newestSource() {
  let newest = 0;
  for (const dir of ['electron', 'shared']) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts'))
        newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}
function freshBundle() {
  if (process.env.WDP_CLI_SOURCE === '1') return false;
  try {
    return statSync(bundle).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

// `wdp plan show x | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
// A merge of thousands of returns allocates in bursts (each child's cells, its evaluation, the workbook's XML):
// with V8's default young generation (16 MB semi-spaces) the heap grows into pages it then keeps, ~400–425 MB at
// 3,000 returns. With 2 MB semi-spaces the peak was ~300 MB but the read workers spent ~13 % of their time
// scavenging; with 8 MB the peak is still ~300 MB (3,000 returns: 290–330 MB) and the merge takes ~2 s less CPU
// (12.0–12.9 s against 14.7–15.1 s, user time of the whole process).
// The flag only counts at start-up, so `wdp merge` runs itself once more with it (one more process start, ~0.05 s).
const MERGE_FLAGS = ['--max-semi-space-size=8'];
// Below a few hundred files the small semi-spaces only cost time (a fifth more scavenging in the read workers, and
// this second start): the merge then runs in this process with V8's defaults (300 returns peak ~260 MB).
const BIG_MERGE = 500;

/**
 * Whether the merge's arguments name at least BIG_MERGE entries (folders counted with what is under them; links
 * not followed, so a link to .. is one entry; counting stops at BIG_MERGE).
 */
function bigMerge(args) {
  let n = 0;
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    let folder = false;
    try {
      folder = statSync(arg).isDirectory();
    } catch {
      continue; // not a path (a flag's value): nothing to count
    }
    n += 1;
    const stack = folder ? [arg] : [];
    while (stack.length > 0 && n < BIG_MERGE) {
      let entries = [];
      try {
        entries = readdirSync(stack.pop(), { withFileTypes: true });
      } catch {
        // unreadable: the merge itself says so
      }
      for (const entry of entries) {
        n += 1;
        if (entry.isDirectory()) stack.push(join(entry.parentPath, entry.name));
      }
    }
    if (n >= BIG_MERGE) return true;
  }
  return false;
}

if (
  process.argv[2] === 'merge' &&
  !MERGE_FLAGS.every((f) => process.execArgv.includes(f)) &&
  bigMerge(process.argv.slice(3))
) {
  // asynchronous, so that Ctrl+C (or a SIGINT/SIGTERM sent to this process alone) reaches the merge, which cancels
  // cleanly and exits 130; the child's exit code is ours (child_process is loaded only here: it costs every start)
  const { spawn } = await import('node:child_process');
  const child = spawn(
    process.execPath,
    [...process.execArgv, ...MERGE_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === 'SIGINT' ? 130 : 1);
  });
} else if (freshBundle()) {
  // V8's code cache on disk (Node's compile cache, in the temp folder): later starts skip compiling the bundle
  module.enableCompileCache?.();
  const { runCli } = await import(bundle);
  process.exitCode = await runCli(process.argv.slice(2));
} else if (process.features.typescript) {
  const { runCli } = await import(main);
  process.exitCode = await runCli(process.argv.slice(2));
} else {
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', main, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exitCode = result.status ?? 1;
}
