// The CLI is one of three doors onto the same interface: its commands call the contract (electron/cli/call.ts →
// api/dispatch), never the services, the merge code or the database directly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.ts';

describe('CLI commands', () => {
  it('reach the back end only through the contract', () => {
    const dir = join(REPO_ROOT, 'electron', 'cli', 'commands');
    const reaching = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(join(dir, f), 'utf8').matchAll(/from '(\.\.\/\.\.\/(?:services|merge|db)\/[^']+)'/g)].map(
          (m) => `${f} → ${m[1]}`,
        ),
      );
    expect(reaching).toEqual([]);
  });
});
