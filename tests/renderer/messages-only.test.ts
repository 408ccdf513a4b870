// Every user-facing string lives in shared/messages: the renderer's code holds no Chinese text of its own
// (comments aside, and the data values it compares with, such as the plan status 征求意见稿).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';

const DATA_VALUES = ["'征求意见稿'", "'1/10万'"];
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : []));

describe('renderer text', () => {
  it('takes every Chinese string from the messages module', () => {
    const offenders: string[] = [];
    for (const file of files(join(REPO_ROOT, 'renderer'))) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/\/\*.*?\*\//g, '');
        if (/^\s*\*/.test(code)) return;
        const stripped = DATA_VALUES.reduce((text, v) => text.split(v).join(''), code);
        if (/[\u4e00-\u9fff]/.test(stripped)) offenders.push(`${file.slice(REPO_ROOT.length + 1)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
