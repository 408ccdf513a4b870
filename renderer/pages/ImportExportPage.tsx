// 导入导出, the office's own returns: export this unit's return of a year as an Excel 统计报表, a blank template
// for a unit without the app, and import one's own return file (picked or dropped): validated cell by cell first,
// written only without errors, and only after the user confirms when there are warnings. At a county or city a
// return of a unit below is pointed to 汇总 (never written here); the 退回 copy and 回执 from above come in here too. Files are read here (File.arrayBuffer) and cross as base64.
import { useState, type DragEvent } from 'react';
import type { ImportReport, ImportResult } from '../../shared/api/excel-contract.ts';
import { MAX_IMPORT_BYTES } from '../../shared/api/limits.ts';
import type { Profile } from '../../shared/api/settings-contract.ts';
import { planYears } from '../../shared/framework/describe.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { YearSelect } from '../components/YearSelect.tsx';
import { countsOf } from '../../shared/report/build-report.ts';
import { headlineSentences } from '../../shared/report/headline.ts';
import { api, errorMessage } from '../api/client.ts';
import { ExportReturnButton } from '../components/ExportReturnButton.tsx';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { ImportReportTable } from '../import-export/ImportReportTable.tsx';
import { ConfirmWarnings, StepNotice, verdictClass } from '../import-export/import-steps.tsx';
import { OpenDataPanel } from '../import-export/OpenDataPanel.tsx';
import { fileToBase64, saveBase64 } from '../lib/files.ts';
import '../import-export/import-export.css';

const T = MESSAGES.excel.ui;

export function ImportExportPage({ profile, onOpenMerge }: { profile: Profile; onOpenMerge: () => void }) {
  const office = profile.role === 'county' || profile.role === 'city';
  const noun = profile.role === 'city' ? MESSAGES.merge.nouns.county : MESSAGES.merge.nouns.township;
  return (
    <section>
      <header className="page-head">
        <div>
          <h1>{T.title}</h1>
          <p className="muted" data-testid="page-purpose">
            {T.intro}
          </p>
          {office && (
            <p className="muted small" data-testid="merge-pointer">
              {T.introOffice(noun)}{' '}
              <button type="button" className="link" onClick={onOpenMerge}>
                {T.openMerge}
              </button>
            </p>
          )}
        </div>
      </header>
      <div className="ie-sections">
        <ExportPanel profile={profile} />
        <TemplatePanel profile={profile} />
      </div>
      <ImportPanel profile={profile} onOpenMerge={onOpenMerge} />
      <ReplyPanel kind="returned" />
      <OpenDataPanel profile={profile} />
      <ReplyPanel kind="receipt" />
    </section>
  );
}

/**
 * What comes back from the county, imported here: 退回 (the annotated copy, reopening this unit's return with the
 * remarks at their cells) or 回执 (the receipt, marking the version 审核通过). One file, one message.
 */
function ReplyPanel({ kind }: { kind: 'returned' | 'receipt' }) {
  const R = kind === 'returned' ? MESSAGES.entry.remarks : MESSAGES.returns.receipt;
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const load = async (file: File) => {
    setMessage(null);
    try {
      const input = { fileName: file.name, bytesBase64: await fileToBase64(file) };
      const r = await (kind === 'returned'
        ? api['returns:import-returned'](input)
        : api['returns:import-receipt'](input));
      setMessage({ text: r.message, error: false });
    } catch (e) {
      setMessage({ text: errorMessage(e), error: true });
    }
  };
  return (
    <div className="card ie-import" data-testid={`${kind}-panel`}>
      <h2>{R.importHeading}</h2>
      <p className="muted small">{R.importIntro}</p>
      <label className="button-like file-pick">
        <input
          type="file"
          accept={kind === 'returned' ? '.xlsx' : '.json'}
          data-testid={`${kind}-file`}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void load(f);
          }}
        />
        <span className="plain-like">{T.chooseFile}</span>
      </label>
      {message && (
        <p className={message.error ? 'error-text' : 'notice'} role="status" data-testid={`${kind}-message`}>
          {message.text}
        </p>
      )}
    </div>
  );
}

