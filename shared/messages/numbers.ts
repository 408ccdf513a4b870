// Chinese text about one typed or imported number: the parser's messages and the noun for a count.
// Below both shared/returns (the parser) and shared/rules (the engine), so neither takes text from the other.
// Pure: no I/O.

/** The noun for a count of this unit: 人 → 人数, 例 → 例数 …; amounts and values → 数值. */
export function countNoun(unit: string, valueType: 'count' | 'amount' | 'value'): string {
  if (valueType !== 'count') return valueType === 'amount' ? '金额' : '数值';
  const nouns: Record<string, string> = {
    人: '人数',
    名: '人数',
    人次: '人次数',
    例: '例数',
    个: '个数',
    户: '户数',
    次: '次数',
    件: '件数',
    所: '所数',
    家: '家数',
    起: '起数',
    对: '对数',
    天: '天数',
    日: '天数',
    小时: '小时数',
    张: '张数',
    床: '床位数',
  };
  return nouns[unit] ?? '数量';
}

/** Parsing one typed or imported number (shared/returns/parse-number.ts). */
export const PARSE_MSG = {
  notANumber: (text: string) => `“${text}”不是有效的数字；没有数据请填“—”`,
  badThousands: (text: string) => `“${text}”的千分位分隔符位置不对，请核对`,
  percentNotAllowed: '此项不是百分比，请去掉“%”',
  negativeCount: (noun: string) => `${noun}不能为负数`,
  negativeAmount: '此项不能为负数',
  notInteger: (noun: string) => `${noun}应为整数`,
  tooManyDecimals: (allowed: number) =>
    allowed === 0 ? '此项不保留小数，请填写整数' : `小数位数过多，最多保留${allowed}位小数`,
  tooLarge: '数值过大，请核对',
} as const;
