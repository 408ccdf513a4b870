// 妇女与环境: every target with a threshold, written from the five plans' own sentences.
// Rows as described at NumericRow, TrendRow and ExternalRow in ./target-tables.ts; that harness checks them against the
// plan area files. No target of these plans is set relative to another indicator (relative: NONE).
import {
  describeAreaTargets,
  NONE,
  type ExternalRow,
  type NumericRow,
  type PlanId,
  type TrendRow,
} from './target-tables.ts';

const NUMERIC: Record<PlanId, NumericRow[]> = {
  taobei: [
    ['taobei-V-G06-1', 'V12', 'at_least', [95], false, '%'], // 农村自来水普及率达到95%
  ],
  jinkouhe: [
    ['jinkouhe-V-G06-2', 'V12', 'at_least', [90], false, '%'], // 农村自来水普及率达到90%
    ['jinkouhe-V-M07-1', 'V26', 'at_least', [100], false, '%'], // 推进城镇污水管网全覆盖
  ],
  jiutai: [
    ['jiutai-V-G07-1', 'V12', 'at_least', [95], false, '%'], // 农村自来水普及率达到95%
    ['jiutai-V-M07-1', 'V26', 'at_least', [100], false, '%'], // 推进城镇污水管网全覆盖
  ],
  jiahe: [
    ['jiahe-V-G03-1', 'V12', 'at_least', [96], false, '%'], // 农村自来水普及率达到96%
    ['jiahe-V-G05-2', 'V19', 'at_least', [100], false, '%'], // 农村生活垃圾进行处理的行政村比例达到100%
  ],
  kelan: [
    ['kelan-V-G07-1', 'V12', 'at_least', [92], false, '%'], // 农村自来水普及率稳定在92%以上
    ['kelan-V-G08-2', 'V15', 'about', [85, 4.3], null, '%'], // 2025年达到85%左右 (± 5%)
  ],
};

/** Quantitative targets without a number of the plan's own: trends … */
const TREND: Record<PlanId, TrendRow[]> = {
  taobei: [
    ['taobei-V-G06-2', 'V13', 'increase'], // 城市集中式饮用水水源水质不断改善
    ['taobei-V-G07-1', 'V15', 'increase'], // 农村卫生厕所普及率稳步提高
  ],
  jinkouhe: [
    ['jinkouhe-V-G06-3', 'V13', 'increase'], // 提升城乡集中式饮用水水源水质
    ['jinkouhe-V-G07-1', 'V15', 'increase'], // 稳步提高农村卫生厕所普及率
  ],
  jiutai: [
    ['jiutai-V-G07-2', 'V13', 'increase'],
    ['jiutai-V-G08-1', 'V15', 'increase'],
  ],
  jiahe: [['jiahe-V-G03-2', 'V13', 'increase']],
  kelan: [
    ['kelan-V-G07-2', 'V13', 'increase'],
    ['kelan-V-G08-1', 'V15', 'increase'], // 提高农村卫生厕所普及率
  ],
};

/** … and thresholds set outside the plan (reached or passed: at_least, not strict). */
const EXTERNAL: Record<PlanId, ExternalRow[]> = {
  taobei: [],
  jinkouhe: [],
  jiutai: [],
  jiahe: [
    ['jiahe-V-G04-1', 'V15', 'at_least', false], // 农村卫生厕所基本普及 (no number in the plan)
  ],
  kelan: [
    ['kelan-V-G06-2', 'V11', 'at_least', false], // 确保完成国家下达的空气质量优良天数比例指标
  ],
};

/** Targets whose number is implied by the wording (全覆盖 → 100%) rather than printed as such. */
const IMPLIED_NUMBER = new Set(['jinkouhe-V-M07-1', 'jiutai-V-M07-1']);

describeAreaTargets('environment', {
  numeric: NUMERIC,
  trend: TREND,
  relative: NONE,
  external: EXTERNAL,
  impliedNumbers: IMPLIED_NUMBER,
});
