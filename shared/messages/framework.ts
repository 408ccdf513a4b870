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

export const framework = {
  ruleKinds: {
    at_most: '不高于', at_least: '不低于', about: '左右', range: '区间', trend: '趋势',
    balanced: '均衡', relative: '相对', external: '上级要求', qualitative: '定性',
  } as Record<string, string>,
  levels: { township: '乡镇', county: '县区' } as Record<string, string>,
  kinds: { ratio: '比率', value: '数值', qualitative: '定性' } as Record<string, string>,
};
