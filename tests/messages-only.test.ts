// Every user-facing string lives in shared/messages (and the engine's text in shared/rules/messages.ts): the code of
// renderer/, electron/ and shared/ holds no Chinese text of its own. Comments are fine, and so are the data values
// the code compares with or writes as data (a plan's status, a target's section, a unit, a font's name).
// A file that must hold Chinese says why in EXEMPT; DEBT lists files still to be moved (it may only shrink: a file
// listed there that no longer holds Chinese fails the test, so the list is kept honest).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/paths.ts';

/** Data values, not text: the code compares with them or writes them as data. */
const DATA_VALUES = [
  "'征求意见稿'",
  "'正式'", // PlanMeta.status
  "'主要目标'",
  "'策略措施'", // Target.source.section
  "'1/10万'",
  "'/10万'", // an indicator unit
  "'宋体'",
  "'黑体'",
  '"微软雅黑"',
  '"黑体"',
  '"宋体"', // font names in Excel and CSS
];

/** Files that must hold Chinese, with the reason. */
const EXEMPT: Record<string, string> = {
  'shared/messages/': 'the home of every user-facing string',
  'shared/rules/messages.ts': "the rule engine's text, declared once beside the engine (README: layering)",
  'electron/excel/layout.ts': 'the header words a returned workbook may use (合计, 其中女 …), matched when reading',
  'electron/excel/identify.ts': 'the labels of a return sheet (单位代码, 统计年度 …), matched when reading',
  'electron/excel/locate-rows.ts': 'the labels of a return sheet (表号, 单位负责人 …), matched when reading',
  'electron/excel/parse-cell.ts': 'the words a person types for no data (无数据, 不详, 不适用), matched when reading',
  'electron/excel/read-item-row.ts': 'the 合计/女/男 prefixes of a note, matched when reading',
  'electron/excel/write-item-rows.ts': 'the 合计/女/男 prefixes of a note, matched so a shared note is written once',
  'electron/excel/read-qualitative-row.ts': 'the answers a person types (已建立, 推进中 …), matched when reading',
  'electron/excel/read-footer.ts': 'the date characters (年月日) of an Excel date format, matched when reading',
  'electron/excel/write-validation.ts': 'the no-data word a cell may hold, matched by the data validation formula',
  'electron/excel/fast-xlsx.ts': "Excel's built-in number format 56, as Excel defines it",
  'electron/cli/commands/plans.ts': "compares a plan's status with 征求意见稿 (data) inside a template",
  'shared/returns/plausible.ts': 'units (人, 例, 个 …) as keys of the plausible maxima: data',
  'shared/report/format.ts': 'units (人, 个, 所 …) that are counted: data',
  'shared/report/html.ts': 'CJK font family names in CSS: data',
};

/** Still to move into shared/messages (issue #15). Never add to this list. */
const DEBT: Record<string, string> = {
  'electron/cli/commands/specs.ts': 'flag value placeholders (<文件>, <年份> …)',
  'electron/excel/write-style.ts': 'the 个百分点 number format',
  'electron/frameworks/bundled.ts': 'the error for an unreadable bundled framework',
  'electron/open-data/assemble-returns.ts': 'length limits in problem messages',
  'electron/open-data/read-records.ts': 'shape words in problem messages',
  'electron/open-data-io/open-data-service.ts': 'the name of the root path',
  'shared/api/': 'endpoint descriptions and zod messages of the contracts',
  'shared/framework/schema.ts': 'zod messages of the code schemas',
  'shared/framework/assemble.ts': 'errors of a malformed framework',
  'shared/open-data/': 'field descriptions of the long format and ADX names',
  'shared/returns/footer.ts': 'zod messages and the Chinese date',
  'shared/returns/overdue.ts': 'zod messages of the deadline',
  'shared/returns/review.ts': 'zod messages of a send-back',
  'shared/returns/schema.ts': 'zod messages of a region code and a raw text',
  'shared/rules/compile.ts': 'errors of a malformed framework',
  'shared/rules/format.ts': 'difference units (个百分点 …)',
  'shared/rules/targets.ts': 'qualitative answer words and a message rewrite',
  'shared/report/charts.ts': 'the trend chart title',
};

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
const listed = (list: Record<string, string>, file: string) =>
  Object.keys(list).some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));

/** Lines of code (comments aside) holding Chinese text, per file relative to the repository. */
function chineseLines(folder: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const path of sources(join(REPO_ROOT, folder))) {
    const file = path.slice(REPO_ROOT.length + 1);
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line
          .replace(/\/\/.*$/, '')
          .replace(/\/\*.*?\*\//g, '')
          .replace(/\/\*.*$/, '');
        if (/^\s*\*/.test(code)) return;
        const stripped = DATA_VALUES.reduce((text, v) => text.split(v).join(''), code);
        if (/[\u4e00-\u9fff]/.test(stripped))
          found.set(file, [...(found.get(file) ?? []), `${file}:${i + 1}: ${line.trim()}`]);
      });
  }
  return found;
}

describe('user-facing text', () => {
  for (const folder of ['renderer', 'electron', 'shared']) {
    it(`${folder}/ takes every Chinese string from the messages modules`, () => {
      const offenders = [...chineseLines(folder)]
        .filter(([file]) => !listed(EXEMPT, file) && !listed(DEBT, file))
        .flatMap(([, lines]) => lines);
      expect(offenders).toEqual([]);
    });
  }
  it('the debt list names only files that still hold Chinese text', () => {
    const holding = new Set(['renderer', 'electron', 'shared'].flatMap((f) => [...chineseLines(f).keys()]));
    const paid = Object.keys(DEBT).filter(
      (p) => ![...holding].some((file) => (p.endsWith('/') ? file.startsWith(p) : file === p)),
    );
    expect(paid).toEqual([]);
  });
});
