// Writing the merged county workbook alone (the form, 校验结果, 汇总说明, 数据来源 and the 分单位明细 with one column
// per township), timed around the writer with the merge already computed: wall, CPU and the growth of the
// process's resident memory while writing. Townships are JSON returns, so only the write is measured.
//   node tests/bench/merge-write.ts   (WDP_BENCH_WRITE_SIZES=30,3000)
import { importBatch } from '../../electron/merge/batch-import.ts';
import { buildMergedReturn } from '../../electron/merge/county-aggregate.ts';
import { writeMergedWorkbook } from '../../electron/merge/county-export.ts';
import { resolveOffice } from '../../electron/merge/office.ts';
import { openTestBackend, TAOBEI_COUNTY } from '../helpers/backend.ts';
import { file, jsonReader, townshipReturn } from '../electron/merge/helpers.ts';
import { syntheticTownships } from './merge-files.ts';

const SIZES = (process.env.WDP_BENCH_WRITE_SIZES ?? '30,3000').split(',').map(Number);

export async function run(): Promise<void> {
  for (const n of SIZES) {
    const backend = openTestBackend({ profile: TAOBEI_COUNTY });
    try {
      const office = resolveOffice(backend.ctx);
      const towns = syntheticTownships(office.region.code, n);
      await importBatch(
        backend.ctx,
        office,
        2024,
        towns.map((t) => file(`${t.code}.json`, townshipReturn(office.framework, t.code, 2024))),
        jsonReader,
      );
      const merged = buildMergedReturn(backend.ctx, office, 2024);
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      const sample = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 5);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const bytes = await writeMergedWorkbook(backend.ctx, merged);
      const cpu = process.cpuUsage(c0);
      clearInterval(sample);
      peak = Math.max(peak, process.memoryUsage().rss);
      console.log(
        `  ${String(n).padStart(5)} townships: write ${(performance.now() - t0).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms cpu, RSS +${((peak - rss0) / 1e6).toFixed(0)} MB while writing, ${(bytes.length / 1e6).toFixed(2)} MB file`,
      );
    } finally {
      backend.dispose();
    }
  }
}

if (import.meta.main) await run();