function ExportPanel({ profile }: { profile: Profile }) {
  const list = useApiQuery('returns:list', { regionCode: profile.regionCode });
  const returns = (list.value ?? []).filter((r) => r.planId === profile.planId).sort((a, b) => b.year - a.year);
  const [year, setYear] = useState<number | null>(null);
  const chosen = returns.find((r) => r.year === year) ?? returns[0];
  return (
    <div className="card" data-testid="export-panel">
      <h2>{T.exportHeading}</h2>
      <p className="muted small">{T.exportIntro}</p>
      {list.error && (
        <p className="error" role="alert">
          {list.error.message}
        </p>
      )}
      {list.value && returns.length === 0 && <p className="muted">{T.noReturns}</p>}
      {chosen && (
        <div className="ie-row">
          <label className="inline-field">
            {T.year}
            <select value={chosen.year} onChange={(e) => setYear(Number(e.target.value))} aria-label={T.year}>
              {returns.map((r) => (
                <option key={r.id} value={r.year}>
                  {MESSAGES.app.common.yearWithStatus(r.year, MESSAGES.returns.status[r.status])}
                </option>
              ))}
            </select>
          </label>
          <ExportReturnButton returnId={chosen.id} className="primary" />
        </div>
      )}
    </div>
  );
}

function TemplatePanel({ profile }: { profile: Profile }) {
  const fw = useApiQuery('plans:get-framework', { planId: profile.planId });
  const framework = fw.value?.framework;
  const county = framework?.plan.region.code;
  const townships = useApiQuery('regions:children', county && profile.role !== 'township' ? { code: county } : null);
  const units =
    profile.role === 'township' || !framework
      ? [{ code: profile.regionCode, name: '' }]
      : [
          { code: framework.plan.region.code, name: framework.plan.region.name },
          ...(townships.value ?? []).filter((r) => r.level === 'township'),
        ];
  const [regionCode, setRegionCode] = useState(profile.role === 'township' ? profile.regionCode : '');
  const [year, setYear] = useState(() => new Date().getFullYear() - 1);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const years = framework ? planYears(framework.plan) : [];
  const region = regionCode || units[0]?.code || profile.regionCode;

  const run = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const file = await api['excel:template']({ regionCode: region, year });
      const path = await saveBase64(file.fileName, 'xlsx', file.bytesBase64);
      setStatus({ text: path ? T.exported(path) : T.cancelled, error: false });
    } catch (e) {
      setStatus({ text: errorMessage(e), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card" data-testid="template-panel">
      <h2>{T.templateHeading}</h2>
      <p className="muted small">{T.templateIntro}</p>
      <div className="ie-row">
        {profile.role !== 'township' && (
          <label className="inline-field">
            {T.templateRegion}
            <select value={region} onChange={(e) => setRegionCode(e.target.value)} aria-label={T.templateRegion}>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name || u.code}
                </option>
              ))}
            </select>
          </label>
        )}
        <YearSelect
          label={T.year}
          ariaLabel={`${T.templateHeading}${T.year}`}
          value={year}
          years={years}
          onChange={setYear}
          baseYear={framework?.plan.baselineYear}
        />
        <button type="button" disabled={busy} onClick={() => void run()} data-testid="export-template">
          {busy ? T.exporting : T.templateButton}
        </button>
      </div>
      {status && (
        <p className={status.error ? 'error' : 'muted small'} role="status">
          {status.text}
        </p>
      )}
    </div>
  );
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'checked'; fileName: string; bytesBase64: string; report: ImportReport }
  | { kind: 'done'; report: ImportResult }
  | { kind: 'failed'; text: string };

