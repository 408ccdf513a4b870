// Runs every benchmark module listed below: `npm run bench` (node tests/bench/run.ts).
// Each module exports `run(): Promise<void>` and prints its own figures. Add yours to the list.
interface BenchModule {
  run: () => Promise<void>;
}

const BENCHES: { name: string; load: () => Promise<BenchModule> }[] = [
  { name: 'rule-engine', load: () => import('./rule-engine.ts') },
  { name: 'merge-write', load: () => import('./merge-write.ts') },
  { name: 'merge', load: () => import('./merge.ts') },
];

for (const bench of BENCHES) {
  console.log(`== ${bench.name} ==`);
  const mod = await bench.load();
  await mod.run();
}
