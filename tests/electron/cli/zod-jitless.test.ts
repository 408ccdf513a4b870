// A CLI run parses the contract without zod's compiled parsers (main.ts): they cost a one-off command more to build
// than they save. The same checks: a bad input is refused the same way either way.
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from '../../../electron/cli/main.ts';
import { contract } from '../../../shared/api/contract.ts';

const before = z.config().jitless;
afterAll(() => {
  z.config({ jitless: before });
});

describe('zod in a CLI run', () => {
  it('runs without compiled parsers', async () => {
    z.config({ jitless: false });
    const lines: string[] = [];
    const code = await runCli(['--help'], { out: (t) => lines.push(t), err: (t) => lines.push(t) });
    expect(code).toBe(0);
    expect(z.config().jitless).toBe(true);
  });

  it('refuses what the compiled parsers refuse', () => {
    const bad = { year: '2024', regionCode: 5 };
    const input = contract['merge:overview'].input;
    z.config({ jitless: true });
    const plain = input.safeParse(bad);
    z.config({ jitless: false });
    const compiled = input.safeParse(bad);
    expect(plain.success).toBe(false);
    expect(plain.error?.issues).toEqual(compiled.error?.issues);
  });
});
