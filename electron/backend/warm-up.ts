// What a command can start before the back end is open. A `wdp merge` of hundreds of files reads them on worker
// threads: started first thing, each loads its code while this thread loads the back end, opens the database and
// takes the backup; the merge's pool then adopts them (merge/read-workers.ts). The files are only counted here
// (folder entries, up to what the most workers need), never read: the merge's own walk decides what is read.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FILES_PER_WORKER, poolSize, prestartReadWorkers } from '../merge/read-workers.ts';

/** Entries under `paths` (folders walked, links not followed), counted up to `cap`. */
function countEntries(paths: readonly string[], cap: number): number {
  let n = 0;
  const stack: string[] = [];
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) stack.push(path);
      else n += 1;
    } catch {
      // not a path (or unreadable): the merge says so
    }
  }
  while (stack.length > 0 && n < cap) {
    try {
      for (const entry of readdirSync(stack.pop()!, { withFileTypes: true })) {
        if (entry.isDirectory()) stack.push(join(entry.parentPath, entry.name));
        else n += 1;
      }
    } catch {
      // unreadable: the merge's walk reports it
    }
  }
  return n;
}

/** Starts the read workers a merge of `paths` will want (none for a few dozen files). */
export function warmUpMerge(paths: readonly string[]): void {
  const enough = poolSize(Number.MAX_SAFE_INTEGER) * FILES_PER_WORKER;
  prestartReadWorkers(poolSize(countEntries(paths, enough)));
}
