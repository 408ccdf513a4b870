// Folders are process boundaries: shared/ is pure (no Node, no Electron, nothing from electron/ or renderer/),
// renderer/ never reaches Node, Electron or the main process's code.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/paths.ts';

const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : []));
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)].map((m) => m[1]);

function violations(folder: string, forbidden: RegExp): string[] {
  return sources(join(REPO_ROOT, folder)).flatMap((file) =>
    importsOf(file).filter((spec) => forbidden.test(spec)).map((spec) => `${relative(REPO_ROOT, file)} → ${spec}`));
}

describe('architecture', () => {
  it('shared/ imports no Node, Electron, electron/ or renderer/ code', () => {
    expect(violations('shared', /^(node:|electron$|fs$|path$|better-sqlite3|exceljs|xlsx)|\/electron\/|\/renderer\//)).toEqual([]);
  });
  it('renderer/ imports no Node, Electron or main-process code', () => {
    expect(violations('renderer', /^(node:|electron$|fs$|path$|better-sqlite3|exceljs|xlsx)|\/electron\//)).toEqual([]);
  });
});
