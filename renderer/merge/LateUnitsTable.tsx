// The units whose return is late (催报): name, state, whom to call and a 复制 of each one's own text. The county's
// home page shows the short list (filler and phone); the 汇总 page the whole (head, statistician, and the year the
// contact comes from).
import type { Overdue } from '../../shared/returns/overdue.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { CopyButton } from './OverdueMessage.tsx';

const T = MESSAGES.merge.overdue;

export function LateUnitsTable({
  rows,
  full = false,
  className,
  testId,
}: {
  rows: Overdue['rows'];
  full?: boolean;
  className: string;
  testId?: string;
}) {
  return (
    <table className={className} data-testid={testId}>
      <thead>
        <tr>
          {T.headers.slice(1, full ? 8 : 5).map((h) => (
            <th key={h}>{h}</th>
          ))}
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={`${r.code}|${r.department}`}
            data-late-region={r.code}
            data-late-department={r.department}
            data-late={r.state}
          >
            <td>{r.name}</td>
            <td>
              <span className={`status state-${r.state}`}>{T.state[r.state]}</span>
            </td>
            <td>{r.contact?.filler}</td>
            <td>{r.contact?.phone}</td>
            {full && (
              <>
                <td>{r.contact?.head}</td>
                <td>{r.contact?.statistician}</td>
                <td className="muted small">{r.contact ? T.contactFrom(r.contact.year) : T.noContact}</td>
              </>
            )}
            <td>
              <CopyButton text={r.message} label={T.message.copyOne} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
