import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FRAMEWORKS_DIR = join(REPO_ROOT, 'resources', 'frameworks');
export const REGIONS_FILE = join(REPO_ROOT, 'resources', 'regions', 'regions.json');
/** The plans' source texts, given to the project beside the repository. */
export const SEEDS_DIR = join(REPO_ROOT, '..', 'shared', 'seeds');
