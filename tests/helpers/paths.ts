import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FRAMEWORKS_DIR = join(REPO_ROOT, 'resources', 'frameworks');
export const REGIONS_FILE = join(REPO_ROOT, 'resources', 'regions', 'regions.json');
/**
 * The plans' source texts, given to the project beside the repository (not in it): WDP_SEEDS_DIR names the
 * folder, default ../shared/seeds. A fresh clone has none; the quote audit then says it did not run.
 */
export const SEEDS_DIR = process.env.WDP_SEEDS_DIR || join(REPO_ROOT, '..', 'shared', 'seeds');
export const SEEDS_PRESENT = existsSync(SEEDS_DIR);

/**
 * Says (once per test file) that an audit needing the plan documents did not run: a fresh clone has none, and a
 * silent skip would read as a pass.
 */
export function warnIfSeedsMissing(audit: string): void {
  if (!SEEDS_PRESENT) {
    console.warn(
      `${audit} NOT RUN: no plan documents at ${SEEDS_DIR} (set WDP_SEEDS_DIR to the folder of the five plan texts)`,
    );
  }
}
