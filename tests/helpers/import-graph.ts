// The repository's import graph, read from the sources (static, type-only and dynamic imports alike), for the
// architecture test: a cycle or an upward import is found here whatever kind of import makes it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { REPO_ROOT } from './paths.ts';

export const sourcesUnder = (folder: string): string[] => {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? walk(join(dir, e.name))
        : /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')
          ? [join(dir, e.name)]
          : [],
    );
  return walk(join(REPO_ROOT, folder)).map((f) => relative(REPO_ROOT, f).split('\\').join('/'));
};

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|new URL\(\s*'([^']+)'/g;

/** Specifiers as written in a file (package names included). */
export const specifiersOf = (file: string): string[] =>
  [...readFileSync(join(REPO_ROOT, file), 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);

function resolveRelative(from: string, spec: string): string | null {
  const target = posix.normalize(posix.join(posix.dirname(from), spec));
  for (const candidate of [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`]) {
    const path = join(REPO_ROOT, candidate);
    if (existsSync(path) && statSync(path).isFile()) return candidate;
  }
  return null;
}

/** file → the repository's .ts/.tsx files it imports */
export function importGraph(folders: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of folders.flatMap(sourcesUnder)) {
    const deps = specifiersOf(file)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolveRelative(file, spec))
      .filter((dep): dep is string => dep !== null && /\.(ts|tsx)$/.test(dep));
    graph.set(file, [...new Set(deps)]);
  }
  return graph;
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
