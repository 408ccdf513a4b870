// The printable 催报 list (A4 portrait): the office, year and deadline, then one row per unit not yet reported with
// its state and whom to call. The same HTML is previewed, printed and saved as PDF by the app.
import { MESSAGES } from '../messages.ts';
import { footerDateText } from '../returns/footer.ts';
import type { Overdue } from '../returns/overdue.ts';
import { baseCss, esc, systemFonts, toHtmlDocument } from './html.ts';

const T = MESSAGES.merge.overdue;

export function renderOverdue(o: Overdue): { title: string; html: string; landscape: boolean } {
  const title = T.title(o.office.name, o.year);
  const rows = o.rows
    .map(
      (r, i) => `<tr>
<td class="center">${i + 1}</td><td>${esc(r.name)}</td><td class="center">${esc(T.state[r.state])}</td>
<td>${esc(r.contact?.filler ?? '')}</td><td>${esc(r.contact?.phone ?? '')}</td><td>${esc(r.contact?.head ?? '')}</td><td>${esc(r.contact?.statistician ?? '')}</td>
<td class="center">${r.contact ? r.contact.year : ''}</td><td class="center"></td>
</tr>`,
    )
    .join('\n');
  const body = `<div class="wdp-print overdue">
<h1>${esc(title)}</h1>
<p class="meta">${esc(T.meta(o.deadline ? footerDateText(o.deadline) : '', footerDateText(o.asOf), o.daysLate, o.rows.length, o.total))}</p>
<table>
<thead><tr>${T.headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows || `<tr><td colspan="${T.headers.length}" class="center">${esc(T.none)}</td></tr>`}
</tbody>
</table>
<p class="small muted note">${esc(T.note)}</p>
</div>`;
  const css = `${baseCss(false, systemFonts())}
.wdp-print.overdue h1 { font-size: 15pt; text-align: center; margin-bottom: 3mm; }
.wdp-print.overdue .meta { text-align: center; margin-bottom: 4mm; }
.wdp-print.overdue td { height: 8mm; }
.wdp-print.overdue .note { margin-top: 4mm; }`;
  return { title, landscape: false, html: toHtmlDocument({ title, landscape: false, css, body }) };
}
