// Layers 1 and 2 alone (checkReturnCells, what a merge's reading runs) against the whole evaluation: the same cell
// issues in the same order, and the summary's cellsTotal, for sound, broken and blank returns of either level.
import { describe, expect, it } from 'vitest';
import { checkReturnCells, evaluateReturn } from '../../../shared/rules/evaluate.ts';
import { MINI, makeReturn } from '../../fixtures/mini-framework.ts';

type Cells = NonNullable<Parameters<typeof makeReturn>[0]>['cells'];

const CASES: Cells[] = [
  {},
  {
    'HD01.total': 25000,
    'HD02.total': 3,
    'HD03.total': 78.2,
    'HD03.female': 80.1,
    'HD03.male': 76.4,
    'ED01.total': 1000,
    'ED01.female': 1200,
    'CD01.total': 1000,
    'CD01.female': 450,
    'CD01.male': 551,
    'PD01.total': { noData: '换届未完成' },
    'VD01.total': 196,
  },
  { 'HD01.total': -1, 'HD02.total': 2.5, 'HD04.total': 30000, 'PD02.total': 10, 'PD02.female': 11, 'SD01.female': 0 },
  {
    'HD01.total': { value: 12, prefilled: true, raw: null },
    'FD01.female': 0,
    'FD01.male': 10,
    'LD01.female': 3,
    'LD01.total': null,
  },
];

describe('checkReturnCells', () => {
  it('gives the cell issues and cellsTotal of evaluateReturn', () => {
    for (const level of ['township', 'county'] as const)
      for (const cells of CASES) {
        const data = makeReturn({ level, cells, qualitative: { F02: 'done' } });
        const whole = evaluateReturn(MINI, data, []);
        const checked = checkReturnCells(MINI, data);
        expect(checked.issues).toStrictEqual(whole.issues);
        expect(checked.cellsTotal).toBe(whole.total.cellsTotal);
      }
  });

  it('is tested on returns with issues', () => {
    const data = makeReturn({ level: 'township', cells: CASES[2] });
    expect(checkReturnCells(MINI, data).issues.length).toBeGreaterThan(0);
  });
});