function ImportPanel({ profile, onOpenMerge }: { profile: Profile; onOpenMerge: () => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [over, setOver] = useState(false);

  const check = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      setStage({ kind: 'failed', text: T.tooLargeLocal(file.name, file.size, MAX_IMPORT_BYTES) });
      return;
    }
    setStage({ kind: 'busy', text: T.reading(file.name) });
    try {
      const bytesBase64 = await fileToBase64(file);
      const report = await api['excel:validate']({ fileName: file.name, bytesBase64 });
      setStage({ kind: 'checked', fileName: file.name, bytesBase64, report });
    } catch (e) {
      setStage({ kind: 'failed', text: errorMessage(e) });
    }
  };
  const write = async (acceptWarnings: boolean) => {
    if (stage.kind !== 'checked') return;
    const { fileName, bytesBase64 } = stage;
    setStage({ kind: 'busy', text: T.reading(fileName) });
    try {
      const report = await api['excel:import']({ fileName, bytesBase64, acceptWarnings });
      if (report.written) setStage({ kind: 'done', report });
      else setStage({ kind: 'checked', fileName, bytesBase64, report });
    } catch (e) {
      setStage({ kind: 'failed', text: errorMessage(e) });
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void check(file);
  };

  const report = stage.kind === 'checked' ? stage.report : stage.kind === 'done' ? stage.report : null;
  // at a county or city a unit's return below goes to 汇总 (submissions, 报送情况, 退回), never written here
  const below =
    stage.kind === 'checked' &&
    (profile.role === 'county' || profile.role === 'city') &&
    stage.report.identity &&
    stage.report.identity.regionCode !== profile.regionCode
      ? stage.report.identity
      : null;
  const noun = profile.role === 'city' ? MESSAGES.merge.nouns.county : MESSAGES.merge.nouns.township;
  const headline = report?.summary ? headlineSentences(countsOf(report.summary)).join('') : '';
  return (
    <div className="card ie-import" data-testid="import-panel">
      <h2>{T.importHeading}</h2>
      <p className="muted small">{T.importIntro}</p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for a file dragged from the desktop; the 选择文件 button is the keyboard way */}
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <label className="button-like">
          <input
            type="file"
            accept=".xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv"
            data-testid="import-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void check(f);
            }}
          />
          <span className="primary-like">{T.chooseFile}</span>
        </label>
        <span className="muted">{T.dropHere}</span>
      </div>
      <StepNotice stage={stage} />
      {report && (
        <>
          <p className={verdictClass(report, stage.kind === 'done')} role="status" data-testid="import-verdict">
            {report.verdict}
          </p>
          {report.identity && (
            <p className="muted">
              {T.identity(
                report.identity.regionName,
                report.identity.regionCode,
                report.identity.year,
                report.identity.planName,
              )}
            </p>
          )}
          {below && (
            <div className="notice" role="status" data-testid="import-below">
              {T.belowUnit(below.regionName, noun)}{' '}
              <button type="button" className="primary" onClick={onOpenMerge} data-testid="import-open-merge">
                {T.openMerge}
              </button>
            </div>
          )}
          {!below && headline && (
            <p className="muted" data-testid="import-headline">
              {headline}
            </p>
          )}
          {!below &&
            stage.kind === 'checked' &&
            report.readable &&
            report.counts.errors === 0 &&
            report.counts.warnings === 0 &&
            report.identity && (
              <div className="ie-row">
                <button type="button" className="primary" onClick={() => void write(false)} data-testid="import-write">
                  {T.importButton}
                </button>
              </div>
            )}
          {!below && stage.kind === 'checked' && report.needsConfirmation && (
            <ConfirmWarnings
              onConfirm={() => void write(true)}
              onCancel={() => setStage({ kind: 'idle' })}
              testId="import-confirm"
            />
          )}
          <ImportReportTable report={report} />
          {report.targets.length > 0 && (
            <details className="elsewhere">
              <summary>{T.targetsSummary}</summary>
              <table className="grid">
                <tbody>
                  {report.targets.map((t) => (
                    <tr key={t.targetId}>
                      <td className="code">{t.indicator}</td>
                      <td>{t.name}</td>
                      <td>
                        <span className={`status status-${t.status}`}>{MESSAGES.excel.result.status[t.status]}</span>
                      </td>
                      <td>{t.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
    </div>
  );
}
