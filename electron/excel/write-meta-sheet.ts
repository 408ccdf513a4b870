// The hidden 元数据 sheet: what identifies the return on import (format, plan, framework version, region, level,
// year, app version, checksum), one key a row; then a merged return's pooled ratios (pooled-rows.ts).
import type ExcelJS from 'exceljs';
import { MESSAGES } from '../../shared/messages.ts';
import { workflowStatus } from '../../shared/returns/schema.ts';
import { returnChecksum } from './checksum.ts';
import { writePooledRows } from './pooled-rows.ts';
import { reviewChecksum } from './write-review.ts';
import { APP_VERSION, META_FORMAT, META_FORMAT_VERSION, META_KEYS, type WorkbookMeta } from './meta.ts';
import type { WriteReturnInput } from './write-input.ts';

export function writeMetaSheet(wb: ExcelJS.Workbook, input: WriteReturnInput) {
  const ws = wb.addWorksheet(MESSAGES.excel.form.metaSheet, { state: 'hidden' });
  const meta: WorkbookMeta = {
    format: META_FORMAT,
    formatVersion: META_FORMAT_VERSION,
    kind: input.kind,
    planId: input.data.planId,
    planName: input.framework.plan.name,
    frameworkVersion: input.data.frameworkVersion,
    regionCode: input.region.code,
    regionName: input.region.name,
    level: input.data.level,
    year: input.data.year,
    appVersion: APP_VERSION,
    regionVintage: input.regionVintage ?? undefined,
    exportedAt: input.now.toISOString(),
    checksum: returnChecksum(input.data),
    status: input.status ? workflowStatus(input.status) : '',
    department: input.department ?? '',
    ...(input.review
      ? {
          reviewOffice: input.review.officeCode,
          reviewOfficeName: input.review.officeName,
          reviewedAt: input.review.reviewedAt,
          reviewOf: input.review.reviewOf,
          reviewChecksum: reviewChecksum(input.review),
        }
      : {}),
  };
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 70;
  ws.getColumn(3).width = 24;
  META_KEYS.forEach((key, i) => {
    const value = meta[key];
    ws.getCell(i + 1, 1).value = key;
    // every value as text: the reader parses them with the metadata schema
    ws.getCell(i + 1, 2).value = value === undefined ? '' : String(value);
    ws.getCell(i + 1, 3).value = MESSAGES.excel.meta.labels[key] ?? '';
  });
  ws.getCell(META_KEYS.length + 2, 1).value = MESSAGES.excel.meta.note;
  // a merged return's ratios pooled over matched units, for the level above to pool in turn
  if (input.data.pooledRatios) writePooledRows(ws, META_KEYS.length + 4, input.data.pooledRatios);
}
