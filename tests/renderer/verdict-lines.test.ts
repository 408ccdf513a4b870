// The verdict table shows a batch just imported and, after a restart, the received log, both from the contract's
// types (the log used to be dressed up as fake verdicts with a hard-coded kind 'township').
import { describe, expect, it } from 'vitest';
import { lineOfReceived, lineOfVerdict } from '../../renderer/merge/verdict-lines.ts';
import type { FileVerdict } from '../../shared/api/merge-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';

const problems = [{ severity: 'error' as const, location: 'B7', message: '数值无效' }];
const verdict = (supplier: FileVerdict['supplier']): FileVerdict => ({
  fileName: 'a.xlsx',
  verdict: 'rejected',
  supplier,
  year: 2024,
  reportedOn: null,
  problems,
  submissionId: null,
  resubmission: null,
  duplicate: false,
});

describe('verdict lines', () => {
  it('name a township by its name and a department by its department name', () => {
    expect(lineOfVerdict(verdict({ code: '220822100', name: '长山镇', kind: 'township', department: '' }))).toEqual({
      fileName: 'a.xlsx',
      verdict: 'rejected',
      problems,
      supplier: '长山镇',
    });
    expect(
      lineOfVerdict(verdict({ code: '220822', name: '洮北区', kind: 'department', department: '卫健' })).supplier,
    ).toBe(MESSAGES.merge.departmentName('卫健'));
    expect(lineOfVerdict(verdict(null)).supplier).toBe('');
  });
  it('a received file shows the supplier name the log kept', () => {
    expect(
      lineOfReceived({
        id: 1,
        fileName: 'b.xlsx',
        receivedAt: '2025-01-01T00:00:00Z',
        verdict: 'accepted',
        regionCode: '220822100',
        supplierName: '长山镇',
        submissionId: 3,
        problems: [],
      }),
    ).toEqual({ fileName: 'b.xlsx', verdict: 'accepted', problems: [], supplier: '长山镇' });
  });
});
