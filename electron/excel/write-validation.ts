// Data validation on the form's input cells: what Excel itself checks while someone fills in a template.
// The 无数据 marks pass every numeric rule.
import type ExcelJS from 'exceljs';
import type { DataItem } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';

const F = MESSAGES.excel.form;
const V = F.validation;

/** A data item's cell: a count, an amount, a percentage or a value, each with its own range. */
export function numberValidation(item: DataItem, ref: string): ExcelJS.DataValidation {
  const marks = `${ref}="${F.noDataMark}",${ref}="无数据"`;
  const percent = item.valueType === 'value' && item.unit === '%';
  // a gross ratio (毛入学率) may exceed 100: only its lower bound is checked
  const capped = percent && !item.gross;
  const formula =
    item.valueType === 'count'
      ? `OR(AND(ISNUMBER(${ref}),${ref}>=0,${ref}=INT(${ref})),${marks})`
      : item.valueType === 'amount'
        ? `OR(AND(ISNUMBER(${ref}),${ref}>=0),${marks})`
        : capped
          ? `OR(AND(ISNUMBER(${ref}),${ref}>=0,${ref}<=100),${marks})`
          : percent
            ? `OR(AND(ISNUMBER(${ref}),${ref}>=0),${marks})`
            : `OR(ISNUMBER(${ref}),${marks})`;
  const [title, text] =
    item.valueType === 'count'
      ? [V.countTitle, V.count]
      : item.valueType === 'amount'
        ? [V.amountTitle, V.amount(item.decimals)]
        : [
            V.valueTitle,
            capped ? V.percent(item.decimals) : percent ? V.grossPercent(item.decimals) : V.value(item.decimals),
          ];
  return {
    type: 'custom',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: title,
    error: text,
    showInputMessage: true,
    promptTitle: title,
    prompt: text,
  };
}

/** A qualitative indicator's answer: one of its three labels, from a drop-down list. */
export function choiceValidation(options: string[]): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${options.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: V.choiceTitle,
    error: V.choice(options),
    showInputMessage: true,
    promptTitle: V.choiceTitle,
    prompt: V.choice(options),
  };
}

/** A threshold set by a higher level: any number from 0 up. */
export function thresholdValidation(): ExcelJS.DataValidation {
  return {
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: V.valueTitle,
    error: V.value(4),
  };
}
