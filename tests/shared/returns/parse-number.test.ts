import { describe, expect, it } from 'vitest';
import { parseNumberInput, type ParseNumberOptions } from '../../../shared/returns/parse-number.ts';

const COUNT: ParseNumberOptions = { valueType: 'count', decimals: 0, unit: '人' };
const DAYS: ParseNumberOptions = { valueType: 'count', decimals: 0, unit: '天' };
const UNITS: ParseNumberOptions = { valueType: 'count', decimals: 0, unit: '个' };
const AMOUNT2: ParseNumberOptions = { valueType: 'amount', decimals: 2, unit: '元' };
const VALUE1: ParseNumberOptions = { valueType: 'value', decimals: 1, unit: '%' };
const VALUE0: ParseNumberOptions = { valueType: 'value', decimals: 0, unit: '岁' };

describe('parseNumberInput: accepted', () => {
  const cases: [string, ParseNumberOptions, number | null][] = [
    // missing, never zero
    ['', COUNT, null],
    ['   ', COUNT, null],
    ['\u3000', COUNT, null],
    ['—', COUNT, null],
    ['——', COUNT, null],
    ['－', COUNT, null],
    ['-', COUNT, null],
    ['--', VALUE1, null],
    ['…', COUNT, null],
    ['……', COUNT, null],
    ['...', COUNT, null],
    ['．．．', COUNT, null],
    [' — ', VALUE1, null],
    // plain and zero
    ['0', COUNT, 0],
    ['120', COUNT, 120],
    ['  120  ', COUNT, 120],
    ['+7', COUNT, 7],
    ['-0', COUNT, 0],
    ['12.0', COUNT, 12],
    // full-width digits and punctuation
    ['１２３', COUNT, 123],
    ['\u3000１２３\u3000', COUNT, 123],
    ['１２．５', VALUE1, 12.5],
    ['１，２３４', COUNT, 1234],
    // thousands separators
    ['1,234', COUNT, 1234],
    ['1，234', COUNT, 1234],
    ['12,345,678', COUNT, 12345678],
    ['1,234.56', AMOUNT2, 1234.56],
    // decimals within precision; trailing zeros do not count
    ['3.14', AMOUNT2, 3.14],
    ['3.10', VALUE1, 3.1],
    ['.5', VALUE1, 0.5],
    ['5.', VALUE1, 5],
    ['78', VALUE0, 78],
    // percent typed with the number
    ['30%', VALUE1, 30],
    ['30 %', VALUE1, 30],
    ['３０％', VALUE1, 30],
    ['45.5%', VALUE1, 45.5],
    // value types may be negative
    ['-2.5', VALUE1, -2.5],
    ['－2.5', VALUE1, -2.5],
  ];
  it.each(cases)('%j (%o) → %o', (text, opts, value) => {
    expect(parseNumberInput(text, opts)).toEqual({ ok: true, value });
  });
});

describe('parseNumberInput: rejected with the exact message', () => {
  const cases: [string, ParseNumberOptions, string][] = [
    ['abc', COUNT, '“abc”不是有效的数字；没有数据请填“—”'],
    ['十二', COUNT, '“十二”不是有效的数字；没有数据请填“—”'],
    ['12人', COUNT, '“12人”不是有效的数字；没有数据请填“—”'],
    ['1e3', COUNT, '“1e3”不是有效的数字；没有数据请填“—”'],
    ['1 234', COUNT, '“1 234”不是有效的数字；没有数据请填“—”'],
    ['%', VALUE1, '“%”不是有效的数字；没有数据请填“—”'],
    ['.', VALUE1, '“.”不是有效的数字；没有数据请填“—”'],
    ['1.2.3', VALUE1, '“1.2.3”不是有效的数字；没有数据请填“—”'],
    ['--5', VALUE1, '“--5”不是有效的数字；没有数据请填“—”'],
    ['1,23', COUNT, '“1,23”的千分位分隔符位置不对，请核对'],
    ['12,34,567', COUNT, '“12,34,567”的千分位分隔符位置不对，请核对'],
    ['1,234,', COUNT, '“1,234,”的千分位分隔符位置不对，请核对'],
    ['-3', COUNT, '人数不能为负数'],
    ['－３', COUNT, '人数不能为负数'],
    ['-3.5', COUNT, '人数不能为负数'],
    ['-1.5', AMOUNT2, '此项不能为负数'],
    ['2.5', COUNT, '人数应为整数'],
    ['１２．５', COUNT, '人数应为整数'],
    // the quantity is named after the item's unit: days, not people
    ['12.5', DAYS, '天数应为整数'],
    ['-1', DAYS, '天数不能为负数'],
    ['2.5', UNITS, '个数应为整数'],
    ['-2', UNITS, '个数不能为负数'],
    ['3.141', AMOUNT2, '小数位数过多，最多保留2位小数'],
    ['12.34', VALUE1, '小数位数过多，最多保留1位小数'],
    ['33.33%', VALUE1, '小数位数过多，最多保留1位小数'],
    ['78.5', VALUE0, '此项不保留小数，请填写整数'],
    ['30%', COUNT, '此项不是百分比，请去掉“%”'],
    ['30%', AMOUNT2, '此项不是百分比，请去掉“%”'],
    ['9'.repeat(400), VALUE1, '数值过大，请核对'],
    ['9'.repeat(20), COUNT, '数值过大，请核对'],
  ];
  it.each(cases)('%j (%o) → %s', (text, opts, message) => {
    expect(parseNumberInput(text, opts)).toEqual({ ok: false, message });
  });
});
