import { useEffect, useState } from 'react';
import type { Profile } from '../../shared/api/settings-contract.ts';
import type { Region } from '../../shared/api/regions-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { api, errorMessage } from '../api/client.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { departmentsOf } from '../../shared/aggregation/department.ts';

const T = MESSAGES.app.setup;
type Role = Profile['role'];

/** Which plan and region this copy reports for. The region is picked from the list, never typed. */
/** `onBackups`: 数据备份 from here too (e.g. to restore a database before choosing the unit). */
/** `onAuthor`: a county or city without a shipped plan authors its own (规划管理) and reports under it. */
export function SetupPage({
  initial,
  onSaved,
  onBackups,
  onAuthor,
}: {
  initial: Profile | null;
  onSaved: (p: Profile) => void;
  onBackups?: () => void;
  onAuthor?: () => void;
}) {
  const plans = useApiQuery('plans:list', {});
  const [planId, setPlanId] = useState(initial?.planId ?? '');
  const [role, setRole] = useState<Role>(initial?.role ?? 'township');
  const [regionCode, setRegionCode] = useState(initial?.regionCode ?? '');
  const [userName, setUserName] = useState(initial?.userName ?? '');
  const [department, setDepartment] = useState(initial?.department ?? '');
  const [regions, setRegions] = useState<Region[]>([]);
  const [error, setError] = useState('');

  const plan = plans.value?.find((p) => p.plan.id === planId);
  const fw = useApiQuery('plans:get-framework', role === 'department' && planId ? { planId } : null);
  const departments = fw.value ? departmentsOf(fw.value.framework) : [];
  useEffect(() => {
    if (!plan) {
      setRegions([]);
      return;
    }
    const county = plan.plan.region.code;
    let live = true;
    const load =
      role === 'township'
        ? api['regions:children']({ code: county })
        : api['regions:get']({ code: county }).then((r) =>
            role === 'county' || role === 'department' ? [r] : r.path.filter((p) => p.level === 'city'),
          );
    load.then(
      (list) => {
        if (!live) return;
        setRegions(list);
        setRegionCode((current) =>
          list.some((r) => r.code === current) ? current : list.length === 1 ? list[0].code : '',
        );
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [plan, role]);

  const save = async () => {
    setError('');
    try {
      onSaved(
        await api['settings:set-profile']({
          planId,
          role,
          regionCode,
          userName: userName.trim(),
          ...(role === 'department' ? { department } : {}),
        }),
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="card setup" aria-labelledby="setup-heading">
      <div className="page-head">
        <h1 id="setup-heading">{T.heading}</h1>
        {onBackups && (
          <button type="button" onClick={onBackups}>
            {MESSAGES.backups.fromSetup}
          </button>
        )}
      </div>
      <p className="muted">{T.intro}</p>
      <label className="field">
        <span>{T.plan}</span>
        <select value={planId} onChange={(e) => setPlanId(e.target.value)} aria-label={T.plan}>
          <option value="">{T.choosePlan}</option>
          {plans.value?.map((p) => (
            <option key={p.plan.id} value={p.plan.id}>
              {MESSAGES.app.common.planOption(p.plan.name, p.plan.status === '征求意见稿', p.plan.region.fullName)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field roles">
        <legend>{T.role}</legend>
        {(['township', 'county', 'city', 'department'] as Role[]).map((r) => (
          <label key={r} className="radio">
            <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
            {MESSAGES.app.roles[r]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{T.region}</span>
        <select
          value={regionCode}
          onChange={(e) => setRegionCode(e.target.value)}
          aria-label={T.region}
          disabled={!plan}
        >
          <option value="">{T.chooseRegion}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}（{r.code}）
            </option>
          ))}
        </select>
      </label>
      {role === 'department' && (
        <label className="field">
          <span>{T.department}</span>
          <select
            value={department}
            onChange={(e) => setDepartment(e.target.value)}
            aria-label={T.department}
            disabled={!plan}
          >
            <option value="">{T.chooseDepartment}</option>
            {departments.map((d) => (
              <option key={d.department} value={d.department}>
                {MESSAGES.app.common.departmentOption(MESSAGES.merge.departmentName(d.department), d.items)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{T.userName}</span>
        <input
          value={userName}
          onChange={(e) => setUserName(e.target.value)}
          placeholder={T.userNamePlaceholder}
          maxLength={40}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          disabled={!planId || !regionCode || (role === 'department' && !department)}
          onClick={save}
        >
          {T.save}
        </button>
        {onAuthor && (role === 'county' || role === 'city') && (
          <button type="button" className="link" onClick={onAuthor}>
            {MESSAGES.planAuthor.ui.fromSetup}
          </button>
        )}
      </div>
    </section>
  );
}
