// 妇女与社会保障: the targets with a number, and the trend targets, of each plan, written from the plans' own sentences.
// Rows as described at NumericRow and TrendRow in ./target-tables.ts; that harness checks them against the plan area files.
// No target of these plans is set relative to another indicator or against an external threshold (relative, external: NONE).
import { describeAreaTargets, NONE, type NumericRow, type PlanId, type TrendRow } from './target-tables.ts';

// 主要目标 and 策略措施 of 妇女与社会保障: only the 参保率 objectives (and 金口河's 养老服务设施 measure) carry numbers.
const NUMERIC: Record<PlanId, NumericRow[]> = {
  // 妇女基本医疗保险参保率不低于95%；妇女基本养老保险参保率达到95%
  taobei: [
    ['taobei-S-G03-1', 'S09', 'at_least', [95], false, '%'],
    ['taobei-S-G04-1', 'S13', 'at_least', [95], false, '%'],
  ],
  // 参保率稳定在98%以上；参保率提高到95%；乡(镇)至少建有1个社区养老服务综合体，全区至少建有1个智慧养老院或智慧养老社区、1所区级特困人员供养服务设施
  jinkouhe: [
    ['jinkouhe-S-G03-3', 'S09', 'at_least', [98], false, '%'],
    ['jinkouhe-S-G04-3', 'S13', 'at_least', [95], false, '%'],
    ['jinkouhe-S-M09-1', 'S25', 'at_least', [1], false, '个'],
    ['jinkouhe-S-M09-2', 'S26', 'at_least', [1], false, '个'],
    ['jinkouhe-S-M09-3', 'S27', 'at_least', [1], false, '所'],
  ],
  // 妇女基本医疗保险参保率稳定在95%以上；妇女基本养老保险参保率提高到95%
  jiutai: [
    ['jiutai-S-G03-2', 'S09', 'at_least', [95], false, '%'],
    ['jiutai-S-G04-2', 'S13', 'at_least', [95], false, '%'],
  ],
  // 嘉禾 states no number in this area (基本医疗保险实现全覆盖, 基本养老保险实现应保尽保 are encoded as qualitative)
  jiahe: [],
  // 妇女基本医疗保险参保率稳定在95%以上；妇女基本养老保险参保率达到95%以上
  kelan: [
    ['kelan-S-G03-2', 'S09', 'at_least', [95], false, '%'],
    ['kelan-S-G04-2', 'S13', 'at_least', [95], false, '%'],
  ],
};

/** Trend targets: 逐步提高 / 缩小 … without a number, judged against the previous year. */
const TREND: Record<PlanId, TrendRow[]> = {
  taobei: [
    ['taobei-S-G02-2', 'S05', 'increase'], // 提高生育保险参保率
    ['taobei-S-G05-1', 'S16', 'increase'], // 妇女失业保险和工伤保险参保人数进一步增加
    ['taobei-S-G05-2', 'S17', 'increase'],
  ],
  jinkouhe: [
    ['jinkouhe-S-G02-2', 'S05', 'increase'],
    ['jinkouhe-S-G05-2', 'S16', 'increase'],
    ['jinkouhe-S-G05-3', 'S17', 'increase'],
    ['jinkouhe-S-G08-3', 'S24', 'increase'], // 不断提高以社区为单位的养老服务覆盖率
  ],
  jiutai: [
    ['jiutai-S-G02-2', 'S05', 'increase'],
    ['jiutai-S-G05-2', 'S16', 'increase'],
    ['jiutai-S-G05-3', 'S17', 'increase'],
  ],
  jiahe: [
    ['jiahe-S-G02-2', 'S05', 'increase'], // 生育保险参保率及享有率提高
    ['jiahe-S-G02-3', 'S06', 'increase'],
    ['jiahe-S-G05-1', 'S16', 'increase'], // 妇女参与失业保险的人数逐步增长
    ['jiahe-S-G06-1', 'S17', 'increase'], // 妇女工伤保险的覆盖面进一步拓宽
  ],
  kelan: [
    ['kelan-S-G02-2', 'S05', 'increase'],
    ['kelan-S-G05-2', 'S16', 'increase'],
    ['kelan-S-G05-3', 'S17', 'increase'],
  ],
};

const OBJECTIVES: Record<PlanId, number> = { taobei: 9, jinkouhe: 10, jiutai: 9, jiahe: 10, kelan: 9 };

/** Numeric targets whose text joins words of the quote that are not one run: 全区至少建有1个智慧养老院…、1所区级特困人员供养服务设施. */
const ABRIDGED_TEXT = new Set(['jinkouhe-S-M09-3']);

describeAreaTargets('social_security', {
  numeric: NUMERIC,
  trend: TREND,
  relative: NONE,
  external: NONE,
  objectives: OBJECTIVES,
  abridgedText: ABRIDGED_TEXT,
});
