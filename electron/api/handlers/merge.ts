import type { AppContext } from '../../context/app-context.ts';
import type { DomainHandlers } from '../handler-types.ts';
import { importBatch } from '../../merge/batch-import.ts';
import { excelReturnReader } from '../../merge/excel-reader.ts';
import { writeReceipt } from '../../merge/receipt.ts';
import { overdueList, overdueWorkbook, setDeadline } from '../../merge/overdue.ts';
import { renderOverdue } from '../../../shared/report/render-overdue.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { exportMergedReturn } from '../../merge/county-export.ts';
import { importFolderFiles, pickFolder } from '../../merge/folder-import.ts';
import { cancelImport, importProgress, stageFiles, startImport } from '../../merge/import-operation.ts';
import { acceptVersion, latestReviews, sendBack, versionIssues } from '../../merge/review.ts';
import {
  beginImport,
  breakdown,
  chooseSubmission,
  entryOverlay,
  mergeResult,
  officeOf,
  overview,
  received,
  resubmissions,
  submissionSummary,
} from '../../merge/merge-service.ts';

export const mergeHandlers = (ctx: AppContext): DomainHandlers<'merge'> => ({
  'merge:overview': (input) => overview(ctx, input),
  'merge:begin-import': (input) => beginImport(ctx, input),
  'merge:import-files': ({ files, ...input }) =>
    importBatch(
      ctx,
      officeOf(ctx, input),
      input.year,
      files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.bytesBase64, 'base64') })),
      excelReturnReader(ctx),
    ),
  'merge:pick-folder': (input) => pickFolder(ctx, input),
  'merge:import-folder-files': (input) => importFolderFiles(ctx, input),
  'merge:import-stage': (input) => stageFiles(ctx, input),
  'merge:import-start': (input) => startImport(ctx, input),
  'merge:import-progress': (input) => importProgress(ctx, input),
  'merge:import-cancel': (input) => cancelImport(ctx, input),
  'merge:received': (input) => received(ctx, input),
  'merge:resubmissions': (input) => resubmissions(ctx, input),
  'merge:choose-version': (input) => chooseSubmission(ctx, input),
  'merge:result': (input) => mergeResult(ctx, input),
  'merge:breakdown': (input) => breakdown(ctx, input),
  'merge:entry-overlay': (input) => entryOverlay(ctx, input),
  'merge:version-issues': (input) => versionIssues(ctx, officeOf(ctx, input), input.submissionId),
  'merge:send-back': async ({ submissionId, review, ...input }) => {
    const file = await sendBack(ctx, officeOf(ctx, input), input.year, submissionId, review);
    return { fileName: file.fileName, bytesBase64: file.bytes.toString('base64') };
  },
  'merge:accept': ({ submissionId, remark, ...input }) => {
    const row = acceptVersion(ctx, officeOf(ctx, input), input.year, submissionId, remark);
    return submissionSummary(row, latestReviews(ctx, [row.id]).get(row.id) ?? null);
  },
  'merge:receipt': ({ submissionId, ...input }) => {
    const file = writeReceipt(ctx, officeOf(ctx, input), input.year, submissionId);
    return { fileName: file.fileName, bytesBase64: file.bytes.toString('base64') };
  },
  'merge:set-deadline': ({ deadline, ...input }) => ({
    deadline: setDeadline(ctx, officeOf(ctx, input), input.year, deadline),
  }),
  'merge:overdue': (input) => overdueList(ctx, officeOf(ctx, input), input.year, input.deadline),
  'merge:overdue-print': (input) => renderOverdue(overdueList(ctx, officeOf(ctx, input), input.year)),
  'merge:overdue-export': async (input) => {
    const list = overdueList(ctx, officeOf(ctx, input), input.year, input.deadline);
    return {
      fileName: MESSAGES.merge.overdue.fileName(list.office.name, list.year),
      bytesBase64: (await overdueWorkbook(list)).toString('base64'),
    };
  },
  'merge:export': async (input) => {
    const file = await exportMergedReturn(ctx, officeOf(ctx, input), input.year);
    return { fileName: file.fileName, bytesBase64: file.bytes.toString('base64') };
  },
  // the desktop's export: written where the user chooses by this process; the bytes never travel to the window
  'merge:export-save': async (input) => {
    const file = await exportMergedReturn(ctx, officeOf(ctx, input), input.year);
    const path = await ctx.shell.saveFile(file.fileName, 'xlsx', file.bytes);
    return { saved: path !== null, path };
  },
});
