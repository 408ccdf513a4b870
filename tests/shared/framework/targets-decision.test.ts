// Numeric targets of 妇女参与决策和管理 (decision), written from the five plans' texts: every target whose
// rule carries a number, with its indicator, rule, bound strictness and the indicator's unit. Rows as described
// at NumericRow in ./target-tables.ts; that harness checks them against the plan area files.
import {
  describeAreaTargets,
  type ExternalRow,
  type NumericRow,
  type PlanId,
  type RelativeRow,
} from './target-tables.ts';

/**
 * Targets whose number is implied by the wording (一半以上 → 50%, 各乡镇…至少配备1名 → 100% of them, 实现全覆盖 → 100%)
 * rather than printed as such.
 */
const IMPLIED_NUMBER = new Set([
  'jiutai-P-G05-2',
  'jiahe-P-G04-1',
  'jiahe-P-G05-3',
  'jinkouhe-P-M02-1',
  'jiutai-P-M02-1',
  'jiahe-P-M02-1',
]);

const NUMERIC: Record<PlanId, NumericRow[]> = {
  taobei: [
    ['taobei-P-G08-3', 'P31', 'at_least', [30], false, '%'], // 村委会成员中女性比例达到30%以上
  ],
  jinkouhe: [
    ['jinkouhe-P-G08-3', 'P31', 'at_least', [30], false, '%'], // 村委会成员中女性比例达到 30%以上
    ['jinkouhe-P-G09-3', 'P37', 'about', [50, 2.5], null, '%'], // 社区居委会成员中女性比例保持在 50%左右
    ['jinkouhe-P-G09-4', 'P38', 'at_least', [40], false, '%'], // 社区居委会主任中女性比例达到 40%以上
    ['jinkouhe-P-M02-1', 'P44', 'at_least', [100], false, '%'], // 推进城乡社区妇女议事会实现全覆盖
  ],
  jiutai: [
    ['jiutai-P-G05-2', 'P17', 'at_least', [50], false, '%'], // 力争一半以上的领导班子配备女干部
    ['jiutai-P-G08-3', 'P31', 'at_least', [30], false, '%'], // 村委会成员中女性比例达到30%以上
    ['jiutai-P-M02-1', 'P44', 'at_least', [100], false, '%'], // 推进城乡社区妇女议事会实现全覆盖
  ],
  jiahe: [
    ['jiahe-P-G04-1', 'P14', 'at_least', [100], false, '%'], // 各乡镇领导班子至少配备1名女干部
    ['jiahe-P-G04-2', 'P13', 'at_least', [1], false, '人'], // 全县乡镇党政正职中至少配备1名女干部
    ['jiahe-P-G05-3', 'P20', 'at_least', [50], false, '%'], // 县党政工作部门，力争一半以上的领导班子配备女干部
    ['jiahe-P-G08-3', 'P31', 'at_least', [30], false, '%'], // 村委会成员中女性比例达到30%以上
    ['jiahe-P-G08-4', 'P33', 'at_least', [10], false, '%'], // 村主职中女性比例达到10%以上
    ['jiahe-P-M02-1', 'P44', 'at_least', [100], false, '%'], // 推进城乡社区妇女议事会实现全覆盖
  ],
  kelan: [
    ['kelan-P-G07-3', 'P31', 'about', [30, 1.5], null, '%'], // 村委会成员中女性比例达到30%左右
    ['kelan-P-G08-3', 'P37', 'about', [50, 2.5], null, '%'], // 社区居委会成员中女性比例保持在50%左右
    ['kelan-P-G08-4', 'P38', 'at_least', [40], false, '%'], // 社区居委会主任中女性比例达到40%以上
  ],
};

/** Targets set relative to another indicator: [target id, indicator, compared indicator, op, strict]. */
const RELATIVE: Record<PlanId, RelativeRow[]> = {
  taobei: [
    ['taobei-P-G02-2', 'P04', 'P03', 'at_least', false], // 党员代表大会中女党员代表比例一般不低于本地区党员总数中女性比例
    ['taobei-P-M07-1', 'P27', 'P28', 'at_least', false], // 企业职工代表大会中女职工代表比例与女职工比例相适应
  ],
  jinkouhe: [
    ['jinkouhe-P-G02-2', 'P04', 'P03', 'at_least', false], // 一般不少于本地区党员总数中女性比例
    ['jinkouhe-P-G07-2', 'P27', 'P28', 'at_least', false],
  ],
  jiutai: [
    ['jiutai-P-G02-2', 'P04', 'P03', 'at_least', false],
    ['jiutai-P-G07-2', 'P27', 'P28', 'at_least', false],
  ],
  jiahe: [
    ['jiahe-P-G02-2', 'P04', 'P03', 'at_least', false],
    ['jiahe-P-G07-2', 'P27', 'P28', 'at_least', false],
  ],
  kelan: [
    ['kelan-P-G02-2', 'P04', 'P03', 'at_least', false],
    ['kelan-P-G06-2', 'P27', 'P28', 'at_least', false],
    ['kelan-P-M08-1', 'P23', 'P22', 'at_least', false], // 各级各类干部培训中女干部比例不低于女干部占同级干部的比例
  ],
};

// 嘉禾县 alone leaves two shares to the level above: 社区居委会成员中女性比例、主任女性比例达到上级要求.
const EXTERNAL: Record<PlanId, ExternalRow[]> = {
  taobei: [],
  jinkouhe: [],
  jiutai: [],
  jiahe: [
    ['jiahe-P-G09-3', 'P37', 'at_least', false],
    ['jiahe-P-G09-4', 'P38', 'at_least', false],
  ],
  kelan: [],
};

describeAreaTargets('decision', {
  numeric: NUMERIC,
  relative: RELATIVE,
  external: EXTERNAL,
  impliedNumbers: IMPLIED_NUMBER,
});
