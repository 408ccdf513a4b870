// 统计数据库: the county's (or city's) multi-year database from this computer — every unit × year × indicator
// target judged by the rule engine, filtered by unit, years, area, indicator text and verdict; the export buttons
// above write exactly the filtered set (the same filter goes to open-data:export); one indicator pivoted as
// years (columns) × units (rows), with its chart.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OpenDataFormat } from '../../shared/api/open-data-contract.ts';
import type { Profile } from '../../shared/api/settings-contract.ts';
import type { FileKind } from '../../shared/api/shell-contract.ts';
import { AREA_CODES, type AreaCode } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { YearSelect } from '../components/YearSelect.tsx';
import type { DatabaseFilter } from '../../shared/open-data/database.ts';
import { areaOfRow } from '../../shared/open-data/database.ts';
import { seriesChartSvg } from '../../shared/report/charts.ts';
import { formatRaw, roundTo, unitSuffix } from '../../shared/rules/format.ts';
import type { TargetStatus } from '../../shared/rules/result.ts';
import { VERDICT_LABEL, ALERT_LABEL } from '../../shared/rules/messages.ts';
import { api, errorMessage } from '../api/client.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { saveBase64 } from '../lib/files.ts';
import './database-page.css';

const D = MESSAGES.openData.database;
const FORMATS = MESSAGES.openData.ui.formats;
const KIND: Record<OpenDataFormat, FileKind> = { csv: 'csv', json: 'json', 'dhis2-json': 'json', adx: 'xml' };
const VERDICTS = Object.keys(VERDICT_LABEL) as TargetStatus[];
/** rows drawn in the table at once (the rest are counted; the exports hold them all) */
const SHOWN = 300;
const num = (v: number | null) => (v === null ? D.noValue : formatRaw(roundTo(v, 2)));

