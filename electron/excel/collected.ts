// What the row readers of a form add to, row by row; declared apart so that the readers and the assembly that
// calls them import it downwards.
import type { Cell, QualitativeAnswer } from '../../shared/returns/schema.ts';
import type { RawProblem } from './import-report.ts';

/** What the row readers add to, row by row. */
export interface Collected {
  cells: Cell[];
  qualitative: QualitativeAnswer[];
  thresholds: Record<string, number>;
  addresses: Record<string, string>;
  problems: RawProblem[];
}
