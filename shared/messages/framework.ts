import type { AreaCode } from '../framework/schema.ts';

export const areaTitles: Record<AreaCode, string> = {
  health: '妇女与健康',
  education: '妇女与教育',
  economy: '妇女与经济',
  decision: '妇女参与决策和管理',
  social_security: '妇女与社会保障',
  family: '妇女与家庭建设',
  environment: '妇女与环境',
  law: '妇女与法律',
};

/** Two-character area names: the Excel return's sheet names and the narrow summary columns. */
export const areaShortNames: Record<AreaCode, string> = {
  health: '健康',
  education: '教育',
  economy: '经济',
  decision: '决策',
  social_security: '社保',
  family: '家庭',
  environment: '环境',
  law: '法律',
};

export const framework = {
  ruleKinds: {
    at_most: '不高于',
    at_least: '不低于',
    about: '左右',
    range: '区间',
    trend: '趋势',
    balanced: '均衡',
    relative: '相对',
    external: '上级要求',
    qualitative: '定性',
  } as Record<string, string>,
  levels: { township: '乡镇', county: '县区' } as Record<string, string>,
  kinds: { ratio: '比率', value: '数值', qualitative: '定性' } as Record<string, string>,
  browserTitle: '指标框架',
  shippedUnloadable: (why: string) => `随程序提供的指标框架无法装载：${why}`,
  noVersion: (planId: string, version: number) => `没有规划 ${planId} 的第 ${version} 版指标框架`,
  noPlan: (planId: string) => `本机没有规划 ${planId}`,
  version: (v: number) => `第 ${v} 版`,
  searchPlaceholder: '按指标名称或代码搜索',
  noMatch: '没有符合条件的指标',
  retired: '已停用（旧版框架中的指标，数据保留）',
  columns: {
    code: '代码',
    indicator: '指标',
    target: '目标（规划原文）',
    rule: '判定规则',
    unit: '单位',
    level: '判定层级',
    department: '责任部门',
    source: '出处',
  },
};
