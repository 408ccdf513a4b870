// `wdp import` and `wdp validate` take the long format (CSV / JSON), DHIS2 dataValueSets and ADX as well as Excel
// forms: a .json or .xml / .adx file, a file whose text starts with an XML declaration or <adx, or a .csv / .txt
// whose header row names the long format's columns, goes to the open-data import.
import { closeSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import type { OpenDataReport } from '../../../shared/api/open-data-contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { fieldOfHeader } from '../../../shared/open-data/long-csv.ts';
import type { CliIo } from '../command.ts';

export function isOpenDataFile(path: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.xml' || ext === '.adx') return true;
  let head = '';
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(4096);
      head = buf
        .subarray(0, readSync(fd, buf, 0, buf.length, 0))
        .toString('utf8')
        .replace(/^\uFEFF/, '');
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  // ADX under any name (content, not extension): an XML declaration or the adx element first
  if (/^\s*<(\?xml|adx[\s>]|[A-Za-z_][\w.-]*:adx[\s>])/.test(head)) return true;
  if (ext !== '.csv' && ext !== '.txt') return false;
  const fields = (head.split(/\r?\n/)[0] ?? '').split(',').map((h) => fieldOfHeader(h.replace(/^"|"$/g, '')));
  return fields.includes('kind') && fields.includes('code') && fields.includes('regionCode');
}

export function printOpenDataReport(report: OpenDataReport, io: CliIo): void {
  io.out(report.verdict);
  for (const r of report.returns) io.out(MESSAGES.openData.ui.returnLine(r.regionName, r.regionCode, r.year, r.cells));
  if (report.problems.length === 0) return;
  io.out(MESSAGES.excel.cli.problemHeader);
  for (const p of report.problems)
    io.out([MESSAGES.excel.result.severity[p.severity], p.location, p.item ?? '', p.message].join('\t'));
}
