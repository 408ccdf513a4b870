// The pure parts: the form's layout per level, 无数据 notes, one cell's reading, the checksum.
import { describe, expect, it } from 'vitest';
import { loadBundledFramework } from '../../../electron/frameworks/bundled.ts';
import { buildLayout } from '../../../electron/excel/layout.ts';
import { noDataNote } from '../../../electron/excel/write-item-rows.ts';
import { readNumberCell } from '../../../electron/excel/parse-cell.ts';
import { returnChecksum } from '../../../electron/excel/checksum.ts';
import type { GridCell } from '../../../electron/excel/grid.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { PARSE_MSG } from '../../../shared/messages/numbers.ts';
import type { ReturnData } from '../../../shared/returns/schema.ts';
import { FRAMEWORKS_DIR } from '../../helpers/paths.ts';

const fw = loadBundledFramework(FRAMEWORKS_DIR, 'jiahe');
const P = MESSAGES.excel.problem;

describe('layout', () => {
  it('a township form holds the items townships collect, and nothing judged at county level', () => {
    const rows = buildLayout(fw, 'township').sheets.flatMap((s) => s.rows);
    const items = rows.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((i) => i.level === 'township')).toBe(true);
    expect(rows.some((r) => r.kind === 'qualitative' || r.kind === 'threshold')).toBe(false);
  });

  it('a county form holds every item, the qualitative assessments and the thresholds set above', () => {
    const rows = buildLayout(fw, 'county').sheets.flatMap((s) => s.rows);
    expect(rows.filter((r) => r.kind === 'item')).toHaveLength(fw.dataItems.length);
    expect(rows.filter((r) => r.kind === 'qualitative')).toHaveLength(
      fw.indicators.filter((i) => i.kind === 'qualitative').length,
    );
    expect(rows.filter((r) => r.kind === 'threshold').map((r) => (r.kind === 'threshold' ? r.target.id : ''))).toEqual([
      'jiahe-P-G09-3',
      'jiahe-P-G09-4',
      'jiahe-V-G04-1',
    ]);
  });

  it('a city’s own form holds what a county form holds: every item, the qualitative assessments and the thresholds', () => {
    const rows = (level: 'county' | 'city') =>
      buildLayout(fw, level)
        .sheets.flatMap((s) => s.rows)
        .map((r) => JSON.stringify(r));
    expect(rows('city')).toEqual(rows('county'));
  });

  it('never drops a value: a county-only item filled in a township return gets its row', () => {
    const countyItem = fw.dataItems.find((d) => d.level === 'county')!;
    const data: ReturnData = {
      planId: 'jiahe',
      frameworkVersion: 1,
      regionCode: '431024100000',
      level: 'township',
      year: 2024,
      cells: [{ item: countyItem.code, sex: 'total', value: 3, noData: null, prefilled: false, raw: null }],
      qualitative: [],
      externalThresholds: {},
    };
    const rows = buildLayout(fw, 'township', data).sheets.flatMap((s) => s.rows);
    expect(rows.some((r) => r.kind === 'item' && r.item.code === countyItem.code)).toBe(true);
  });
});

describe('无数据 notes', () => {
  it('one reason for the row, or 合计：…；女：… when the reasons differ or could be mistaken for that form', () => {
    expect(
      noDataNote([
        { sex: 'total', reason: '未统计' },
        { sex: 'female', reason: '未统计' },
      ]),
    ).toBe('未统计');
    expect(
      noDataNote([
        { sex: 'total', reason: '甲' },
        { sex: 'female', reason: '乙；丙' },
      ]),
    ).toBe('合计：甲；女：乙；丙');
    expect(noDataNote([{ sex: 'female', reason: '女：口径不一' }])).toBe('女：女：口径不一');
  });
});

