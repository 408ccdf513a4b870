// Numeric targets of 妇女与经济 (economy), written from the five plans' texts: every target whose
// rule carries a number, with its indicator, rule, bound strictness and the indicator's unit. Rows as described
// at NumericRow in ./target-tables.ts; that harness checks them against the plan area files.
import { describeAreaTargets, type NumericRow, type PlanId } from './target-tables.ts';

const NUMERIC: Record<PlanId, NumericRow[]> = {
  taobei: [
    ['taobei-C-G03-1', 'C07', 'about', [40, 2], null, '%'], // 城镇单位就业人员中的女性比例达到40%左右
    ['taobei-C-G05-2', 'C12', 'at_least', [40], false, '%'], // 高级专业技术人员中的女性比例达到40%
  ],
  jinkouhe: [
    ['jinkouhe-C-G02-2', 'C04', 'about', [45, 2.3], null, '%'], // 就业人员中的女性比例保持在 45%左右
    ['jinkouhe-C-G03-1', 'C07', 'about', [40, 2], null, '%'], // 城镇单位就业人员中的女性比例达到 40%左右
    ['jinkouhe-C-G04-2', 'C12', 'at_least', [40], false, '%'], // 高级专业技术人员中的女性比例达到 40%
    ['jinkouhe-C-G04-3', 'C15', 'about', [40, 2], null, '%'], // 技能劳动者中取得职业技能等级证书的女性比例达到 40%左右
  ],
  jiutai: [
    ['jiutai-C-G03-2', 'C11', 'at_least', [100], false, '%'], // 有就业意愿的离校未就业女大学生做到100%帮扶
    ['jiutai-C-G04-1', 'C07', 'about', [40, 2], null, '%'], // 城镇单位就业人员中的女性比例达到40%左右
    ['jiutai-C-G05-1', 'C12', 'at_least', [40], false, '%'], // 高级专业技术人员中的女性比例达到40%
  ],
  jiahe: [
    ['jiahe-C-G06-2', 'C12', 'about', [40, 2], null, '%'], // 专业技术人员中女性高级职称获得者比例达到40%左右
  ],
  kelan: [
    ['kelan-C-G02-2', 'C04', 'about', [45, 2.3], null, '%'], // 就业人员中的女性比例保持在45%左右
    ['kelan-C-G03-1', 'C07', 'about', [40, 2], null, '%'], // 城镇单位就业人员中的女性比例达到40%左右
  ],
};

describeAreaTargets('economy', { numeric: NUMERIC });
