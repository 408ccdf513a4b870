// 催报 on the county's home page: who has not reported for the reporting year (townships and county departments),
// with whom to call, a 复制 button per unit and the short text for all of them, and the way to the 汇总 page.
import type { Overdue } from '../../shared/returns/overdue.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { LateUnitsTable } from './LateUnitsTable.tsx';
import { OverdueMessage } from './OverdueMessage.tsx';
import './merge.css';

const T = MESSAGES.merge.overdue;

export function HomeLateList({ year, onOpenMerge }: { year: number; onOpenMerge: () => void }) {
  const list = useApiQuery('merge:overdue', { year });
  const o: Overdue | undefined = list.value;
  if (list.error)
    return (
      <p className="error" role="alert">
        {list.error.message}
      </p>
    );
  if (!o || o.rows.length === 0) return null;
  return (
    <section className="card home-late" data-testid="home-late">
      <h2>
        {T.homeHeading(year)}
        <span className={o.daysLate > 0 ? 'error-text' : ''} data-testid="home-late-summary">
          {T.summary(o.rows.length, o.daysLate, o.deadline)}
        </span>
      </h2>
      <OverdueMessage text={o.message} />
      <LateUnitsTable rows={o.rows} className="grid overdue-list compact" />
      <p>
        <button type="button" className="link" onClick={onOpenMerge}>
          {T.homeOpen}
        </button>
      </p>
    </section>
  );
}
