// The audit trail as a person reads it: every field, status and item in Chinese (the item's name and column, the
// indicator's name), never an internal key. Pure: the entry screen and any printed trail use it.
import type { Framework } from '../framework/schema.ts';
import { MESSAGES } from '../messages.ts';
import type { Cell } from './schema.ts';

const A = MESSAGES.entry.audit;
const STATUS = MESSAGES.entry.status;

/** One cell as text, the one description of a cell: the audit trail's old and new value and the difference between
 * two versions of a return. A number; 无数据：reason; text kept as typed, marked （有误）; null when blank. */
export const describeCell = (c: Pick<Cell, 'value' | 'noData' | 'raw'> | null | undefined): string | null =>
  !c
    ? null
    : c.raw !== null
      ? MESSAGES.app.rawValue(c.raw)
      : c.noData
        ? MESSAGES.app.noDataValue(c.noData.reason)
        : c.value === null
          ? null
          : String(c.value);

export interface AuditLine {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}
interface AuditFields {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

/** A stored audit entry in words. Unknown fields (a newer program's) are shown as stored, never dropped. */
export function describeAudit(framework: Framework, entry: AuditFields): AuditLine {
  const { field, oldValue, newValue } = entry;
  const indicatorName = (code: string) => {
    const i = framework.indicators.find((x) => x.code === code);
    return i ? `${i.code} ${i.name}` : code;
  };
  const targetIndicator = (targetId: string) => {
    const target = framework.areas.flatMap((a) => a.targets).find((t) => t.id === targetId);
    return target ? indicatorName(target.indicator) : targetId;
  };
  if (field === 'status')
    return {
      field: A.fields.status,
      oldValue: oldValue && (STATUS[oldValue] ?? oldValue),
      newValue: newValue && (STATUS[newValue] ?? newValue),
    };
  if (field === 'status-reason') return { field: A.fields.statusReason, oldValue, newValue };
  if (field === 'prefill') return { field: A.fields.prefill, oldValue, newValue: newValue && A.prefillYear(newValue) };
  if (field === 'prefill-confirmed')
    return { field: A.fields.prefillConfirmed, oldValue, newValue: newValue && A.confirmed(newValue) };
  if (field === 'import') return { field: A.fields.import, oldValue, newValue };
  if (field === 'import:qualitative') return { field: A.fields.importQualitative, oldValue, newValue };
  if (field.startsWith('explanation:'))
    return { field: A.fields.explanation(targetIndicator(field.slice('explanation:'.length))), oldValue, newValue };
  if (field.startsWith('footer:'))
    return {
      field: A.fields.footer(
        MESSAGES.entry.footer.labels[field.slice('footer:'.length)] ?? field.slice('footer:'.length),
      ),
      oldValue,
      newValue,
    };
  if (field === 'review:returned') return { field: A.fields.returned, oldValue, newValue };
  if (field === 'review:receipt') return { field: A.fields.receipt, oldValue, newValue };
  if (field.startsWith('threshold:'))
    return { field: A.fields.threshold(targetIndicator(field.slice('threshold:'.length))), oldValue, newValue };
  const dot = field.lastIndexOf('.');
  if (dot > 0) {
    const item = framework.dataItems.find((d) => d.code === field.slice(0, dot));
    const column = MESSAGES.entry.sexLabel[field.slice(dot + 1)];
    if (item && column) return { field: A.fields.cell(item.name, column), oldValue, newValue };
  }
  const indicator = framework.indicators.find((i) => i.code === field && i.kind === 'qualitative');
  if (indicator && indicator.kind === 'qualitative') {
    const choices = MESSAGES.entry.choices[indicator.choices];
    // stored as "<choice> <note>"
    const words = (v: string | null) => {
      if (v === null) return null;
      const [first, ...rest] = v.split(' ');
      return choices[first] ? [choices[first], ...rest].join(' ') : v;
    };
    return {
      field: A.fields.qualitative(indicatorName(indicator.code)),
      oldValue: words(oldValue),
      newValue: words(newValue),
    };
  }
  return { field, oldValue, newValue };
}
