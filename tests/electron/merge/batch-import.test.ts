// Batch import: missing townships, a return of another county, of another year, a duplicate and a resubmission,
// a return from an older framework version, a bad file among good ones; and the received-file log.
import { afterEach, describe, expect, it } from 'vitest';
import { importBatch, MAX_PROBLEMS_PER_FILE } from '../../../electron/merge/batch-import.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import {
  chooseSubmission,
  mergeResult,
  overview,
  received,
  resubmissions,
} from '../../../electron/merge/merge-service.ts';
import { insertFrameworkVersion } from '../../../electron/db/repos/frameworks-repo.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { openReturn, setCells } from '../../../electron/returns/returns-service.ts';
import { setStatus } from '../../../electron/evaluation/return-evaluation.ts';
import type { Framework } from '../../../shared/framework/schema.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { COUNTY, OTHER_COUNTY_TOWN, TOWNS, cellOf, file, jsonReader, townshipReturn } from './helpers.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());
let clock = new Date('2025-02-10T02:00:00Z').getTime();
const now = () => new Date((clock += 1000));

const open = () => {
  backend = openTestBackend({ profile: TAOBEI_COUNTY, now });
  return resolveOffice(backend.ctx);
};

describe('batch import', () => {
  it('lists who reported, who is a draft and who is missing, with the reporting rate, and names the missing in the notes', async () => {
    const office = open();
    const fw = office.framework;
    const verdicts = await importBatch(
      backend.ctx,
      office,
      2024,
      [
        file('1.json', townshipReturn(fw, TOWNS[0], 2024)),
        file('2.json', townshipReturn(fw, TOWNS[1], 2024)),
        file('3.json', townshipReturn(fw, TOWNS[2], 2024), { fileStatus: 'draft' }),
      ],
      jsonReader,
    );
    expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted', 'warnings']);
    expect(verdicts[2].problems[0].message).toContain('草稿');
    const o = overview(backend.ctx, { year: 2024 });
    expect(o.completeness).toEqual({ total: 25, reported: 2, drafts: 1, missing: 22, rate: 8 });
    expect(o.children.find((c) => c.code === TOWNS[2])?.state).toBe('draft');
    expect(o.children.find((c) => c.code === TOWNS[3])?.state).toBe('missing');
    const result = mergeResult(backend.ctx, { year: 2024 });
    const notes = result.notes.join('\n');
    expect(notes).toContain('报送率8.0%');
    const missingName = o.children.find((c) => c.code === TOWNS[3])!.name;
    expect(notes).toContain(missingName);
    expect(notes).toMatch(/以草稿计入汇总/);
  });

  it('counts a township return entered (or imported singly) on this machine, by its status', async () => {
    const office = open();
    const id = openReturn(backend.ctx, TOWNS[0], 2024, false).summary.id;
    setCells(backend.ctx, id, [
      { item: 'PD30', sex: 'total', value: 12, noData: null },
      { item: 'PD30', sex: 'female', value: 4, noData: null },
    ]);
    expect(overview(backend.ctx, { year: 2024 }).children.find((c) => c.code === TOWNS[0])).toMatchObject({
      state: 'draft',
      source: 'local',
    });
    setStatus(backend.ctx, id, 'checked');
    setStatus(backend.ctx, id, 'submitted');
    expect(overview(backend.ctx, { year: 2024 }).children.find((c) => c.code === TOWNS[0])).toMatchObject({
      state: 'reported',
      source: 'local',
    });
    expect(cellOf(mergeResult(backend.ctx, { year: 2024 }).data, 'PD30.total')?.value).toBe(12);
    // a received file takes precedence over the local copy
    await importBatch(
      backend.ctx,
      office,
      2024,
      [file('1.json', townshipReturn(office.framework, TOWNS[0], 2024, { 'PD30.total': 20 }))],
      jsonReader,
    );
    expect(cellOf(mergeResult(backend.ctx, { year: 2024 }).data, 'PD30.total')?.value).toBe(20);
  });

  it('rejects a return of another county’s township and of another year, without blocking the good files', async () => {
    const office = open();
    const fw = office.framework;
    const verdicts = await importBatch(
      backend.ctx,
      office,
      2024,
      [
        file('other-county.json', townshipReturn(fw, OTHER_COUNTY_TOWN, 2024), { supplierName: '镇赉县某镇' }),
        file('good.json', townshipReturn(fw, TOWNS[0], 2024)),
        file('2023.json', townshipReturn(fw, TOWNS[1], 2023)),
        { fileName: 'broken.xlsx', bytes: Buffer.from('not json at all') },
        file('cells.json', townshipReturn(fw, TOWNS[2], 2024), {
          problems: [{ severity: 'error', location: '决策!E40', message: '女性人数（50）大于合计（40）' }],
        }),
        file('county-own.json', { ...townshipReturn(fw, COUNTY, 2024), level: 'county' }),
      ],
      jsonReader,
    );
    expect(verdicts.map((v) => v.verdict)).toEqual([
      'rejected',
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(verdicts[0].problems[0].message).toMatch(/不是洮北区所辖的乡镇（街道），未接收/);
    expect(verdicts[2].problems[0].message).toBe('报表年度为2023年，与本次汇总的2024年不符，未接收');
    expect(verdicts[3].problems[0].message).toMatch(/^无法读取该文件/);
    expect(verdicts[4].problems).toEqual([
      { severity: 'error', location: '决策!E40', message: '女性人数（50）大于合计（40）' },
    ]);
    // the office's own return belongs on 导入导出, and the refusal says so
    expect(verdicts[5].problems[0].message).toBe(
      '这是洮北区本级的报表，不是下级报表；本级数据请在“数据填报”中录入，本级的报表文件请在“导入导出”页导入',
    );
    const o = overview(backend.ctx, { year: 2024 });
    expect(o.completeness.reported).toBe(1);
    const log = received(backend.ctx, { year: 2024 });
    expect(log).toHaveLength(6);
    expect(log.filter((f) => f.verdict === 'rejected')).toHaveLength(5);
    expect(log.find((f) => f.fileName === 'cells.json')?.problems[0].location).toBe('决策!E40');
  });

  it('refuses a return under another plan at a county', async () => {
    const office = open();
    const jiahe = requireFramework(backend.ctx, 'jiahe');
    const [v] = await importBatch(
      backend.ctx,
      office,
      2024,
      [file('x.json', townshipReturn(jiahe, TOWNS[0], 2024))],
      jsonReader,
    );
    expect(v.verdict).toBe('rejected');
    expect(v.problems[0].message).toContain('未接收');
  });

  it('stores the same file once, keeps every differing version, takes the later 报出日期, and lets the user choose', async () => {
    const office = open();
    const fw = office.framework;
    const first = townshipReturn(fw, TOWNS[0], 2024, { 'PD30.total': 10, 'PD30.female': 3, 'HD01.total': 50 });
    const second = townshipReturn(fw, TOWNS[0], 2024, { 'PD30.total': 12, 'PD30.female': 4, 'HD01.total': 50 });
    const older = townshipReturn(fw, TOWNS[0], 2024, { 'PD30.total': 9, 'PD30.female': 3, 'HD01.total': 50 });
    const [a] = await importBatch(
      backend.ctx,
      office,
      2024,
      [file('v1.json', first, { reportedOn: '2025-01-10' })],
      jsonReader,
    );
    expect(a.verdict).toBe('accepted');
    const [again] = await importBatch(
      backend.ctx,
      office,
      2024,
      [file('v1.json', first, { reportedOn: '2025-01-10' })],
      jsonReader,
    );
    expect(again).toMatchObject({ verdict: 'warnings', duplicate: true, submissionId: a.submissionId });

    const [b] = await importBatch(
      backend.ctx,
      office,
      2024,
      [file('v2.json', second, { reportedOn: '2025-01-20' })],
      jsonReader,
    );
    expect(b.resubmission).toEqual({ previousId: a.submissionId, changes: 2, becameCurrent: true });
    expect(b.problems.at(-1)?.message).toMatch(/重报：.*2 处不同，已采用报出日期较晚的本版本/);
    expect(cellOf(mergeResult(backend.ctx, { year: 2024 }).data, 'PD30.total')?.value).toBe(12);

    // a version with an earlier 报出日期 arriving later does not replace the current one
    const [c] = await importBatch(
      backend.ctx,
      office,
      2024,
      [file('v0.json', older, { reportedOn: '2025-01-05' })],
      jsonReader,
    );
    expect(c.resubmission?.becameCurrent).toBe(false);
    expect(c.problems.at(-1)?.message).toContain('仍采用原版本');
    expect(cellOf(mergeResult(backend.ctx, { year: 2024 }).data, 'PD30.total')?.value).toBe(12);

    const [slot] = resubmissions(backend.ctx, { year: 2024 });
    expect(slot.versions).toHaveLength(3);
    expect(slot.versions.map((v) => v.submission.isCurrent)).toEqual([false, true, false]);
    const v1 = slot.versions[0];
    expect(v1.changes).toContainEqual(
      expect.objectContaining({ item: 'PD30', sex: 'total', before: '12', after: '10' }),
    );

    // the user keeps the first version: it becomes current, nothing is deleted
    chooseSubmission(backend.ctx, { year: 2024, submissionId: a.submissionId! });
    expect(cellOf(mergeResult(backend.ctx, { year: 2024 }).data, 'PD30.total')?.value).toBe(10);
    expect(
      resubmissions(backend.ctx, { year: 2024 })[0].versions.map((v) => [
        v.submission.isCurrent,
        v.submission.chosenBy,
      ]),
    ).toEqual([
      [true, 'user'],
      [false, 'auto'],
      [false, 'auto'],
    ]);
    expect(overview(backend.ctx, { year: 2024 }).children.find((x) => x.code === TOWNS[0])?.versions).toBe(3);
  });

  it('accepts a return from an older framework version, matching items by code, with a warning', async () => {
    const office = open();
    const v1 = office.framework;
    // the county has moved on to version 3, which drops one township item (and the indicator built on it)
    const droppable = v1.dataItems.find((d) => d.level === 'township' && !d.code.startsWith('PD'))!;
    const v2: Framework = structuredClone(v1);
    v2.version = v1.version + 1;
    v2.dataItems = v2.dataItems.filter((d) => d.code !== droppable.code);
    const goneIndicators = new Set(
      v2.indicators
        .filter(
          (i) => i.kind === 'ratio' && (i.numerator.item === droppable.code || i.denominator.item === droppable.code),
        )
        .map((i) => i.code),
    );
    v2.indicators = v2.indicators.filter((i) => !goneIndicators.has(i.code));
    for (const area of v2.areas)
      area.targets = area.targets.filter(
        (t) =>
          !goneIndicators.has(t.indicator) && !(t.rule.kind === 'relative' && goneIndicators.has(t.rule.indicator)),
      );
    insertFrameworkVersion(backend.ctx.db, v2, 'imported', new Date().toISOString());
    const office2 = resolveOffice(backend.ctx);
    expect(office2.framework.version).toBe(v1.version + 1);

    const old = townshipReturn(v1, TOWNS[0], 2024, {
      [`${droppable.code}.total`]: 3,
      'PD30.total': 10,
      'PD30.female': 4,
    });
    const [v] = await importBatch(backend.ctx, office2, 2024, [file('old.json', old)], jsonReader);
    expect(v.verdict).toBe('warnings');
    const messages = v.problems.map((p) => p.message).join('\n');
    expect(messages).toContain(`报表按第${v1.version}版指标框架填报，已按数据项代码对应到本机的第${v1.version + 1}版`);
    expect(messages).toContain(droppable.code);
    const result = mergeResult(backend.ctx, { year: 2024 });
    expect(result.data.frameworkVersion).toBe(v1.version + 1);
    expect(cellOf(result.data, 'PD30.female')?.value).toBe(4);
    expect(cellOf(result.data, `${droppable.code}.total`)).toBeUndefined();

    // and a return from a newer version than this machine has is refused
    const newer = { ...townshipReturn(v1, TOWNS[1], 2024), frameworkVersion: v1.version + 2 };
    const [n] = await importBatch(backend.ctx, office2, 2024, [file('new.json', newer)], jsonReader);
    expect(n.verdict).toBe('rejected');
    expect(n.problems[0].message).toContain('请先导入新版指标框架包');
  });
});

describe('a verdict stays small', () => {
  it('lists at most MAX_PROBLEMS_PER_FILE problems, errors first, and counts the rest in one line', async () => {
    const office = open();
    const many = Array.from({ length: 300 }, (_, i) => ({
      severity: 'warning' as const,
      location: `健康!D${i + 1}`,
      message: `提示 ${i}`,
    }));
    const [warned] = await importBatch(
      backend.ctx,
      office,
      2024,
      [file('多提示.json', townshipReturn(office.framework, TOWNS[0], 2024), { problems: many })],
      jsonReader,
    );
    expect(warned.verdict).toBe('warnings');
    expect(warned.problems).toHaveLength(MAX_PROBLEMS_PER_FILE);
    expect(warned.problems.at(-1)).toEqual({
      severity: 'warning',
      location: '',
      message: MESSAGES.merge.moreProblems(300 - MAX_PROBLEMS_PER_FILE + 1),
    });
    // one error behind hundreds of warnings is still listed first, and the file still rejected
    const withError = [...many, { severity: 'error' as const, location: '健康!D999', message: '错误' }];
    const [rejected] = await importBatch(
      backend.ctx,
      office,
      2024,
      [file('一个错误.json', townshipReturn(office.framework, TOWNS[1], 2024), { problems: withError })],
      jsonReader,
    );
    expect(rejected.verdict).toBe('rejected');
    expect(rejected.problems[0]).toEqual({ severity: 'error', location: '健康!D999', message: '错误' });
    expect(rejected.problems).toHaveLength(MAX_PROBLEMS_PER_FILE);
  });
});
