// The signed footer of a return (表尾): 单位负责人, 统计负责人, 填表人, 联系电话, 报出日期. Part of the return: stored,
// audited, exported, read back and printed. 报出日期 orders a unit's resubmissions at the receiving office. Pure.
import { z } from 'zod';

/** A person's name as signed: at most 30 characters, no line breaks. */
const NameSchema = z
  .string()
  .trim()
  .max(30, '姓名最多30个字符')
  .regex(/^[^\r\n]*$/, '姓名不能换行');
/** Digits, spaces, -, +, (), 转 (extension): a landline or a mobile, at most 40 characters. */
export const PhoneSchema = z
  .string()
  .trim()
  .max(40, '联系电话最多40个字符')
  .regex(/^[0-9０-９\s\-－+＋()（）转,，、/]*$/, '联系电话只能包含数字、空格、-、+、括号和“转”');
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD')
  .refine(isRealDate, '没有这一天');

export const FOOTER_FIELDS = ['head', 'statistician', 'filler', 'phone', 'reportedOn'] as const;
export type FooterField = (typeof FOOTER_FIELDS)[number];

export const ReturnFooterSchema = z.object({
  /** 单位负责人 */
  head: NameSchema.default(''),
  /** 统计负责人 */
  statistician: NameSchema.default(''),
  /** 填表人 */
  filler: NameSchema.default(''),
  /** 联系电话 */
  phone: PhoneSchema.default(''),
  /** 报出日期, YYYY-MM-DD; null until set (on submission at the latest) */
  reportedOn: IsoDateSchema.nullable().default(null),
});
export type ReturnFooter = z.infer<typeof ReturnFooterSchema>;

export const EMPTY_FOOTER: ReturnFooter = { head: '', statistician: '', filler: '', phone: '', reportedOn: null };

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 2000 && y <= 2100
  );
}

/**
 * A date as people write it in a footer: 2025年1月10日, 2025 年 1 月 10 日, 2025-01-10, 2025/1/10, 2025.1.10
 * (full-width digits too). 'blank' when only the label's 年 月 日 are there, 'invalid' when it is no real date.
 */
export function parseFooterDate(text: string): { kind: 'date'; iso: string } | { kind: 'blank' } | { kind: 'invalid' } {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (t === '' || /^年?月?日?$/.test(t)) return { kind: 'blank' };
  const m = /^(\d{4})[年\-/.](\d{1,2})[月\-/.](\d{1,2})日?$/.exec(t);
  if (!m) return { kind: 'invalid' };
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isRealDate(iso) ? { kind: 'date', iso } : { kind: 'invalid' };
}

/** 2025年1月10日, as the form prints it. */
export function footerDateText(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
