// One answer to "which sex columns does this data item have", used by the grid, the services, Excel, the merge
// and the printed form (it was written four times).
import { describe, expect, it } from 'vitest';
import { sexColumnsOf } from '../../../shared/framework/schema.ts';

describe('sexColumnsOf', () => {
  it('gives the collected columns in column order (合计, 女, 男)', () => {
    expect(sexColumnsOf({ sex: 'total_female_male' })).toEqual(['total', 'female', 'male']);
    expect(sexColumnsOf({ sex: 'total_female' })).toEqual(['total', 'female']);
    expect(sexColumnsOf({ sex: 'single' })).toEqual(['total']);
  });
});
