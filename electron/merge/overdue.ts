// 催报 at the receiving office: the deadline it sets for a year (stored in settings), the units not yet reported
// (nothing received, a draft, or the version in use sent back) with the contact from the footer of their latest
// return received here, the short 催报 text to copy into a message, the printable list and the Excel list.
// County departments (县级部门) are chased like townships.
import { AppError } from '../../shared/api/envelope.ts';
import { footerDateText } from '../../shared/returns/footer.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { localDate } from '../../shared/returns/dates.ts';
import { loadWorkbookClass } from '../excel/load-exceljs.ts';
import type { ChildStatus } from '../../shared/api/merge-contract.ts';
import {
  daysPast,
  overdueMessage,
  type Overdue,
  type OverdueRow,
  type OverdueSender,
} from '../../shared/returns/overdue.ts';
import { findReturn, footerOf } from '../db/repos/returns-repo.ts';
import { getProfile } from '../settings/settings-service.ts';
import { getSetting, setSetting } from '../db/repos/settings-repo.ts';
import type { AppContext } from '../context/app-context.ts';
import { overview } from './merge-service.ts';
import type { Office } from './office.ts';
import { putText } from '../excel/write-style.ts';

const T = MESSAGES.merge.overdue;
const key = (office: Office, year: number) => `deadline:${office.region.code}:${year}`;

const deadlineOf = (ctx: AppContext, office: Office, year: number): string | null =>
  getSetting(ctx.db, key(office, year)) || null;

export function setDeadline(ctx: AppContext, office: Office, year: number, deadline: string | null): string | null {
  // a deadline before the year it is for is a mistyped year (2020 for 2026): every unit would show as long overdue
  if (deadline && deadline < `${year}-01-01`) {
    const O = MESSAGES.merge.overdue;
    throw new AppError(
      'invalid_request',
      O.deadlineBeforeYear(footerDateText(deadline), year, footerDateText(`${year + 1}-01-31`)),
    );
  }
  setSetting(ctx.db, key(office, year), deadline ?? '');
  return deadline;
}

interface FooterRow {
  year: number;
  file_name: string;
  footer_head: string;
  footer_statistician: string;
  footer_filler: string;
  footer_phone: string;
}

/** The footer of the unit's (a township's, or a county department's) latest return this office received (any year) that names someone. */
function contactOf(ctx: AppContext, office: Office, regionCode: string, department = ''): OverdueRow['contact'] {
  const r = ctx.db
    .prepare(`SELECT year, file_name, footer_head, footer_statistician, footer_filler, footer_phone FROM submissions
    WHERE office_code = ? AND region_code = ? AND department = ? AND (footer_filler <> '' OR footer_phone <> '' OR footer_head <> '' OR footer_statistician <> '')
    ORDER BY year DESC, received_at DESC, id DESC LIMIT 1`)
    .get(office.region.code, regionCode, department) as FooterRow | undefined;
  return r
    ? {
        head: r.footer_head,
        statistician: r.footer_statistician,
        filler: r.footer_filler,
        phone: r.footer_phone,
        year: r.year,
        fileName: r.file_name,
      }
    : null;
}

type Unit = Pick<ChildStatus, 'state' | 'submission'>;
const lateState = (u: Unit): OverdueRow['state'] | null =>
  u.state === 'missing'
    ? 'missing'
    : u.state === 'draft'
      ? 'draft'
      : u.submission?.review?.decision === 'returned'
        ? 'returned'
        : null;

/** Whom the 催报 text names to call back: this computer's user, and the phone in the footer of the office's own return. */
function senderOf(ctx: AppContext, office: Office, year: number): OverdueSender {
  const own = findReturn(ctx.db, office.region.code, year, office.planId);
  return {
    office: office.region.name,
    name: getProfile(ctx)?.userName ?? '',
    phone: own ? footerOf(ctx.db, own.id).phone : '',
  };
}

/**
 * Who has not reported for the year, as of today, against the office's deadline (or the one given): the townships
 * listed under the office, then the county departments (县级部门) that collect items of the office's own return
 * (when the office works with department returns).
 */
export function overdueList(ctx: AppContext, office: Office, year: number, deadline?: string | null): Overdue {
  const view = overview(ctx, { year, regionCode: office.region.code, planId: office.planId });
  const due = deadline === undefined ? deadlineOf(ctx, office, year) : deadline;
  const asOf = localDate(ctx.now().toISOString());
  const daysLate = daysPast(due, asOf);
  const sender = senderOf(ctx, office, year);
  const row = (code: string, department: string, name: string, state: OverdueRow['state']): OverdueRow => ({
    code,
    department,
    name,
    state,
    contact: contactOf(ctx, office, code, department),
    message: overdueMessage([{ name, state }], { year, deadline: due, daysLate }, sender),
  });
  // departments are chased once the office works with department returns (it has received one, any year); an office
  // that enters the county items itself is not told its departments are late
  const withDepartments =
    ctx.db
      .prepare("SELECT 1 FROM submissions WHERE office_code = ? AND department <> '' LIMIT 1")
      .get(office.region.code) !== undefined;
  const departments = withDepartments ? view.departments.filter((d) => d.items > 0) : [];
  const rows: OverdueRow[] = [
    ...view.children
      .filter((c) => c.listed)
      .flatMap((c) => {
        const s = lateState(c);
        return s ? [row(c.code, '', c.name, s)] : [];
      }),
    ...departments.flatMap((d) => {
      const s = lateState(d);
      return s ? [row(office.region.code, d.department, d.name, s)] : [];
    }),
  ];
  return {
    office: { code: office.region.code, name: office.region.name },
    year,
    deadline: due,
    asOf,
    daysLate,
    total: view.completeness.total + departments.length,
    rows,
    message: overdueMessage(rows, { year, deadline: due, daysLate }, sender),
  };
}

/** The list as a workbook: a title, the deadline line, one row per unit, A4 portrait. */
export async function overdueWorkbook(o: Overdue): Promise<Buffer> {
  // exceljs is loaded when a workbook is written, not at every start of the app or the CLI (~0.1 s)
  const Workbook = await loadWorkbookClass();
  const wb = new Workbook();
  const ws = wb.addWorksheet(T.sheetName);
  const widths = [6, 14, 22, 12, 12, 16, 12, 12, 14];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.mergeCells(1, 1, 1, widths.length);
  putText(ws, 1, 1, T.title(o.office.name, o.year), { bold: true, size: 14, border: false, align: 'center' });
  ws.mergeCells(2, 1, 2, widths.length);
  putText(ws, 2, 1, T.meta(o.deadline ?? '', o.asOf, o.daysLate, o.rows.length, o.total), {
    border: false,
    align: 'center',
  });
  T.sheetHeaders.forEach((h, i) => {
    putText(ws, 4, i + 1, h, { bold: true, align: 'center' });
  });
  o.rows.forEach((r, i) => {
    const c = r.contact;
    [
      String(i + 1),
      r.code,
      r.name,
      T.state[r.state],
      c?.filler ?? '',
      c?.phone ?? '',
      c?.head ?? '',
      c?.statistician ?? '',
      c ? T.contactFrom(c.year) : T.noContact,
    ].forEach((text, col) => {
      putText(ws, 5 + i, col + 1, text, { wrap: col === 2 || col === 8 });
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '4:4',
  };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
