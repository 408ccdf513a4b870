// The lines of the merge page's verdict table: from the verdicts of a batch just imported, or from the received log
// (after a restart). Both are the contract's types; nothing is made up for what the log does not carry.
import type { FileVerdict, ReceivedFile } from '../../shared/api/merge-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';

/** One file's line in the verdict table: a verdict just given, or a file of the received log (after a restart). */
export interface VerdictLine extends Pick<FileVerdict, 'fileName' | 'verdict' | 'problems'> {
  /** who the file is from, as shown; '' when unknown */
  supplier: string;
}

export const lineOfVerdict = (v: FileVerdict): VerdictLine => ({
  fileName: v.fileName,
  verdict: v.verdict,
  problems: v.problems,
  supplier: v.supplier
    ? v.supplier.department
      ? MESSAGES.merge.departmentName(v.supplier.department)
      : v.supplier.name
    : '',
});

export const lineOfReceived = (f: ReceivedFile): VerdictLine => ({
  fileName: f.fileName,
  verdict: f.verdict,
  problems: f.problems,
  supplier: f.supplierName ?? '',
});
