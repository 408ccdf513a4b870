// The problems of a field that does not pass its schema (zod messages), and the words a field is written or read with.
// Imports nothing, so every schema in shared/ can use it without a cycle.

/** 年 月 日 of a date as the form prints it and as people type it (2025年1月10日). */
export const DATE_UNITS = { year: '年', month: '月', day: '日' } as const;
/** The extension word a phone number may hold (0871-1234567转8). */
export const PHONE_EXTENSION = '转';

export const fields = {
  chineseDate: (y: number, m: number, d: number) =>
    `${y}${DATE_UNITS.year}${m}${DATE_UNITS.month}${d}${DATE_UNITS.day}`,
  nameTooLong: '姓名最多30个字符',
  nameNewline: '姓名不能换行',
  phoneTooLong: '联系电话最多40个字符',
  phoneChars: `联系电话只能包含数字、空格、-、+、括号和“${PHONE_EXTENSION}”`,
  isoDate: '日期应为 YYYY-MM-DD',
  noSuchDay: '没有这一天',
  deadlineFormat: '截止日期应为 YYYY-MM-DD，例如 2025-01-31',
  deadlineInvalid: '截止日期不是有效的日期',
  textTooLong: (what: string, max: number) => `${what}最多${max}个字`,
  controlChars: (what: string) => `${what}含有不可见的控制字符`,
  /** the texts of a send-back, as `textTooLong` and `controlChars` name them */
  review: { problem: '问题说明', remark: '退回意见', overall: '总体意见' },
  remarkRequired: '请填写退回意见',
  tooManyRemarks: '退回意见最多500条',
  sendBackEmpty: '请填写退回原因：总体意见或至少一条单元格意见',
  regionCode: '区划代码应为12位数字',
  rawTextEmpty: '请填写内容',
  rawTextTooLong: '填写的内容过长（最多200个字符）',
  reviewRemarkTooLong: '审核意见最多1000个字',
  noDataReasonRequired: '请填写无数据的原因',
  /** a plan's author: a target as the plan writes it, a county's adjustment, a new signing key */
  targetText: '请填写目标（规划原文）',
  planQuote: '请粘贴规划原句',
  planId: '规划编号只能用小写英文字母（如 zhenlai）',
  bandOrder: '均衡范围的下限应小于上限',
  adjustNote: '请填写调整依据',
  adjustNothing: '请填写要调整的目标值、幅度或均衡范围',
  fingerprint: '请填写对方电脑上显示的指纹',
  repinReason: '请填写重新认定的原因',
  /** a DHIS2 identifier and an ADX attribute name in the mapping */
  dhis2Empty: '不能为空',
  dhis2TooLong: '最多100个字符',
  dhis2Chars: '不能含空格、引号或 < > &',
  adxAttribute: '应为英文字母开头的属性名，如 SEX',
  adxReserved: 'ADX 已使用这个属性名',
  pooledRatio: '汇总比率的分子、分母须同时有值，参与汇总的单位数不能超过下级单位数',
} as const;
