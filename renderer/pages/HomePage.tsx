import type { Profile } from '../../shared/api/settings-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { api } from '../api/client.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';

const T = MESSAGES.app.home;

/** The plan this copy reports for, and its eight areas with how much each asks. */
export function HomePage({ profile, onChangeProfile }: { profile: Profile; onChangeProfile: () => void }) {
  const fw = useApiQuery(`fw:${profile.planId}`, () => api['plans:get-framework']({ planId: profile.planId }));
  const region = useApiQuery(`region:${profile.regionCode}`, () => api['regions:get']({ code: profile.regionCode }));
  if (fw.error) return <p className="error" role="alert">{fw.error.message}</p>;
  if (!fw.value) return <p className="muted">{MESSAGES.app.loading}</p>;
  const { framework } = fw.value;
  return (
    <section>
      <header className="page-head">
        <div>
          <h1>{framework.plan.name}</h1>
          <p className="muted page-meta">
            <span>{T.reportingFor}：<strong data-testid="region-name">{region.value ? [...region.value.path.filter((r) => r.level !== 'province'), region.value].map((r) => r.name).join(' · ') : '…'}</strong></span>
            <span data-testid="role">{MESSAGES.app.roles[profile.role]}</span>
            {framework.plan.status === '征求意见稿' && <span className="tag warn">征求意见稿</span>}
          </p>
        </div>
        <button onClick={onChangeProfile}>{T.changeProfile}</button>
      </header>
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
