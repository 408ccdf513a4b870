// 妇女与健康: every numeric target of the five plans, written down from the plan texts.
// Rows as described at NumericRow in ./target-tables.ts; that harness checks them against the plan area files.
import { describeAreaTargets, type NumericRow, type PlanId } from './target-tables.ts';

/** Targets whose number is implied by the wording (每个…至少有1…, 至少保证有1人, 实现全域覆盖) rather than printed as such. */
const IMPLIED_NUMBER = new Set(['jiahe-H-M02-1', 'kelan-H-M11-1', 'kelan-H-M11-2', 'jinkouhe-H-M05-4']);

const NUMERIC: Record<PlanId, NumericRow[]> = {
  taobei: [
    ['taobei-H-G02-1', 'H03', 'at_most', [12], false, '1/10万'], // 孕产妇死亡率控制在12/10万以下
    ['taobei-H-G03-2', 'H06', 'at_least', [70], false, '%'], // 适龄妇女宫颈癌人群筛查率达到70%以上
    ['taobei-H-G05-2', 'H18', 'at_most', [2], false, '%'], // 艾滋病母婴传播率下降到2%以下
    ['taobei-H-M04-1', 'H04', 'at_least', [90], false, '%'], // 孕产妇系统管理率达到90%以上
    ['taobei-H-M05-1', 'H12', 'at_least', [90], false, '%'], // 宫颈癌和乳腺癌防治知识知晓率达到90%以上
    ['taobei-H-M05-2', 'H11', 'at_least', [90], false, '%'], // 宫颈癌患者治疗率达到90%以上
    ['taobei-H-M07-1', 'H13', 'at_least', [98], false, '%'], // 孕产妇艾滋病、梅毒和乙肝检测率达到98%以上
    ['taobei-H-M07-2', 'H14', 'at_least', [98], false, '%'],
    ['taobei-H-M07-3', 'H15', 'at_least', [98], false, '%'],
    ['taobei-H-M07-4', 'H16', 'at_least', [95], false, '%'], // 艾滋病、梅毒孕产妇感染者治疗率达到95%以上
    ['taobei-H-M07-5', 'H17', 'at_least', [95], false, '%'],
  ],
  jinkouhe: [
    ['jinkouhe-H-G02-1', 'H03', 'at_most', [12], false, '1/10万'], // 孕产妇死亡率下降到 12/10 万以下
    ['jinkouhe-H-G03-2', 'H06', 'at_least', [70], false, '%'],
    ['jinkouhe-H-G05-2', 'H18', 'at_most', [2], false, '%'],
    ['jinkouhe-H-M04-1', 'H04', 'at_least', [90], false, '%'],
    ['jinkouhe-H-M05-1', 'H12', 'at_least', [90], false, '%'],
    ['jinkouhe-H-M05-2', 'H10', 'at_least', [70], false, '%'], // 促进70%的妇女在35—45岁接受高效宫颈癌筛查
    ['jinkouhe-H-M05-3', 'H11', 'at_least', [90], false, '%'],
    ['jinkouhe-H-M05-4', 'H43', 'at_least', [100], false, '%'], // 推动“两癌”筛查实现全域覆盖（每个乡镇开展筛查）
    ['jinkouhe-H-M07-1', 'H13', 'at_least', [98], false, '%'],
    ['jinkouhe-H-M07-2', 'H14', 'at_least', [98], false, '%'],
    ['jinkouhe-H-M07-3', 'H15', 'at_least', [98], false, '%'],
    ['jinkouhe-H-M07-4', 'H16', 'at_least', [95], false, '%'],
    ['jinkouhe-H-M07-5', 'H17', 'at_least', [95], false, '%'],
  ],
  jiutai: [
    ['jiutai-H-G02-1', 'H03', 'at_most', [12], false, '1/10万'],
    ['jiutai-H-G03-2', 'H06', 'at_least', [70], false, '%'],
    ['jiutai-H-G03-4', 'H11', 'at_least', [90], false, '%'], // 宫颈癌患者治疗率达90%以上 (in 主要目标 here)
    ['jiutai-H-G05-2', 'H18', 'at_most', [2], false, '%'],
    ['jiutai-H-G05-3', 'H13', 'at_least', [98], false, '%'],
    ['jiutai-H-G05-4', 'H14', 'at_least', [98], false, '%'],
    ['jiutai-H-G05-5', 'H15', 'at_least', [98], false, '%'],
    ['jiutai-H-G05-6', 'H16', 'at_least', [95], false, '%'],
    ['jiutai-H-G05-7', 'H17', 'at_least', [95], false, '%'],
    ['jiutai-H-M04-1', 'H04', 'at_least', [90], false, '%'],
    ['jiutai-H-M05-1', 'H12', 'at_least', [90], false, '%'],
    ['jiutai-H-M05-2', 'H08', 'at_least', [70], false, '%'], // 农村适龄妇女宫颈癌和乳腺癌筛查覆盖率分别达到70%以上
    ['jiutai-H-M05-3', 'H09', 'at_least', [70], false, '%'],
  ],
  jiahe: [
    ['jiahe-H-G03-1', 'H03', 'at_most', [12], false, '1/10万'],
    ['jiahe-H-G04-2', 'H06', 'at_least', [70], false, '%'], // 达70%以上
    ['jiahe-H-G05-2', 'H18', 'at_most', [3], false, '%'], // 艾滋病母婴传播率下降至3%以下
    ['jiahe-H-M02-1', 'H28', 'at_least', [100], false, '%'], // 村级至少保证有1人承担妇幼健康服务工作
    ['jiahe-H-M04-1', 'H27', 'at_least', [1], false, '个'], // 县城至少设置1个危重孕产妇救治中心
    ['jiahe-H-M04-2', 'H04', 'at_least', [90], false, '%'],
    ['jiahe-H-M05-1', 'H12', 'at_least', [90], false, '%'],
    ['jiahe-H-M05-2', 'H10', 'at_least', [70], false, '%'], // 促进70%的妇女在35岁至45岁接受高效宫颈癌筛查
    ['jiahe-H-M05-3', 'H11', 'at_least', [90], true, '%'], // 得到治疗的比例超过90%
    ['jiahe-H-M06-1', 'H13', 'at_least', [95], false, '%'], // 检测率达到95%以上 (not 98)
    ['jiahe-H-M06-2', 'H14', 'at_least', [95], false, '%'],
    ['jiahe-H-M06-3', 'H15', 'at_least', [95], false, '%'],
    ['jiahe-H-M06-4', 'H16', 'at_least', [95], false, '%'],
    ['jiahe-H-M06-5', 'H17', 'at_least', [95], false, '%'],
    ['jiahe-H-M06-6', 'H19', 'at_most', [15], false, '1/10万'], // 先天梅毒报告发病率控制在15/10万以下
  ],
  kelan: [
    ['kelan-H-G01-2', 'H01', 'at_least', [78.1], false, '岁'], // 妇女人均预期寿命达到 78.1 岁
    ['kelan-H-G02-1', 'H03', 'at_most', [12.5], false, '1/10万'], // 下降到 12.5/10 万以内
    ['kelan-H-G05-3', 'H18', 'at_most', [2.5], false, '%'], // 下降到 2.5%以下
    ['kelan-H-G10-2', 'H24', 'at_least', [50], false, '%'], // 体育人口占比达到 50%以上
    ['kelan-H-G10-3', 'H26', 'at_least', [90], false, '%'], // 妇女体质测定标准合格率以上的比例达到 90%
    ['kelan-H-M11-1', 'H30', 'at_least', [100], false, '%'], // 每个乡镇办好一所标准化建设的乡镇卫生院
    ['kelan-H-M11-2', 'H29', 'at_least', [100], false, '%'], // 每个行政村至少有1所…村卫生室
  ],
};

describeAreaTargets('health', { numeric: NUMERIC, impliedNumbers: IMPLIED_NUMBER });
