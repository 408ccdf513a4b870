// 汇总: a county (or city) imports its children's returns in batches, sees who is missing, settles
// resubmissions, and gets the merged return with its breakdown by child, ready to export for the level above.
// Every call names the merge year; the office is the profile's region unless regionCode (and planId) say otherwise.
import { z } from 'zod';
import { endpoint } from './define.ts';
import { endpointSummary as SUMMARY } from '../messages/endpoints.ts';
import { fields as F } from '../messages/fields.ts';
import { MAX_IMPORT_BYTES } from './limits.ts';
import { SendBackSchema } from '../returns/review.ts';
import { DeadlineSchema, OverdueSchema } from '../returns/overdue.ts';
import { SexColumnSchema } from '../framework/schema.ts';
import {
  RegionCodeSchema,
  ReturnDataSchema,
  ReturnStatusSchema,
  YearSchema,
  CellSchema,
  PooledRatioSchema,
} from '../returns/schema.ts';
import { EvaluationSchema, TargetStatusSchema } from '../rules/result.ts';

/** Files per import call: the renderer sends a batch in chunks of this many, so a progress bar can move. */
export const MERGE_CHUNK_FILES = 10;
const MAX_FILE_BASE64 = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 16;

const OfficeYear = z.object({
  year: YearSchema,
  /** the county or city merging; default: the profile's region */
  regionCode: RegionCodeSchema.optional(),
  /** the plan of the merged return; default: the profile's (or the county's own) plan */
  planId: z.string().min(1).optional(),
});

export const OfficeSchema = z.object({
  code: RegionCodeSchema,
  name: z.string(),
  level: z.enum(['county', 'city']),
  planId: z.string(),
  planName: z.string(),
  frameworkVersion: z.number().int(),
});

export const ReportStateSchema = z.enum(['reported', 'draft', 'missing']);
export const SupplierKindSchema = z.enum(['township', 'county', 'department']);

export const ProblemSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  location: z.string(),
  message: z.string(),
});

/** The receiving office's latest review of a version: 退回 (sent back) or 审核通过 (accepted), who, when, the remark. */
export const ReviewStateSchema = z.object({
  decision: z.enum(['returned', 'accepted']),
  at: z.string(),
  userName: z.string(),
  overall: z.string(),
});
export type ReviewState = z.infer<typeof ReviewStateSchema>;

export const SubmissionSummarySchema = z.object({
  id: z.number().int(),
  regionCode: RegionCodeSchema,
  supplierKind: SupplierKindSchema,
  department: z.string(),
  supplierName: z.string(),
  planId: z.string(),
  frameworkVersion: z.number().int(),
  /** 报出日期 from the file's footer, YYYY-MM-DD */
  reportedOn: z.string().nullable(),
  /** when the file was made (export time or the workbook's saved time) */
  madeAt: z.string().nullable(),
  /** 填表人 and 联系电话 from the file's footer */
  filler: z.string(),
  phone: z.string(),
  fileStatus: ReturnStatusSchema.nullable(),
  fileName: z.string(),
  receivedAt: z.string(),
  verdict: z.enum(['accepted', 'warnings']),
  isCurrent: z.boolean(),
  chosenBy: z.enum(['auto', 'user']),
  /** the office's latest review of this version (a newer version starts without one) */
  review: ReviewStateSchema.nullable(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummarySchema>;

/** Something a folder walk left out (a FIFO, a link out of the folder, the same file twice), with the reason. */
export const SkippedFileSchema = z.object({ fileName: z.string(), reason: z.string() });
export type SkippedFile = z.infer<typeof SkippedFileSchema>;

export const FileVerdictSchema = z.object({
  fileName: z.string(),
  verdict: z.enum(['accepted', 'warnings', 'rejected']),
  supplier: z
    .object({ code: z.string(), name: z.string(), kind: SupplierKindSchema, department: z.string() })
    .nullable(),
  year: z.number().int().nullable(),
  reportedOn: z.string().nullable(),
  problems: z.array(ProblemSchema),
  submissionId: z.number().int().nullable(),
  /** the same supplier and year had a version before this file */
  resubmission: z
    .object({ previousId: z.number().int(), changes: z.number().int(), becameCurrent: z.boolean() })
    .nullable(),
  /** the very same file was received before */
  duplicate: z.boolean(),
});
export type FileVerdict = z.infer<typeof FileVerdictSchema>;

/** Files one staging call carries (the renderer's own files, uploaded before the import starts). */
export const MERGE_STAGE_FILES = 10;

/**
 * Where a long import takes its files: a folder chosen in the system dialog (its token from merge:pick-folder),
 * files the renderer uploaded first (merge:import-stage), or paths on this computer (the CLI's arguments; folders
 * are walked the same way).
 */
export const ImportSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('folder'), token: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('staged'), token: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('paths'), paths: z.array(z.string().min(1).max(4096)).min(1).max(5000) }),
]);
export type ImportSource = z.infer<typeof ImportSourceSchema>;

