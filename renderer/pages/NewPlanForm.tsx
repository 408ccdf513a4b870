import { useEffect, useState } from 'react';
import type { Region } from '../../shared/api/regions-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { api, ApiCallError } from '../api/client.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';

const T = MESSAGES.planAuthor.ui;
const FIELDS = ['id', 'regionCode', 'name', 'start', 'end', 'baselineYear'];
/** the choice that starts from the bare shared catalogue instead of copying a plan */
const FROM_CATALOGUE = '@catalogue';

/**
 * A new plan for an office, started from the bare shared catalogue or a shipped plan copied, relabelled with the office's region (picked from the region
 * table, never typed), name, period and base year. With `regionCode` the office is fixed (the profile's own).
 */
export function NewPlanForm({
  regionCode: fixedRegion,
  onCreated,
}: {
  regionCode?: string;
  onCreated: (message: string) => void;
}) {
  const plans = useApiQuery('plans:list', {});
  const bundled = plans.value?.filter((p) => p.origin === 'bundled') ?? [];
  const [copyFrom, setCopyFrom] = useState('');
  const [cities, setCities] = useState<Region[]>([]);
  const [city, setCity] = useState('');
  const [offices, setOffices] = useState<Region[]>([]);
  const [regionCode, setRegionCode] = useState(fixedRegion ?? '');
  const [fixedName, setFixedName] = useState('');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [baseline, setBaseline] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');

  // the cities of the region table (those of the shipped plans), or the office itself when fixed
  useEffect(() => {
    let live = true;
    if (fixedRegion) {
      api['regions:get']({ code: fixedRegion }).then(
        (r) => live && setFixedName(r.name),
        (e: Error) => live && setError(e.message),
      );
      return () => {
        live = false;
      };
    }
    if (!plans.value) return;
    Promise.all(plans.value.map((p) => api['regions:get']({ code: p.plan.region.code }))).then(
      (list) => {
        if (!live) return;
        const found = new Map<string, Region>();
        for (const r of list) for (const c of r.path.filter((x) => x.level === 'city')) found.set(c.code, c);
        setCities([...found.values()].sort((a, b) => a.code.localeCompare(b.code)));
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [fixedRegion, plans.value]);
  useEffect(() => {
    if (fixedRegion || !city) {
      setOffices([]);
      return;
    }
    let live = true;
    api['regions:children']({ code: city }).then(
      (list) => {
        if (!live) return;
        const self = cities.find((c) => c.code === city);
        setOffices([...(self ? [self] : []), ...list.filter((r) => r.level === 'county')]);
        setRegionCode('');
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [city, cities, fixedRegion]);

  const regionName = fixedRegion ? fixedName : (offices.find((r) => r.code === regionCode)?.name ?? '');
  const chooseCopy = (planId: string) => {
    setCopyFrom(planId);
    if (planId === FROM_CATALOGUE) {
      // the national 纲要's period and base year as a start; the office types its own
      setStart((v) => v || '2021');
      setEnd((v) => v || '2030');
      setBaseline((v) => v || '2020');
      return;
    }
    const p = bundled.find((x) => x.plan.id === planId);
    if (!p) return;
    setStart((v) => v || String(p.plan.period.start));
    setEnd((v) => v || String(p.plan.period.end));
    setBaseline((v) => v || String(p.plan.baselineYear));
  };
  useEffect(() => {
    if (regionName && start && end) setName((v) => v || T.defaultName(regionName, start, end));
  }, [regionName, start, end]);

  const create = async () => {
    setErrors({});
    setError('');
    try {
      const r = await api['plans:new']({
        id: id.trim(),
        regionCode,
        name: name.trim(),
        start: Number(start),
        end: Number(end),
        baselineYear: Number(baseline),
        ...(copyFrom === FROM_CATALOGUE ? {} : { copyFrom }),
      });
      onCreated(r.message);
    } catch (e) {
      if (e instanceof ApiCallError) {
        const at: Record<string, string> = {};
        for (const d of e.error.details) if (d.path && FIELDS.includes(d.path)) at[d.path] = d.message;
        setErrors(at);
        // the refusal is shown at its field; what no field holds above the button
        if (Object.keys(at).length === 0)
          setError(
            [e.error.message, ...e.error.details.map((d) => d.message)]
              .filter((m, i, all) => all.indexOf(m) === i)
              .join('；'),
          );
      } else setError((e as Error).message);
    }
  };
  const clear = (key: string) => {
    setErrors(({ [key]: _gone, ...rest }) => rest);
    setError('');
  };
  const fieldError = (key: string) =>
    errors[key] && (
      <span className="error-text small" role="alert">
        {errors[key]}
      </span>
    );
  const year = (label: string, value: string, onChange: (v: string) => void, key: string) => (
    <label className="field compact">
      <span>{label}</span>
      <input
        aria-label={label}
        inputMode="numeric"
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          clear(key);
        }}
        aria-invalid={errors[key] ? true : undefined}
      />
      {fieldError(key)}
    </label>
  );
  const ready = copyFrom && regionCode && id.trim() && name.trim() && start && end && baseline;

  return (
    <form
      className="new-plan"
      data-testid="new-plan"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) void create();
      }}
    >
      <div className="editor-grid">
        <label className="field compact wide">
          <span>{T.copyFrom}</span>
          <select aria-label={T.copyFrom} value={copyFrom} onChange={(e) => chooseCopy(e.target.value)}>
            <option value="">{T.chooseCopy}</option>
            <option value={FROM_CATALOGUE}>{T.fromCatalogue}</option>
            <optgroup label={T.copyGroup}>
              {bundled.map((p) => (
                <option key={p.plan.id} value={p.plan.id}>
                  {MESSAGES.app.common.planOption(p.plan.name, p.plan.status === '征求意见稿', p.plan.region.fullName)}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        {fixedRegion ? (
          <p className="field compact wide">
            <span className="strong">{T.region}</span>
            {fixedName}（{fixedRegion}）
          </p>
        ) : (
          <>
            <label className="field compact half">
              <span>{T.city}</span>
              <select aria-label={T.city} value={city} onChange={(e) => setCity(e.target.value)}>
                <option value="">{T.chooseCity}</option>
                {cities.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}（{c.code}）
                  </option>
                ))}
              </select>
            </label>
            <label className="field compact half">
              <span>{T.region}</span>
              <select
                aria-label={T.region}
                value={regionCode}
                onChange={(e) => {
                  setRegionCode(e.target.value);
                  clear('regionCode');
                }}
                disabled={!city}
                aria-invalid={errors.regionCode ? true : undefined}
              >
                <option value="">{T.chooseRegion}</option>
                {offices.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.level === 'city' ? T.cityItself(r.name) : r.name}（{r.code}）
                  </option>
                ))}
              </select>
              {fieldError('regionCode')}
            </label>
          </>
        )}
        <label className="field compact">
          <span>{T.id}</span>
          <input
            aria-label={T.id}
            placeholder={T.idPlaceholder}
            value={id}
            onChange={(e) => {
              setId(e.target.value);
              clear('id');
            }}
            aria-invalid={errors.id ? true : undefined}
          />
          {fieldError('id')}
        </label>
        <label className="field compact wide">
          <span>{T.name}</span>
          <input
            aria-label={T.name}
            placeholder={T.namePlaceholder}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              clear('name');
            }}
            aria-invalid={errors.name ? true : undefined}
          />
          {fieldError('name')}
        </label>
        {year(T.start, start, setStart, 'start')}
        {year(T.end, end, setEnd, 'end')}
        {year(T.baselineYear, baseline, setBaseline, 'baselineYear')}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={!ready}>
        {T.create}
      </button>
    </form>
  );
}
