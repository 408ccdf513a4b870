// The signed footer of a return (表尾): 单位负责人, 统计负责人, 填表人, 联系电话, 报出日期. Part of the return: stored,
// audited, exported, read back and printed. 报出日期 orders a unit's resubmissions at the receiving office. Pure.
import { z } from 'zod';
import { DATE_UNITS, fields as F, PHONE_EXTENSION } from '../messages/fields.ts';

/** A person's name as signed: at most 30 characters, no line breaks. */
const NameSchema = z
  .string()
  .trim()
  .max(30, F.nameTooLong)
  .regex(/^[^\r\n]*$/, F.nameNewline);
/** Digits, spaces, -, +, (), 转 (extension): a landline or a mobile, at most 40 characters. */
export const PhoneSchema = z
  .string()
  .trim()
  .max(40, F.phoneTooLong)
  .regex(new RegExp(`^[0-9０-９\\s\\-－+＋()（）${PHONE_EXTENSION},，、/]*$`), F.phoneChars);
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, F.isoDate)
  .refine(isRealDate, F.noSuchDay);

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

const { year: Y, month: M, day: D } = DATE_UNITS;
/** Only the label's 年 月 日, no date. */
const BLANK_DATE = new RegExp(`^${Y}?${M}?${D}?$`);
const DATE = new RegExp(`^(\\d{4})[${Y}\\-/.](\\d{1,2})[${M}\\-/.](\\d{1,2})${D}?$`);

/**
 * A date as people write it in a footer: 2025年1月10日, 2025 年 1 月 10 日, 2025-01-10, 2025/1/10, 2025.1.10
 * (full-width digits too). 'blank' when only the label's 年 月 日 are there, 'invalid' when it is no real date.
 */
export function parseFooterDate(text: string): { kind: 'date'; iso: string } | { kind: 'blank' } | { kind: 'invalid' } {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (t === '' || BLANK_DATE.test(t)) return { kind: 'blank' };
  const m = DATE.exec(t);
  if (!m) return { kind: 'invalid' };
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isRealDate(iso) ? { kind: 'date', iso } : { kind: 'invalid' };
}

/** 2025年1月10日, as the form prints it. */
export function footerDateText(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return F.chineseDate(y, m, d);
}
