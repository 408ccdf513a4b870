// The house stacks one way. Folders are process boundaries: shared/ is pure (no Node, no Electron, nothing from
// electron/ or renderer/), renderer/ never reaches Node, Electron or the main process's code. Inside electron/ the
// folders are layers (LAYERS, bottom first): a file imports its own folder or a lower layer, never a higher one or
// a neighbour on its own step. No file takes part in an import cycle anywhere, type-only imports included.
import { describe, expect, it } from 'vitest';
import { cyclesOf, importGraph, sourcesUnder, specifiersOf } from './helpers/import-graph.ts';

/** electron/'s layers, bottom first; a folder may import the folders of the steps below its own. */
const LAYERS: string[][] = [
  ['context', 'fs'], // AppContext, the shell interface, the log; mapping system errors
  ['db'], // the database: migrations, repositories — all SQL
  ['excel', 'open-data', 'fonts'], // pure formats: a workbook / long table / ADX ⇄ return data; font subsets
  ['frameworks'], // bundled plans, frameworks, regions, this office's signing key
  ['settings'], // the office's profile (who, which plan, which department)
  ['backups', 'plans', 'returns'], // backups; plan authoring and packages; the office's own returns
  ['merge', 'diagnostics'], // receiving lower returns, review, 回执, 催报; support bundles
  ['evaluation'], // a return judged (a county's from its merge)
  ['excel-io'], // importing and exporting the form
  ['replies', 'open-data-io', 'report'], // 退回/回执 at the unit; open data in and out; the printed reports
  ['api'], // dispatch and one handler per channel
  ['backend'], // opening the back end: the database, the context, the handlers (every door starts here)
  ['ipc'], // the IPC adapter the Electron shell registers
  ['(doors)', 'loopback', 'cli', 'build'], // the Electron shell (electron/*.ts), the loopback adapter, the CLI
];
const rankOf = new Map(LAYERS.flatMap((step, rank) => step.map((folder) => [folder, rank] as const)));
const folderOf = (file: string) => {
  const parts = file.split('/');
  return parts.length === 2 ? '(doors)' : parts[1];
};

function violations(folder: string, forbidden: RegExp): string[] {
  return sourcesUnder(folder).flatMap((file) =>
    specifiersOf(file)
      .filter((spec) => forbidden.test(spec))
      .map((spec) => `${file} → ${spec}`),
  );
}

describe('architecture', () => {
  it('shared/ imports no Node, Electron, electron/ or renderer/ code', () => {
    expect(
      violations('shared', /^(node:|electron$|fs$|path$|better-sqlite3|exceljs|xlsx)|\/electron\/|\/renderer\//),
    ).toEqual([]);
  });
  it('renderer/ imports no Node, Electron or main-process code', () => {
    expect(violations('renderer', /^(node:|electron$|fs$|path$|better-sqlite3|exceljs|xlsx)|\/electron\//)).toEqual([]);
  });
  it('no import cycle anywhere (type-only imports included)', () => {
    expect(cyclesOf(importGraph(['electron', 'shared', 'renderer']))).toEqual([]);
  });
  it('every folder of electron/ has its layer', () => {
    const folders = [...new Set(sourcesUnder('electron').map(folderOf))];
    expect(folders.filter((f) => !rankOf.has(f))).toEqual([]);
  });
  it('electron/ stacks one way: no import reaches a higher layer or a neighbour on the same step', () => {
    const upward: string[] = [];
    for (const [file, deps] of importGraph(['electron'])) {
      const from = folderOf(file);
      for (const dep of deps.filter((d) => d.startsWith('electron/'))) {
        const to = folderOf(dep);
        if (to !== from && (rankOf.get(to) ?? 99) >= (rankOf.get(from) ?? -1)) upward.push(`${file} → ${dep}`);
      }
    }
    expect(upward).toEqual([]);
  });
  it('pure format code (excel/, open-data/) reaches no database, service or context', () => {
    const formats = ['electron/excel', 'electron/open-data'].flatMap((f) => sourcesUnder(f));
    const graph = importGraph(['electron']);
    const reaching = formats.flatMap((file) =>
      (graph.get(file) ?? [])
        .filter((dep) => dep.startsWith('electron/') && !/^electron\/(excel|open-data|fs)\//.test(dep))
        .map((dep) => `${file} → ${dep}`),
    );
    expect(reaching).toEqual([]);
  });
});
