// Every command's arguments, declared once: the parser accepts exactly these flags (anything else is refused
// naming the closest one), checks each value's form and the required ones, and `wdp <命令> --help` is printed
// from here. Small and free of imports beyond the messages, so `wdp --help` never loads a command.
import { MESSAGES } from '../../../shared/messages.ts';
import type { CommandSpec, FlagSpec } from '../command.ts';

const F = MESSAGES.cli.flag;
const P = MESSAGES.cli.positional;
const S = MESSAGES.cli.summary;
const N = MESSAGES.cli.notes;

/** The flags every command takes. */
export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  db: { type: 'string', value: '<文件>', description: F.db },
  json: { type: 'boolean', description: F.json },
  help: { type: 'boolean', short: 'h', description: F.help },
};

const region = (required: boolean, description = F.region): FlagSpec => ({
  type: 'string',
  value: '<12位区划代码>',
  description,
  required,
  check: 'region',
});
const year = (required: boolean, description = F.year): FlagSpec => ({
  type: 'string',
  value: '<年份>',
  description,
  required,
  check: 'year',
});
const plan: FlagSpec = { type: 'string', value: '<规划编号>', description: F.plan };
const output = (required: boolean, value = '<文件>', description = F.output): FlagSpec => ({
  type: 'string',
  short: 'o',
  value,
  description,
  required,
});
const text = (description: string, required = false): FlagSpec => ({
  type: 'string',
  value: '<文字>',
  description,
  required,
});
const number = (description: string): FlagSpec => ({ type: 'string', value: '<数值>', description, check: 'number' });
const planId = { ...P.planId, min: 1, max: 1 };
/** The unit whose return is reviewed: a township by its code, or a county department. */
const unitFlags: Record<string, FlagSpec> = {
  unit: region(false, F.unit),
  department: { type: 'string', value: '<部门>', description: F.department },
};

export const REPORT_KINDS = ['annual', 'midterm', 'final'] as const;
export const DATA_FORMATS = ['csv', 'json', 'dhis2-json', 'adx'] as const;
export const EXPORT_FORMATS = ['form', 'long-csv', 'json', 'dhis2-json', 'adx'] as const;
export const TABLE_FORMATS = ['table', 'long-csv', 'json'] as const;
const RULE_KINDS = ['at_least', 'at_most', 'about', 'range', 'trend', 'balanced', 'qualitative'] as const;