export function DatabasePage({ profile }: { profile: Profile }) {
  const [unit, setUnit] = useState('');
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [area, setArea] = useState<AreaCode | ''>('');
  const [text, setText] = useState('');
  // typing asks the database once the typing pauses (a query judges every return: ~0.5 s for 80 returns)
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTyped(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const [verdict, setVerdict] = useState<TargetStatus | ''>('');
  const [pivot, setPivot] = useState('');
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState<OpenDataFormat | null>(null);

  // the units and the years held, asked with an empty span (nothing to judge, so at once); until then the current year
  const first = useApiQuery(
    'open-data:database',
    { filter: { regionCodes: [], fromYear: 2100, toYear: 2100, area: null, text: '', verdicts: [] }, pivot: null },
    `${profile.planId}:${profile.regionCode}`,
  );
  const years = first.value?.years ?? [];
  const fromYear = from ?? years[0] ?? new Date().getFullYear();
  const toYear = to ?? years[years.length - 1] ?? fromYear;
  const filter: DatabaseFilter = useMemo(
    () => ({
      regionCodes: unit ? [unit] : [],
      fromYear,
      toYear,
      area: area || null,
      text: typed,
      verdicts: verdict ? [verdict] : [],
    }),
    [unit, fromYear, toYear, area, typed, verdict],
  );
  const view = useApiQuery('open-data:database', { filter, pivot: pivot || null }, profile.planId);
  // the last answer stays on screen while the next is on its way
  const last = useRef<typeof view.value>(undefined);
  if (view.value) last.current = view.value;
  const v = view.value ?? last.current ?? null;
  const pending = view.loading || typed !== text.trim();
  const units = first.value?.units ?? [];
  const unitName = new Map(units.map((u) => [u.code, u.name]));

  const exportAs = async (format: OpenDataFormat) => {
    setBusy(format);
    setStatus(null);
    try {
      const file = await api['open-data:export']({
        regionCode: profile.regionCode,
        withChildren: true,
        fromYear,
        toYear,
        format,
        filter,
      });
      const path = await saveBase64(file.fileName, KIND[format], file.bytesBase64);
      setStatus({
        text: path ? [D.exported(path, file.rows), ...file.notes].join('　') : MESSAGES.excel.ui.cancelled,
        error: false,
      });
    } catch (e) {
      setStatus({ text: errorMessage(e), error: true });
    } finally {
      setBusy(null);
    }
  };
  const reset = () => {
    setUnit('');
    setFrom(null);
    setTo(null);
    setArea('');
    setText('');
    setTyped('');
    setVerdict('');
  };

  const chart = v?.pivot
    ? seriesChartSvg({
        title: D.chartTitle(v.pivot.code, v.pivot.name),
        unit: v.pivot.unit,
        decimals: 2,
        years: v.pivot.years,
        series: v.pivot.units.map((u) => ({
          label: u.name,
          points: u.cells.map((c) => ({ value: c?.value ?? null, status: c?.verdict ?? null })),
        })),
      })
    : null;

  return (
    <section className="card database-page" aria-labelledby="db-heading" data-testid="database-page">
      <div className="page-head">
        <h1 id="db-heading">{D.heading(first.value?.regionName ?? '')}</h1>
      </div>
      <p className="muted small">{D.intro}</p>

      {/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form's fields (a fieldset would draw a frame) */}
      <div className="db-exports" role="group" aria-label={D.exports}>
        <span className="db-label">{D.exports}</span>
        {(Object.keys(FORMATS) as OpenDataFormat[]).map((f) => (
          <button
            type="button"
            key={f}
            disabled={busy !== null || pending || !v || v.total + v.itemValues === 0}
            onClick={() => void exportAs(f)}
            data-testid={`db-export-${f}`}
          >
            {busy === f ? MESSAGES.openData.ui.exporting : D.exportButton(FORMATS[f])}
          </button>
        ))}
      </div>
      {status && (
        <p className={status.error ? 'error-text' : 'muted small'} role="status" data-testid="db-status">
          {status.text}
        </p>
      )}

      {/* biome-ignore lint/a11y/useSemanticElements: a row of filters labelled as one group; a fieldset would draw a frame */}
      <div className="db-filters" role="group" aria-label={D.filters}>
        <label className="inline-field">
          {D.unit}
          <select value={unit} onChange={(e) => setUnit(e.target.value)} aria-label={D.unit} data-testid="db-unit">
            <option value="">{D.allUnits}</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <YearSelect label={D.from} value={fromYear} years={years} onChange={setFrom} />
        <YearSelect label={D.to} value={toYear} years={years} onChange={setTo} />
        <label className="inline-field">
          {D.area}
          <select value={area} onChange={(e) => setArea(e.target.value as AreaCode | '')} aria-label={D.area}>
            <option value="">{D.allAreas}</option>
            {AREA_CODES.map((a) => (
              <option key={a} value={a}>
                {MESSAGES.areaShortNames[a]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {D.text}
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={D.textPlaceholder}
            aria-label={D.text}
            maxLength={100}
            size={14}
          />
        </label>
        <label className="inline-field">
          {D.verdict}
          <select
            value={verdict}
            onChange={(e) => setVerdict(e.target.value as TargetStatus | '')}
            aria-label={D.verdict}
          >
            <option value="">{D.allVerdicts}</option>
            {VERDICTS.map((s) => (
              <option key={s} value={s}>
                {VERDICT_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={reset}>
          {D.reset}
        </button>
      </div>

      {view.error && (
        <p className="error-text" role="alert">
          {errorMessage(view.error)}
        </p>
      )}
      {first.value && years.length === 0 && <p className="muted">{D.noYears}</p>}
      {v && (
        <>
          <p className="muted small" data-testid="db-counts" aria-busy={pending}>
            {pending ? D.querying : D.counts(v.total, v.returns, v.itemValues)}
          </p>
          {v.total === 0 ? (
            <p className="muted" data-testid="db-empty">
              {D.empty}
            </p>
          ) : (
            <div className="db-scroll">
              <table className="grid db-table" data-testid="db-table">
                <thead>
                  <tr>
                    {(['unit', 'year', 'area', 'code', 'name', 'value', 'target', 'verdict', 'alert'] as const).map(
                      (c) => (
                        <th key={c}>{D.columns[c]}</th>
                      ),
                    )}
                  </tr>
                </thead>
                <tbody>
                  {v.rows.slice(0, SHOWN).map((r, i) => {
                    const a = areaOfRow(r);
                    return (
                      <tr key={`${r.regionCode}-${r.year}-${r.targetId}-${i}`}>
                        <td>{r.regionName}</td>
                        <td>{r.year}</td>
                        <td>{a ? MESSAGES.areaShortNames[a] : ''}</td>
                        <td>
                          <button type="button" className="link" onClick={() => setPivot(r.code)} title={D.pivotChoose}>
                            {r.code}
                          </button>
                        </td>
                        <td>{r.name}</td>
                        <td className="c-num">
                          {num(r.value)}
                          {r.value !== null && r.unit ? unitSuffix(r.unit) : ''}
                        </td>
                        <td className="small">{r.target}</td>
                        <td>
                          {r.verdict && <span className={`badge status-${r.verdict}`}>{VERDICT_LABEL[r.verdict]}</span>}
                        </td>
                        <td className="small">
                          {[r.hardToMeet ? ALERT_LABEL.hardToMeet : '', r.volatile ? ALERT_LABEL.volatile : '']
                            .filter(Boolean)
                            .join('、')}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {v.total > SHOWN && <p className="muted small">{D.truncated(SHOWN, v.total)}</p>}

          <h2>{D.pivotHeading}</h2>
          <label className="inline-field">
            {D.pivotChoose}
            <select
              value={pivot}
              onChange={(e) => setPivot(e.target.value)}
              aria-label={D.pivotChoose}
              data-testid="db-pivot-choose"
            >
              <option value="">{D.pivotNone}</option>
              {v.indicators.map((i) => (
                <option key={i.code} value={i.code}>{`${i.code} ${i.name}`}</option>
              ))}
            </select>
          </label>
          {v.pivot && (
            <div className="db-pivot">
              <table className="grid db-pivot-table" data-testid="db-pivot">
                <caption>{D.pivotCaption(v.pivot.code, v.pivot.name, v.pivot.unit)}</caption>
                <thead>
                  <tr>
                    <th>{D.columns.unit}</th>
                    {v.pivot.years.map((y) => (
                      <th key={y} className="c-num">
                        {y}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {v.pivot.units.map((u) => (
                    <tr key={u.code}>
                      <th scope="row">{unitName.get(u.code) ?? u.name}</th>
                      {u.cells.map((c, i) => (
                        <td
                          key={v.pivot!.years[i]}
                          className={`c-num${c?.verdict ? ` status-${c.verdict}` : ''}`}
                          title={c?.verdict ? VERDICT_LABEL[c.verdict] : undefined}
                        >
                          {c ? num(c.value) : ''}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG chart built by shared/report/charts.ts, every label escaped there */}
              {chart && <div className="db-chart" data-testid="db-chart" dangerouslySetInnerHTML={{ __html: chart }} />}
            </div>
          )}
        </>
      )}
    </section>
  );
}
