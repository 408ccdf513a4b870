// The merged return as a file for the level above: the same return form the townships send (the Excel
// export, with the county or city as 填报单位), plus 汇总说明, 数据来源 and 分单位明细 sheets. Who supplied
// each item is also recorded in the database.
import { MESSAGES } from '../../shared/messages.ts';
import { explanationsOf, footerOf } from '../db/repos/returns-repo.ts';
import { replaceItemSources } from '../db/repos/submissions-repo.ts';
import { writeReturnWorkbook } from '../excel/write-return.ts';
import { isoNow, type AppContext } from '../context/app-context.ts';
import { regionVintage } from '../frameworks/regions-service.ts';
import { getProfile } from '../settings/settings-service.ts';
import { buildBreakdown } from './breakdown.ts';
import { buildMergedReturn, type MergedReturn } from './county-aggregate.ts';
import { writeBreakdownSheet, writeNotesSheet, writeSourcesSheet } from './merge-sheets.ts';
import type { Office } from './office.ts';

export interface MergedFile {
  fileName: string;
  bytes: Buffer;
  merged: MergedReturn;
}

/** Records who supplied each item of the office's merged return for the year, as exported. */
function recordSources(ctx: AppContext, merged: MergedReturn): void {
  const { office, year } = merged.inputs;
  ctx.db.transaction(() =>
    replaceItemSources(
      ctx.db,
      { officeCode: office.region.code, year, planId: office.planId },
      merged.result.sources.map((s) => ({
        item: s.item,
        kind: s.kind,
        department: s.kind === 'department' ? s.department : '',
        contributors: s.kind === 'children' ? s.contributors : 0,
        children: s.kind === 'children' ? s.children : 0,
      })),
      isoNow(ctx),
    ),
  )();
}

export async function writeMergedWorkbook(
  ctx: AppContext,
  merged: MergedReturn,
  options: { breakdown?: boolean; notesAsXml?: boolean } = {},
): Promise<Buffer> {
  const { office, year } = merged.inputs;
  const profile = getProfile(ctx);
  const previous = merged.history.find((h) => h.year === year - 1) ?? null;
  const { bytes } = await writeReturnWorkbook({
    kind: 'return',
    framework: office.framework,
    data: merged.result.data,
    region: { code: office.region.code, name: office.region.name },
    previous,
    evaluation: merged.evaluation,
    explanations: merged.inputs.own ? explanationsOf(ctx.db, merged.inputs.own.id) : {},
    userName: profile && profile.regionCode === office.region.code ? profile.userName : '',
    footer: merged.inputs.own ? footerOf(ctx.db, merged.inputs.own.id) : undefined,
    regionVintage: regionVintage(ctx) || null,
    now: ctx.now(),
    status: merged.inputs.own?.status,
    addSheets: (wb) => {
      const notes = writeNotesSheet(wb, merged, { asXml: options.notesAsXml });
      writeSourcesSheet(wb, merged);
      if (!(options.breakdown ?? true)) return notes;
      return new Map([...writeBreakdownSheet(wb, merged, buildBreakdown(merged)), ...notes]);
    },
  });
  return bytes;
}

export async function exportMergedReturn(
  ctx: AppContext,
  office: Office,
  year: number,
  merged = buildMergedReturn(ctx, office, year),
): Promise<MergedFile> {
  const bytes = await writeMergedWorkbook(ctx, merged);
  recordSources(ctx, merged);
  return { fileName: MESSAGES.merge.sheets.fileName(office.region.name, year), bytes, merged };
}
