// 打印与报告: choose a return (region, year) and what to print (年度监测报告, 中期评估报告, 终期评估报告 or the
// 统计报表), preview it exactly as it prints (A4, page
// numbers in the margin), then print through the system dialog or save a PDF. The document is the same HTML
// the CLI writes: the preview shows it in a sandboxed frame; printing lifts its scoped stylesheet and body
// into this page (hidden on screen, alone on paper), because the shell prints the current window.
import { useState } from 'react';
import type { Profile } from '../../shared/api/settings-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { api, errorMessage } from '../api/client.ts';
import { PrintHost } from '../components/PrintHost.tsx';
import { useApiQuery } from '../hooks/useApiQuery.ts';

const T = MESSAGES.report.page;
type Kind = 'form' | 'annual' | 'midterm' | 'final';
const KINDS: Kind[] = ['annual', 'midterm', 'final', 'form'];
const isEvaluation = (k: Kind): k is 'midterm' | 'final' => k === 'midterm' || k === 'final';

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function PrintPage({ profile }: { profile: Profile }) {
  const [kind, setKind] = useState<Kind>('annual');
  const [regionCode, setRegionCode] = useState(profile.regionCode);
  const [year, setYear] = useState<number | null>(null);
  /** the evaluation year asked for; null: the plan's mid / end year (or the latest before it), as the back end decides */
  const [evalYear, setEvalYear] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const list = useApiQuery('returns:list', {});
  const returns = (list.value ?? []).filter((r) => r.planId === profile.planId);
  const regions = [...new Map(returns.map((r) => [r.regionCode, r.regionName])).entries()].sort(([a], [b]) =>
    a === profile.regionCode ? -1 : b === profile.regionCode ? 1 : a.localeCompare(b),
  );
  const years = returns
    .filter((r) => r.regionCode === regionCode)
    .map((r) => r.year)
    .sort((a, b) => b - a);
  const chosenYear = year !== null && years.includes(year) ? year : (years[0] ?? null);

  const evaluation = isEvaluation(kind);
  const askedEvalYear = evalYear !== null && years.includes(evalYear) ? evalYear : null;
  const where = chosenYear === null ? null : { regionCode, year: chosenYear, planId: profile.planId };
  const form = useApiQuery('report:return-form', kind === 'form' ? where : null);
  const annual = useApiQuery('report:annual', kind === 'annual' ? where : null);
  const evaluated = useApiQuery(
    'report:evaluation',
    isEvaluation(kind) && chosenYear !== null
      ? { regionCode, kind, planId: profile.planId, ...(askedEvalYear !== null ? { year: askedEvalYear } : {}) }
      : null,
  );
  const doc = isEvaluation(kind) ? evaluated : kind === 'form' ? form : annual;
  const plain = kind === 'form' ? form.value : annual.value;
  const printable = isEvaluation(kind)
    ? evaluated.value
      ? { ...evaluated.value, evaluatedYear: evaluated.value.year }
      : null
    : plain
      ? { ...plain, evaluatedYear: null }
      : null;

  const run = async (task: () => Promise<string>) => {
    setMessage('');
    try {
      setMessage(await task());
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  const print = () =>
    run(async () => {
      if (!printable) return '';
      // In the desktop app the shell prints this window; in a plain browser the browser's own dialog does.
      if (!window.wdp) {
        window.print();
        return '';
      }
      await api['shell:print']({ landscape: printable.landscape });
      return '';
    });
  const savePdf = () =>
    run(async () => {
      if (!printable) return '';
      const { saved, path } = await api['shell:print-to-pdf']({
        suggestedName: `${printable.title}.pdf`,
        landscape: printable.landscape,
      });
      return saved && path ? T.saved(path) : T.notSaved;
    });
  const saveHtml = () =>
    run(async () => {
      if (!printable) return '';
      const { saved, path } = await api['shell:save-file']({
        suggestedName: `${printable.title}.html`,
        kind: 'html',
        bytesBase64: toBase64(printable.html),
      });
      return saved && path ? T.saved(path) : T.notSaved;
    });

  return (
    <section className="print-page">
      <header className="page-head">
        <div>
          <h1>{T.title}</h1>
          <p className="muted small">{T.hint}</p>
        </div>
      </header>
      <div className="toolbar print-toolbar">
        <div className="tabs" role="tablist" aria-label={T.kind}>
          {KINDS.map((k) => (
            <button
              type="button"
              key={k}
              role="tab"
              aria-selected={kind === k}
              className={kind === k ? 'tab active' : 'tab'}
              onClick={() => setKind(k)}
            >
              {T.kinds[k]}
            </button>
          ))}
        </div>
        <label className="inline-field">
          {T.region}
          <select
            aria-label={T.region}
            value={regionCode}
            onChange={(e) => {
              setRegionCode(e.target.value);
              setYear(null);
              setEvalYear(null);
            }}
          >
            {regions.length === 0 && <option value={profile.regionCode}>{profile.regionCode}</option>}
            {regions.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {evaluation ? (
          <label className="inline-field">
            {T.evaluationYear}
            <select
              aria-label={T.evaluationYear}
              value={askedEvalYear ?? ''}
              onChange={(e) => setEvalYear(e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">
                {askedEvalYear === null && printable?.evaluatedYear
                  ? T.yearDefault(printable.evaluatedYear)
                  : T.yearDefaultPending}
              </option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {MESSAGES.app.common.year(y)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="inline-field">
            {T.year}
            <select aria-label={T.year} value={chosenYear ?? ''} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {MESSAGES.app.common.year(y)}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="spacer" />
        <button type="button" className="primary" disabled={!printable} onClick={() => void print()}>
          {T.print}
        </button>
        <button type="button" disabled={!printable} onClick={() => void savePdf()}>
          {T.pdf}
        </button>
        <button type="button" disabled={!printable} onClick={() => void saveHtml()}>
          {T.html}
        </button>
      </div>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {(list.error || doc.error) && (
        <p className="error" role="alert">
          {(list.error ?? doc.error)!.message}
        </p>
      )}
      {list.value && chosenYear === null && <p className="notice">{T.noReturn}</p>}
      {doc.loading && chosenYear !== null && <p className="muted">{T.loading}</p>}
      {printable && (
        <iframe
          className="print-preview"
          title={printable.title}
          sandbox=""
          srcDoc={printable.html}
          data-testid="print-preview"
          data-landscape={printable.landscape ? 'true' : 'false'}
        />
      )}
      <PrintHost html={printable?.html ?? null} />
    </section>
  );
}
