import { useMemo, useState } from 'react';
import type { Profile } from '../../shared/api/settings-contract.ts';
import { planYears } from '../../shared/framework/describe.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { YearSelect } from '../components/YearSelect.tsx';
import { api } from '../api/client.ts';
import { ReturnEditor } from '../entry/ReturnEditor.tsx';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { departmentFramework } from '../../shared/aggregation/department.ts';

const T = MESSAGES.entry;

/** Data entry: pick the year, open (or start) that year's return, and fill it in. */
export function EntryPage({ profile, initialYear }: { profile: Profile; initialYear?: number }) {
  const [year, setYear] = useState(() => initialYear ?? new Date().getFullYear() - 1);
  const [prefill, setPrefill] = useState(true);
  const [opened, setOpened] = useState(0);
  const fw = useApiQuery('plans:get-framework', { planId: profile.planId });
  const list = useApiQuery('returns:list', { regionCode: profile.regionCode }, opened);
  const existing = list.value?.find((r) => r.year === year && r.planId === profile.planId);
  const view = useApiQuery('returns:get', existing ? { returnId: existing.id } : null);
  const framework = fw.value?.framework;
  const years = framework ? planYears(framework.plan, new Date().getFullYear()) : [];
  const returnFramework =
    view.value && fw.value && view.value.summary.frameworkVersion !== framework?.version ? null : framework;
  // a county (or city) sees the items it does not enter as the merged values; a department fills only its own items
  const merging = profile.role === 'county' || profile.role === 'city';
  const overlay = useApiQuery('merge:entry-overlay', merging && existing ? { year } : null, existing?.id ?? null);
  const department = profile.role === 'department' && profile.department ? profile.department : null;
  const shownFramework = useMemo(
    () => (returnFramework && department ? departmentFramework(returnFramework, department) : returnFramework),
    [returnFramework, department],
  );

  const region = useApiQuery('regions:get', { code: profile.regionCode });
  // nothing to carry over without last year's return: the box is off and says why
  const hasPrevious = !!list.value?.some((r) => r.year === year - 1 && r.planId === profile.planId);
  const create = async () => {
    await api['returns:open']({
      regionCode: profile.regionCode,
      year,
      prefillFromPreviousYear: prefill && hasPrevious,
    });
    setOpened((n) => n + 1);
  };

  return (
    <section>
      <header className="page-head">
        <div>
          <h1>{T.title}</h1>
          <p className="muted">{framework?.plan.name}</p>
          {region.value && (
            <p className="entry-unit" data-testid="entry-unit">
              {T.unit(region.value.name, region.value.code)}
            </p>
          )}
        </div>
        <YearSelect
          label={T.year}
          value={year}
          years={years}
          onChange={setYear}
          baseYear={framework?.plan.baselineYear}
          hasReturn={(y) => Boolean(list.value?.some((r) => r.year === y))}
        />
      </header>
      {(fw.error || list.error || view.error) && (
        <p className="error" role="alert">
          {(fw.error ?? list.error ?? view.error)!.message}
        </p>
      )}
      {list.value && !existing && (
        <div className="card start-return">
          <p>{T.noReturnYet(year)}</p>
          <label className="radio">
            <input
              type="checkbox"
              checked={prefill && hasPrevious}
              disabled={!hasPrevious}
              onChange={(e) => setPrefill(e.target.checked)}
            />
            {T.prefill}
          </label>
          {!hasPrevious && <p className="muted small">{T.noPrevious(year - 1)}</p>}
          <button type="button" className="primary" onClick={() => void create()}>
            {T.newReturn(year)}
          </button>
        </div>
      )}
      {view.value && shownFramework && (!merging || !overlay.loading) && (
        <ReturnEditor
          key={view.value.summary.id}
          framework={shownFramework}
          view={view.value}
          overlay={overlay.value ?? undefined}
          banner={department ? MESSAGES.merge.entry.departmentItems(department) : undefined}
        />
      )}
      {view.value && !returnFramework && (
        <OlderFrameworkEditor planId={profile.planId} version={view.value.summary.frameworkVersion} view={view.value} />
      )}
    </section>
  );
}

/** A return entered under an earlier framework version is edited against that version (nothing re-mapped). */
function OlderFrameworkEditor({
  planId,
  version,
  view,
}: {
  planId: string;
  version: number;
  view: NonNullable<Parameters<typeof ReturnEditor>[0]['view']>;
}) {
  const fw = useApiQuery('plans:get-framework', { planId, version });
  return fw.value ? <ReturnEditor framework={fw.value.framework} view={view} /> : null;
}