export const COMMAND_SPECS: CommandSpec[] = [
  { name: 'plans', summary: S.plans, flags: {} },
  { name: 'plan show', summary: S['plan show'], positional: planId, flags: {} },
  {
    name: 'plan new',
    summary: S['plan new'],
    flags: {
      id: text(F.id, true),
      region: region(true, F.regionOffice),
      copy: { type: 'string', value: '<规划编号>', description: F.copy },
      'from-catalogue': { type: 'boolean', description: F.fromCatalogue },
      name: text(F.name, true),
      period: { type: 'string', value: '<起-止>', description: F.period, required: true, check: 'period' },
      'base-year': year(true, F.baseYear),
    },
  },
  {
    name: 'plan edit',
    summary: S['plan edit'],
    positional: planId,
    note: N['plan edit'],
    flags: {
      target: { type: 'string', value: '<目标编号>', description: F.target },
      indicator: { type: 'string', value: '<指标代码>', description: F.indicator },
      kind: { type: 'string', value: '<规则>', description: F.ruleKind, check: { oneOf: RULE_KINDS } },
      value: number(F.value),
      strict: { type: 'boolean', description: F.strict },
      tolerance: number(F.tolerance),
      sides: {
        type: 'string',
        value: '<方向>',
        description: F.sides,
        check: { oneOf: ['both', 'at_least', 'at_most'] },
      },
      min: number(F.min),
      max: number(F.max),
      low: number(F.low),
      high: number(F.high),
      direction: {
        type: 'string',
        value: '<方向>',
        description: F.direction,
        check: { oneOf: ['increase', 'decrease', 'stable', 'slowing_increase'] },
      },
      year: year(false, F.targetYear),
      text: text(F.text),
      quote: text(F.quote),
      section: { type: 'string', value: '<出处>', description: F.section, check: { oneOf: ['主要目标', '策略措施'] } },
      item: number(F.item),
      sample: number(F.sample),
      remove: { type: 'string', value: '<目标编号>', description: F.remove },
    },
  },
  {
    name: 'plan local',
    summary: S['plan local'],
    positional: planId,
    note: N['plan local'],
    flags: {
      code: { type: 'string', value: '<本地代码>', description: F.localCode, required: true },
      name: text(F.localName, true),
      unit: { type: 'string', value: '<单位>', description: F.localUnit, required: true },
      definition: text(F.localDefinition, true),
      department: text(F.localDepartment),
      numerator: { type: 'string', value: '<数据项代码>', description: F.numerator, required: true },
      denominator: { type: 'string', value: '<数据项代码>', description: F.denominator, required: true },
      'numerator-name': text(F.numeratorName),
      'denominator-name': text(F.denominatorName),
      'item-unit': { type: 'string', value: '<单位>', description: F.itemUnit },
    },
  },
  {
    name: 'plan import',
    summary: S['plan import'],
    positional: { ...P.frameworkFile, min: 1, max: 1 },
    note: N['plan import'],
    flags: { repin: { type: 'string', value: '<新指纹>', description: F.repin }, reason: text(F.repinReason) },
  },
  {
    name: 'plan export',
    summary: S['plan export'],
    positional: planId,
    flags: { output: output(true, '<文件.wdpframework.json>', F.frameworkFile) },
  },
  {
    name: 'report',
    summary: S.report,
    note: N.report,
    flags: {
      region: region(true),
      year: year(false, F.reportYear),
      kind: { type: 'string', value: '<种类>', description: F.reportKind, check: { oneOf: REPORT_KINDS } },
      plan,
      output: output(false, '<文件.html>'),
      'system-fonts': { type: 'boolean', description: F.systemFonts },
    },
  },
  {
    name: 'template',
    summary: S.template,
    flags: { plan, region: region(true), year: year(true), output: output(true, '<文件.xlsx>') },
  },
  {
    name: 'export',
    summary: S.export,
    flags: {
      region: region(true),
      year: year(false, F.exportYear),
      from: year(false, F.from),
      to: year(false, F.to),
      format: { type: 'string', value: '<格式>', description: F.exportFormat, check: { oneOf: EXPORT_FORMATS } },
      'with-children': { type: 'boolean', description: F.withChildren },
      plan,
      output: output(true),
    },
  },
  {
    name: 'data',
    summary: S.data,
    flags: {
      region: region(true),
      from: year(true, F.from),
      to: year(true, F.to),
      format: { type: 'string', value: '<格式>', description: F.dataFormat, check: { oneOf: TABLE_FORMATS } },
      plan,
      out: { type: 'string', short: 'o', value: '<文件>', description: F.dataOut },
    },
  },
  { name: 'validate', summary: S.validate, positional: { ...P.file, min: 1, max: 1 }, flags: {} },
  {
    name: 'import',
    summary: S.import,
    positional: { ...P.file, min: 1, max: 1 },
    flags: { yes: { type: 'boolean', description: F.yes } },
  },
  {
    name: 'export-data',
    summary: S['export-data'],
    flags: {
      region: region(true),
      'with-children': { type: 'boolean', description: F.withChildren },
      from: year(true, F.from),
      to: year(true, F.to),
      format: { type: 'string', value: '<格式>', description: F.format, check: { oneOf: DATA_FORMATS } },
      plan,
      output: output(true),
    },
  },
  {
    name: 'merge',
    summary: S.merge,
    positional: { ...P.files, min: 0, max: null },
    note: N.merge,
    flags: {
      region: region(true, F.regionOffice),
      year: year(true),
      plan,
      output: output(false, '<汇总表.xlsx>'),
      progress: { type: 'boolean', description: F.progress },
    },
  },
  {
    name: 'overdue',
    summary: S.overdue,
    flags: {
      year: year(true),
      region: region(false, F.regionOffice),
      deadline: { type: 'string', value: '<YYYY-MM-DD>', description: F.deadline, check: 'date' },
      plan,
      output: output(false, '<催报名单.xlsx>'),
    },
  },
  {
    name: 'review',
    summary: S.review,
    note: N.review,
    flags: {
      year: year(true),
      ...unitFlags,
      decision: {
        type: 'string',
        value: '<结论>',
        description: F.decision,
        required: true,
        check: { oneOf: ['accept', 'send-back'] },
      },
      remark: text(F.remark),
      cell: { type: 'string', value: '<代码.列>', description: F.cell },
      'cell-remark': text(F.cellRemark),
      region: region(false, F.regionOffice),
      plan,
      output: output(false, '<退回意见.xlsx>', F.annotatedCopy),
    },
  },
  {
    name: 'receipt write',
    summary: S['receipt write'],
    flags: {
      year: year(true),
      ...unitFlags,
      region: region(false, F.regionOffice),
      plan,
      output: output(true, '<回执.json>', F.receiptFile),
    },
  },
  { name: 'receipt import', summary: S['receipt import'], positional: { ...P.receipt, min: 1, max: 1 }, flags: {} },
];

/** Commands with subcommands (`plan show|new|edit|export`). */
export const GROUPS: Record<string, string[]> = {
  plan: ['show', 'new', 'edit', 'local', 'import', 'export'],
  receipt: ['write', 'import'],
};

export const specOf = (name: string): CommandSpec | undefined => COMMAND_SPECS.find((s) => s.name === name);
