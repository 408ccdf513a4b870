// 开放数据 on the 导入导出 page: the unit's (and its townships') data over a span of years as one file — long CSV,
// JSON, DHIS2 dataValueSets or ADX — and the long table or a dataValueSet read back (checked row by row, written
// only without errors, warnings confirmed); the DHIS2 mapping exported for editing and imported back.
import { useState } from 'react';
import { MAX_IMPORT_BYTES } from '../../shared/api/limits.ts';
import type { OpenDataFormat, OpenDataReport } from '../../shared/api/open-data-contract.ts';
import type { FileKind } from '../../shared/api/shell-contract.ts';
import type { Profile } from '../../shared/api/settings-contract.ts';
import { planYears } from '../../shared/framework/describe.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { YearSelect } from '../components/YearSelect.tsx';
import { api, errorMessage } from '../api/client.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { fileToBase64, saveBase64 } from '../lib/files.ts';
import { ImportReportTable } from './ImportReportTable.tsx';
import { ConfirmWarnings, StepNotice, verdictClass } from './import-steps.tsx';

const T = MESSAGES.openData.ui;
const E = MESSAGES.excel.ui;
const KIND: Record<OpenDataFormat, FileKind> = { csv: 'csv', json: 'json', 'dhis2-json': 'json', adx: 'xml' };
type Status = { text: string; error: boolean } | null;

export function OpenDataPanel({ profile }: { profile: Profile }) {
  const fw = useApiQuery('plans:get-framework', { planId: profile.planId });
  const years = fw.value ? planYears(fw.value.framework.plan) : [];
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [withChildren, setWithChildren] = useState(profile.role !== 'township');
  const [format, setFormat] = useState<OpenDataFormat>('csv');
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const fromYear = from ?? years[0] ?? new Date().getFullYear() - 1;
  const toYear = to ?? years[years.length - 1] ?? fromYear;

  const exportData = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const file = await api['open-data:export']({
        regionCode: profile.regionCode,
        withChildren: withChildren && profile.role !== 'township',
        fromYear,
        toYear,
        format,
      });
      const path = await saveBase64(file.fileName, KIND[format], file.bytesBase64);
      setStatus({ text: path ? [T.exported(path, file.rows), ...file.notes].join('　') : E.cancelled, error: false });
    } catch (e) {
      setStatus({ text: errorMessage(e), error: true });
    } finally {
      setBusy(false);
    }
  };
  const exportMapping = async () => {
    try {
      const file = await api['open-data:mapping-export']({});
      const path = await saveBase64(file.fileName, 'json', file.bytesBase64);
      setStatus({ text: path ? E.exported(path) : E.cancelled, error: false });
    } catch (e) {
      setStatus({ text: errorMessage(e), error: true });
    }
  };
  const importMapping = async (file: File) => {
    try {
      const result = await api['open-data:mapping-import']({
        fileName: file.name,
        bytesBase64: await fileToBase64(file),
      });
      setStatus({ text: result.message, error: false });
    } catch (e) {
      setStatus({ text: errorMessage(e), error: true });
    }
  };

  return (
    <div className="card ie-import" data-testid="open-data-panel">
      <h2>{T.heading}</h2>
      <p className="muted small">{T.intro}</p>
      <div className="ie-row">
        {profile.role !== 'township' && (
          <label className="inline-field">
            <input
              type="checkbox"
              checked={withChildren}
              onChange={(e) => setWithChildren(e.target.checked)}
              data-testid="open-data-children"
            />{' '}
            {T.withChildren}
          </label>
        )}
        <YearSelect label={T.from} value={fromYear} years={years} onChange={setFrom} />
        <YearSelect label={T.to} value={toYear} years={years} onChange={setTo} />
        <label className="inline-field">
          {T.format}
          <select
            value={format}
            onChange={(e) => setFormat(e.target.value as OpenDataFormat)}
            aria-label={T.format}
            data-testid="open-data-format"
          >
            {(Object.keys(T.formats) as OpenDataFormat[]).map((f) => (
              <option key={f} value={f}>
                {T.formats[f]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void exportData()}
          data-testid="open-data-export"
        >
          {busy ? T.exporting : T.exportButton}
        </button>
      </div>
      <p className="muted small">{T.mappingIntro}</p>
      <div className="ie-row">
        <button type="button" onClick={() => void exportMapping()} data-testid="open-data-mapping-export">
          {T.mappingExport}
        </button>
        <label className="button-like file-pick">
          <input
            type="file"
            accept=".json,application/json"
            data-testid="open-data-mapping-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importMapping(f);
            }}
          />
          <span className="plain-like">{T.mappingImport}</span>
        </label>
      </div>
      {status && (
        <p className={status.error ? 'error' : 'muted small'} role="status" data-testid="open-data-status">
          {status.text}
        </p>
      )}
      <OpenDataImport />
    </div>
  );
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'checked'; fileName: string; bytesBase64: string; report: OpenDataReport }
  | { kind: 'failed'; text: string };

function OpenDataImport() {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const run = async (fileName: string, bytesBase64: string, write: boolean, acceptWarnings: boolean) => {
    setStage({ kind: 'busy', text: E.reading(fileName) });
    try {
      const report = write
        ? await api['open-data:import']({ fileName, bytesBase64, acceptWarnings })
        : await api['open-data:validate']({ fileName, bytesBase64 });
      setStage({ kind: 'checked', fileName, bytesBase64, report });
    } catch (e) {
      setStage({ kind: 'failed', text: errorMessage(e) });
    }
  };
  const pick = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      setStage({ kind: 'failed', text: E.tooLargeLocal(file.name, file.size, MAX_IMPORT_BYTES) });
      return;
    }
    await run(file.name, await fileToBase64(file), false, false);
  };
  const report = stage.kind === 'checked' ? stage.report : null;
  return (
    <>
      <h3>{T.importHeading}</h3>
      <p className="muted small">{T.importIntro}</p>
      <div className="ie-row">
        <label className="button-like file-pick">
          <input
            type="file"
            accept=".csv,.json,.txt,.xml,text/csv,application/json,application/xml"
            data-testid="open-data-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void pick(f);
            }}
          />
          <span className="primary-like">{E.chooseFile}</span>
        </label>
      </div>
      <StepNotice stage={stage} />
      {stage.kind === 'checked' && report && (
        <>
          <p className={verdictClass(report, report.written)} role="status" data-testid="open-data-verdict">
            {report.verdict}
          </p>
          {report.returns.length > 0 && (
            <ul className="muted small">
              {report.returns.map((r) => (
                <li key={`${r.regionCode}-${r.year}`}>{T.returnLine(r.regionName, r.regionCode, r.year, r.cells)}</li>
              ))}
            </ul>
          )}
          {!report.written &&
            report.readable &&
            report.counts.errors === 0 &&
            report.counts.warnings === 0 &&
            report.returns.length > 0 && (
              <div className="ie-row">
                <button
                  type="button"
                  className="primary"
                  onClick={() => void run(stage.fileName, stage.bytesBase64, true, false)}
                  data-testid="open-data-write"
                >
                  {E.importButton}
                </button>
              </div>
            )}
          {report.needsConfirmation && (
            <ConfirmWarnings
              onConfirm={() => void run(stage.fileName, stage.bytesBase64, true, true)}
              onCancel={() => setStage({ kind: 'idle' })}
              testId="open-data-confirm"
            />
          )}
          <ImportReportTable report={report} />
        </>
      )}
    </>
  );
}
