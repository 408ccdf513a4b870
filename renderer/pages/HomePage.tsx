import type { Profile } from '../../shared/api/settings-contract.ts';
import { APP_LOCALE, MESSAGES } from '../../shared/messages.ts';
import { localDate } from '../../shared/returns/dates.ts';
import { footerDateText } from '../../shared/returns/footer.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { HomeLateList } from '../merge/HomeLateList.tsx';

const T = MESSAGES.app.home;

/** The plan this copy reports for, and its eight areas with how much each asks. */
export function HomePage({
  profile,
  onChangeProfile,
  onOpenEntry,
  onOpenMerge,
}: {
  profile: Profile;
  onChangeProfile: () => void;
  onOpenEntry: (year?: number) => void;
  onOpenMerge: () => void;
}) {
  const fw = useApiQuery('plans:get-framework', { planId: profile.planId });
  const returns = useApiQuery('returns:list', { regionCode: profile.regionCode });
  const merging = profile.role === 'county' || profile.role === 'city';
  const reportingYear = new Date().getFullYear() - 1;
  const overview = useApiQuery('merge:overview', merging ? { year: reportingYear } : null, profile.regionCode);
  const region = useApiQuery('regions:get', { code: profile.regionCode });
  if (fw.error)
    return (
      <p className="error" role="alert">
        {fw.error.message}
      </p>
    );
  if (!fw.value) return <p className="muted">{MESSAGES.app.loading}</p>;
  const { framework } = fw.value;
  return (
    <section>
      <header className="page-head">
        <div>
          <h1>{framework.plan.name}</h1>
          <p className="muted page-meta">
            <span>
              {T.reportingFor}：
              <strong data-testid="region-name">
                {region.value
                  ? [...region.value.path.filter((r) => r.level !== 'province'), region.value]
                      .map((r) => r.name)
                      .join(' · ')
                  : '…'}
              </strong>
            </span>
            <span data-testid="role">{MESSAGES.app.roles[profile.role]}</span>
            {framework.plan.status === '征求意见稿' && (
              <span className="tag warn">{MESSAGES.app.common.consultationDraft}</span>
            )}
          </p>
        </div>
        <button type="button" onClick={onChangeProfile}>
          {T.changeProfile}
        </button>
      </header>
      {overview.value && (
        <p className="notice" data-testid="home-completeness">
          {T.completeness(
            reportingYear,
            overview.value.completeness.reported,
            overview.value.completeness.total,
            overview.value.completeness.drafts,
            overview.value.completeness.rate,
          )}{' '}
          <button type="button" className="link" onClick={onOpenMerge}>
            {T.openMerge}
          </button>
        </p>
      )}
      {merging && <HomeLateList year={reportingYear} onOpenMerge={onOpenMerge} />}
      <h2>{T.returns}</h2>
      {returns.value && returns.value.length === 0 && (
        <p className="muted">
          {T.noReturns}{' '}
          <button type="button" className="link" onClick={() => onOpenEntry()}>
            {T.startEntry}
          </button>
        </p>
      )}
      {returns.value && returns.value.length > 0 && (
        <table className="grid home-returns" data-testid="home-returns">
          <thead>
            <tr>
              <th>{T.year}</th>
              <th>{T.status}</th>
              <th className="c-num">{T.filled}</th>
              <th>{T.headline}</th>
              <th>{T.updated}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {returns.value
              .filter((r) => r.planId === profile.planId)
              .map((r) => (
                <tr key={r.id}>
                  <td>{MESSAGES.app.common.year(r.year)}</td>
                  <td>
                    <span className={`badge status-${r.status}`}>{MESSAGES.returns.status[r.status]}</span>
                    {r.receipt && (
                      <span
                        className={`receipt receipt-${r.receipt.decision}`}
                        data-testid="home-receipt"
                        title={r.receipt.remark}
                      >
                        {MESSAGES.returns.receipt.home(
                          r.receipt.office,
                          footerDateText(localDate(r.receipt.decidedAt)),
                          r.receipt.decision,
                        )}
                      </span>
                    )}
                  </td>
                  <td className="c-num">
                    {r.cellsFilled}
                    {r.prefilledCells > 0 ? T.prefilled(r.prefilledCells) : ''}
                  </td>
                  <td className="home-headline">
                    <ReturnHeadline returnId={r.id} updatedAt={r.updatedAt} />
                  </td>
                  <td>{new Date(r.updatedAt).toLocaleString(APP_LOCALE, { hour12: false })}</td>
                  <td>
                    <button type="button" className="link" onClick={() => onOpenEntry(r.year)}>
                      {T.open}
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      <h2>{T.areas}</h2>
      <ol className="area-grid" data-testid="areas">
        {framework.areas.map((area) => (
          <li key={area.area} className="area-card">
            <h3>{MESSAGES.areaTitles[area.area]}</h3>
            <p>{T.objectives(area.objectives.length)}</p>
            <p className="muted">{T.targets(area.targets.length)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The return's targets as the engine sums them: the first sentence the annual report and the merge page print. */
function ReturnHeadline({ returnId, updatedAt }: { returnId: number; updatedAt: string }) {
  const h = useApiQuery('returns:headline', { returnId }, updatedAt);
  if (!h.value) return null;
  return (
    <span className="small" data-testid="home-headline">
      {h.value.sentences[0]}
    </span>
  );
}
