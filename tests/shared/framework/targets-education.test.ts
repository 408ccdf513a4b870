// 妇女与教育: every numeric target of the five plans, written down from the plan texts.
// Rows as described at NumericRow in ./target-tables.ts; that harness checks them against the plan area files.
import { describeAreaTargets, type NumericRow, type PlanId } from './target-tables.ts';

/** Targets whose number is implied by the wording (消除女童辍学现象 → none left) rather than printed as such. */
const IMPLIED_NUMBER = new Set(['jiahe-E-G05-1']);

const NUMERIC: Record<PlanId, NumericRow[]> = {
  taobei: [
    ['taobei-E-G03-1', 'E01', 'balanced', [45, 55], null, '%'], // 义务教育学校在校生中男女比例保持均衡
    ['taobei-E-G04-1', 'E07', 'at_least', [95], false, '%'], // 高中阶段毛入学率达到95%
    ['taobei-E-G06-1', 'E10', 'balanced', [45, 55], null, '%'], // 高等学校在校生中男女比例保持均衡
    ['taobei-E-G06-2', 'E11', 'balanced', [45, 55], null, '%'], // 高等教育学科专业的性别结构趋于平衡
  ],
  jinkouhe: [
    ['jinkouhe-E-G04-1', 'E03', 'at_least', [96], false, '%'], // 九年义务教育巩固率达到 96%以上
    ['jinkouhe-E-G05-1', 'E07', 'at_least', [95], false, '%'], // 高中阶段毛入学率达到并保持在 95%以上
  ],
  jiutai: [
    ['jiutai-E-G03-1', 'E03', 'at_least', [99], false, '%'], // 义务教育巩固率提高到99%以上
    ['jiutai-E-G04-1', 'E07', 'at_least', [100], false, '%'], // 高中阶段教育毛入学率达到100%
    ['jiutai-E-G06-1', 'E10', 'balanced', [45, 55], null, '%'], // 高校在校生中男女比例保持均衡
    ['jiutai-E-G06-2', 'E11', 'balanced', [45, 55], null, '%'], // 性别结构逐步趋于平衡
  ],
  jiahe: [
    ['jiahe-E-G04-1', 'E02', 'balanced', [45, 55], null, '%'], // 在园男童女童比例保持均衡
    ['jiahe-E-G05-1', 'E06', 'at_most', [0], false, '人'], // 消除女童辍学现象
    ['jiahe-E-G05-2', 'E03', 'at_least', [98.5], false, '%'], // 九年义务教育巩固率稳定在98.5%
    ['jiahe-E-G06-1', 'E07', 'at_least', [93.5], false, '%'], // 高中阶段教育毛入学率达到93.5％
    ['jiahe-E-G07-1', 'E09', 'at_least', [50], false, '%'], // 高等教育毛入学率达到50％
    ['jiahe-E-G09-3', 'E14', 'at_least', [15], false, '%'], // 女性具备科学素质的比例达到15%
  ],
  kelan: [
    ['kelan-E-G04-1', 'E04', 'at_least', [99.95], false, '%'], // 小学、初中阶段净入学率均保持在 99.95%以上
    ['kelan-E-G04-2', 'E05', 'at_least', [99.95], false, '%'],
    ['kelan-E-G05-1', 'E07', 'at_least', [95], false, '%'], // 高中阶段毛入学率达到 95%以上
    ['kelan-E-G06-1', 'E11', 'balanced', [45, 55], null, '%'], // 高等教育学科专业的性别结构逐步趋于平衡
    ['kelan-E-G07-2', 'E18', 'at_least', [80], false, '%'], // 从业女性职业技能培训参与率达到 80%
    ['kelan-E-G10-2', 'E17', 'at_least', [11.6], false, '年'], // 劳动年龄女性平均受教育年限达到 11.6 年
  ],
};

describeAreaTargets('education', { numeric: NUMERIC, impliedNumbers: IMPLIED_NUMBER });