describe('reading one cell', () => {
  const count = { valueType: 'count', decimals: 0, unit: '人' } as const;
  const percent = { valueType: 'value', decimals: 1, unit: '%' } as const;
  const n = (v: number, z: string | null = 'General', f: string | null = null): GridCell => ({
    t: 'n',
    v,
    w: String(v),
    f,
    z,
  });
  const s = (v: string): GridCell => ({ t: 's', v, w: v, f: null, z: null });
  const cases: [string, GridCell | undefined, Parameters<typeof readNumberCell>[1], unknown][] = [
    ['a number', n(12), count, { kind: 'value', value: 12, notes: [] }],
    ['zero is a value, not missing', n(0), count, { kind: 'value', value: 0, notes: [] }],
    ['float noise removed', n(0.1 + 0.2), percent, { kind: 'value', value: 0.3, notes: [] }],
    ['empty', undefined, count, { kind: 'blank', notes: [] }],
    ['spaces only', s('  '), count, { kind: 'blank', notes: [] }],
    ['— is 无数据', s('—'), count, { kind: 'mark', mark: '—', notes: [] }],
    ['无数据', s('无数据'), count, { kind: 'mark', mark: '无数据', notes: [] }],
    ['不详 explains itself', s('不详'), count, { kind: 'mark', mark: '不详', notes: [] }],
    [
      'full-width digits',
      s('１２３'),
      count,
      {
        kind: 'value',
        value: 123,
        notes: [{ severity: 'info', code: 'text_number', message: P.textNumber('１２３', '123') }],
      },
    ],
    [
      '30% in a % item',
      s('30%'),
      percent,
      {
        kind: 'value',
        value: 30,
        notes: [{ severity: 'info', code: 'percent_text', message: P.percentText('30%', '30') }],
      },
    ],
    [
      '30% in a count',
      s('30%'),
      count,
      { kind: 'error', notes: [{ severity: 'error', code: 'invalid_number', message: PARSE_MSG.percentNotAllowed }] },
    ],
    [
      'a fraction of a person',
      s('1.5'),
      count,
      { kind: 'error', notes: [{ severity: 'error', code: 'invalid_number', message: PARSE_MSG.notInteger('人数') }] },
    ],
    [
      'percent format in a % item',
      { t: 'n', v: 0.305, w: '30.5%', f: null, z: '0.0%' },
      percent,
      {
        kind: 'value',
        value: 30.5,
        notes: [{ severity: 'info', code: 'percent_format', message: P.percentFormat('30.5%', '30.5') }],
      },
    ],
    [
      'a formula with its result',
      n(7, 'General', 'A1+A2'),
      count,
      {
        kind: 'value',
        value: 7,
        notes: [{ severity: 'info', code: 'formula_cached', message: P.formulaCached('A1+A2', '7') }],
      },
    ],
    [
      'a formula without a result',
      { t: 'z', v: null, w: '', f: 'A1+A2', z: null },
      count,
      { kind: 'error', notes: [{ severity: 'error', code: 'formula_no_value', message: P.formulaNoValue('A1+A2') }] },
    ],
  ];
  for (const [name, cell, spec, expected] of cases) {
    it(name, () => expect(readNumberCell(cell, spec, 'typed')).toEqual(expected));
  }
  it('in a CSV a plain number is not worth a note, a full-width one is', () => {
    expect(readNumberCell(s('12'), count, 'csv')).toEqual({ kind: 'value', value: 12, notes: [] });
    expect(readNumberCell(s('１２'), count, 'csv').notes).toHaveLength(1);
  });
});

describe('checksum', () => {
  const base: ReturnData = {
    planId: 'jiahe',
    frameworkVersion: 1,
    regionCode: '431024000000',
    level: 'county',
    year: 2024,
    cells: [
      { item: 'HD01', sex: 'total', value: 5, noData: null, prefilled: false, raw: null },
      { item: 'HD02', sex: 'total', value: null, noData: { reason: '无' }, prefilled: false, raw: null },
    ],
    qualitative: [{ indicator: 'H31', choice: 'done', note: '' }],
    externalThresholds: { 'jiahe-P-G09-3': 30 },
  };
  it('does not depend on order or on the prefilled flag; any value, note or mark changes it', () => {
    const sum = returnChecksum(base);
    expect(sum).toMatch(/^[0-9a-f]{64}$/);
    expect(
      returnChecksum({ ...base, cells: [...base.cells].reverse().map((c) => ({ ...c, prefilled: true, raw: null })) }),
    ).toBe(sum);
    expect(returnChecksum({ ...base, cells: [{ ...base.cells[0], value: 6 }, base.cells[1]] })).not.toBe(sum);
    expect(
      returnChecksum({ ...base, cells: [base.cells[0], { ...base.cells[1], noData: { reason: '无。' } }] }),
    ).not.toBe(sum);
    expect(returnChecksum({ ...base, qualitative: [{ indicator: 'H31', choice: 'done', note: 'x' }] })).not.toBe(sum);
    expect(returnChecksum({ ...base, externalThresholds: { 'jiahe-P-G09-3': 31 } })).not.toBe(sum);
  });
});