/** A long import as it stands: files checked so far, the file being read now, the verdicts decided since `since`. */
export const ImportProgressSchema = z.object({
  operationId: z.string(),
  /** running; done (every file decided); cancelled (stopped on request: the files stored stay, the rest were not read); failed */
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  total: z.number().int(),
  /** files read and checked so far (the progress bar) */
  read: z.number().int(),
  /** files whose verdict is stored (each batch in one transaction) */
  stored: z.number().int(),
  /** the file being read now ('' when none) */
  current: z.string(),
  counts: z.object({ accepted: z.number().int(), warnings: z.number().int(), rejected: z.number().int() }),
  /** the verdicts from index `since` on (the caller keeps its own list and asks for the rest) */
  verdicts: z.array(FileVerdictSchema),
  /** the index of verdicts[0] among all the operation's verdicts */
  since: z.number().int(),
  /** the Chinese sentence saying how it ended ('' while running) */
  message: z.string(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const CompletenessSchema = z.object({
  total: z.number().int(),
  reported: z.number().int(),
  drafts: z.number().int(),
  missing: z.number().int(),
  /** 报送率 %, one decimal */
  rate: z.number(),
});
export type Completeness = z.infer<typeof CompletenessSchema>;

export const ChildStatusSchema = z.object({
  code: z.string(),
  name: z.string(),
  listed: z.boolean(),
  state: ReportStateSchema,
  source: z.enum(['file', 'local']).nullable(),
  submission: SubmissionSummarySchema.nullable(),
  versions: z.number().int(),
});
export type ChildStatus = z.infer<typeof ChildStatusSchema>;

export const DepartmentStatusSchema = z.object({
  department: z.string(),
  name: z.string(),
  items: z.number().int(),
  state: ReportStateSchema,
  submission: SubmissionSummarySchema.nullable(),
});

export const OverviewSchema = z.object({
  office: OfficeSchema,
  year: z.number().int(),
  /** years with anything received, for the year picker */
  years: z.array(z.number().int()),
  completeness: CompletenessSchema,
  children: z.array(ChildStatusSchema),
  departments: z.array(DepartmentStatusSchema),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const ReceivedFileSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  receivedAt: z.string(),
  verdict: z.enum(['accepted', 'warnings', 'rejected']),
  regionCode: z.string().nullable(),
  supplierName: z.string().nullable(),
  submissionId: z.number().int().nullable(),
  problems: z.array(ProblemSchema),
});
export type ReceivedFile = z.infer<typeof ReceivedFileSchema>;

export const CellChangeSchema = z.object({
  item: z.string(),
  sex: SexColumnSchema,
  label: z.string(),
  before: z.string(),
  after: z.string(),
});
export const ResubmissionSchema = z.object({
  regionCode: z.string(),
  department: z.string(),
  name: z.string(),
  versions: z.array(
    z.object({
      submission: SubmissionSummarySchema,
      /** differences from the current version: before = current, after = this version */
      changes: z.array(CellChangeSchema),
      answers: z.array(z.object({ indicator: z.string(), before: z.string(), after: z.string() })),
    }),
  ),
});
export type Resubmission = z.infer<typeof ResubmissionSchema>;

export const ItemSourceSchema = z.object({
  item: z.string(),
  kind: z.enum(['children', 'department', 'own', 'none']),
  department: z.string(),
  contributors: z.number().int(),
  children: z.number().int(),
  /** Chinese: 28/30 个下级汇总, 卫生健康局报送, 本级填报 */
  label: z.string(),
});
export type ItemSource = z.infer<typeof ItemSourceSchema>;

export const GapSchema = z.object({
  item: z.string(),
  sex: SexColumnSchema,
  missingIn: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type Gap = z.infer<typeof GapSchema>;

export const MergeResultSchema = z.object({
  office: OfficeSchema,
  completeness: CompletenessSchema,
  data: ReturnDataSchema,
  gaps: z.array(GapSchema),
  sources: z.array(ItemSourceSchema),
  evaluation: EvaluationSchema,
  notes: z.array(z.string()),
});
export type MergeResult = z.infer<typeof MergeResultSchema>;

export const BreakdownSchema = z.object({
  columns: z.array(z.object({ code: z.string(), name: z.string(), state: ReportStateSchema })),
  rows: z.array(
    z.object({
      kind: z.enum(['item', 'indicator']),
      code: z.string(),
      sex: SexColumnSchema.nullable(),
      label: z.string(),
      unit: z.string(),
      decimals: z.number().int(),
      values: z.array(z.number().nullable()),
      total: z.number().nullable(),
      status: z.array(TargetStatusSchema.nullable()).nullable(),
      totalStatus: TargetStatusSchema.nullable(),
      target: z.string(),
      /** a ratio pooled over only some children: 由2个乡镇（共4个）汇总计算；缺少：丙乡、丁镇; else '' */
      totalNote: z.string(),
    }),
  ),
});
export type BreakdownView = z.infer<typeof BreakdownSchema>;

/** What the county's entry screen shows read-only: summed and department-supplied cells, with their sources and gaps. */
export const EntryOverlaySchema = z.object({
  office: OfficeSchema,
  completeness: CompletenessSchema,
  cells: z.array(CellSchema),
  /** items the office does not enter itself, with who supplies them */
  locked: z.array(ItemSourceSchema),
  gaps: z.array(GapSchema),
  /** the merged return's ratios pooled over the children with both numerator and denominator: the entry screen judges on these */
  pooledRatios: z.record(z.string(), PooledRatioSchema),
});
export type EntryOverlay = z.infer<typeof EntryOverlaySchema>;

export const mergeContract = {
  'merge:overview': endpoint(OfficeYear, OverviewSchema, SUMMARY['merge:overview']),
  'merge:begin-import': endpoint(
    OfficeYear,
    z.object({ backup: z.string().nullable() }),
    SUMMARY['merge:begin-import'],
  ),
  'merge:import-files': endpoint(
    OfficeYear.extend({
      files: z
        .array(z.object({ fileName: z.string().min(1).max(255), bytesBase64: z.string().max(MAX_FILE_BASE64) }))
        .min(1)
        .max(MERGE_CHUNK_FILES),
    }),
    z.array(FileVerdictSchema),
    SUMMARY['merge:import-files'],
  ),
  'merge:pick-folder': endpoint(
    OfficeYear,
    z.object({
      /** false where the door has no folder dialog (the browser during development: it uses its own picker) */
      supported: z.boolean(),
      folder: z.string().nullable(),
      token: z.string().nullable(),
      files: z.array(z.string()),
      skipped: z.array(SkippedFileSchema),
    }),
    SUMMARY['merge:pick-folder'],
  ),
  'merge:import-folder-files': endpoint(
    OfficeYear.extend({
      token: z.string().min(1).max(100),
      start: z.number().int().min(0),
      count: z.number().int().min(1).max(MERGE_CHUNK_FILES),
    }),
    z.array(FileVerdictSchema),
    SUMMARY['merge:import-folder-files'],
  ),
  'merge:import-stage': endpoint(
    OfficeYear.extend({
      /** absent for the first call: the answer gives the token the next calls and merge:import-start use */
      token: z.string().min(1).max(100).optional(),
      files: z
        .array(z.object({ fileName: z.string().min(1).max(255), bytesBase64: z.string().max(MAX_FILE_BASE64) }))
        .min(1)
        .max(MERGE_STAGE_FILES),
    }),
    z.object({ token: z.string(), staged: z.number().int() }),
    SUMMARY['merge:import-stage'],
  ),
  'merge:import-start': endpoint(
    OfficeYear.extend({
      source: ImportSourceSchema,
      /** read on worker threads from a dozen files on, so the window stays responsive (the CLI reads up to 100 in its own thread: faster) */
      offMainThread: z.boolean().default(true),
    }),
    z.object({
      operationId: z.string(),
      total: z.number().int(),
      skipped: z.array(SkippedFileSchema),
      backup: z.string().nullable(),
    }),
    SUMMARY['merge:import-start'],
  ),
  'merge:import-progress': endpoint(
    z.object({
      operationId: z.string().min(1).max(100),
      /** verdicts from this index on */
      since: z.number().int().min(0).default(0),
      /** wait up to this long for something new (a file read or a batch stored) before answering */
      waitMs: z.number().int().min(0).max(5000).default(0),
    }),
    ImportProgressSchema,
    SUMMARY['merge:import-progress'],
  ),
  'merge:import-cancel': endpoint(
    z.object({ operationId: z.string().min(1).max(100) }),
    ImportProgressSchema,
    SUMMARY['merge:import-cancel'],
  ),
  'merge:received': endpoint(OfficeYear, z.array(ReceivedFileSchema), SUMMARY['merge:received']),
  'merge:resubmissions': endpoint(OfficeYear, z.array(ResubmissionSchema), SUMMARY['merge:resubmissions']),
  'merge:choose-version': endpoint(
    OfficeYear.extend({ submissionId: z.number().int().positive() }),
    SubmissionSummarySchema,
    SUMMARY['merge:choose-version'],
  ),
  'merge:result': endpoint(OfficeYear, MergeResultSchema, SUMMARY['merge:result']),
  'merge:breakdown': endpoint(OfficeYear, BreakdownSchema, SUMMARY['merge:breakdown']),
  'merge:entry-overlay': endpoint(OfficeYear, EntryOverlaySchema, SUMMARY['merge:entry-overlay']),
  'merge:version-issues': endpoint(
    OfficeYear.extend({ submissionId: z.number().int().positive() }),
    z.array(
      z.object({
        item: z.string(),
        sex: SexColumnSchema,
        severity: z.enum(['error', 'warning', 'info']),
        message: z.string(),
      }),
    ),
    SUMMARY['merge:version-issues'],
  ),
  'merge:send-back': endpoint(
    OfficeYear.extend({ submissionId: z.number().int().positive(), review: SendBackSchema }),
    z.object({ fileName: z.string(), bytesBase64: z.string() }),
    SUMMARY['merge:send-back'],
  ),
  'merge:accept': endpoint(
    OfficeYear.extend({
      submissionId: z.number().int().positive(),
      remark: z.string().trim().max(1000, F.reviewRemarkTooLong).default(''),
    }),
    SubmissionSummarySchema,
    SUMMARY['merge:accept'],
  ),
  'merge:receipt': endpoint(
    OfficeYear.extend({ submissionId: z.number().int().positive() }),
    z.object({ fileName: z.string(), bytesBase64: z.string() }),
    SUMMARY['merge:receipt'],
  ),
  'merge:set-deadline': endpoint(
    OfficeYear.extend({ deadline: DeadlineSchema.nullable() }),
    z.object({ deadline: z.string().nullable() }),
    SUMMARY['merge:set-deadline'],
  ),
  'merge:overdue': endpoint(
    OfficeYear.extend({ deadline: DeadlineSchema.optional() }),
    OverdueSchema,
    SUMMARY['merge:overdue'],
  ),
  'merge:overdue-print': endpoint(
    OfficeYear,
    z.object({ title: z.string(), html: z.string(), landscape: z.boolean() }),
    SUMMARY['merge:overdue-print'],
  ),
  'merge:overdue-export': endpoint(
    OfficeYear.extend({ deadline: DeadlineSchema.optional() }),
    z.object({ fileName: z.string(), bytesBase64: z.string() }),
    SUMMARY['merge:overdue-export'],
  ),
  'merge:export': endpoint(
    OfficeYear,
    z.object({ fileName: z.string(), bytesBase64: z.string() }),
    SUMMARY['merge:export'],
  ),
  'merge:export-save': endpoint(
    OfficeYear,
    z.object({ saved: z.boolean(), path: z.string().nullable() }),
    SUMMARY['merge:export-save'],
  ),
};
