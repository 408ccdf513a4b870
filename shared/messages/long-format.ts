// The long format's own text: the title and description of its published JSON Schema and what each field holds
// (zod's describe). Imports nothing, so the long format's schema can use it.
export const longFormat = {
  title: '妇女发展监测数据长表（wdp-long）',
  description:
    '每行一个数值：数据项的合计/女/男栏、定性目标、上级下达的目标值，以及规则引擎给出的指标评估结果（目标、评估结果、预警、序时进度）。CSV 导出为同样的列，表头为中文。',
  /** what each field of a row (and of the file's header) holds */
  field: {
    kind: 'item 数据项 | qualitative 定性目标 | threshold 上级下达的目标值 | indicator 指标评估结果',
    regionCode: '12位统计用区划代码',
    level: 'township 乡镇（街道） | county 县（区） | city 市',
    planId: '规划编号，如 taobei',
    frameworkVersion: '指标框架版本',
    code: '数据项代码（HD01）、指标代码（H01）或目标编号',
    column: 'total 合计 | female 女 | male 男；数据项以外为 null',
    rawText: '填写的不是有效数值时按原样保存的文字',
    noDataReason: '无数据的原因；有原因而 value 为 null 即为“无数据”',
    choice: '定性目标：done 已建立/已实现 | in_progress 推进中 | not_done 未建立/未实现',
    returnStatus: 'draft 草稿 | checked 已校验 | submitted 已报送 | returned 被退回 | accepted 审核通过',
    source: '数据来自哪个单位或文件',
    target: '目标（规划原文）',
    rule: '判定规则',
    verdict:
      'met 已实现 | basically_met 基本实现 | not_met 尚有差距 | in_progress 推进中 | no_data 无数据 | not_applicable 不适用 | reference 仅供参考',
    hardToMeet: '预警：预计完成困难',
    volatile: '预警：波动较大',
    progress: '序时进度：ahead 提前实现 | on_track 达到序时进度 | behind 滞后于序时进度 | no_base 缺少基期数据',
    expected: '序时进度要求达到的数值',
    message: '评估说明',
    generatedAt: '导出时间（ISO 8601）',
    generator: '导出程序及版本',
  },
} as const;
