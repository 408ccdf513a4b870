import { useMemo, useRef, useState } from 'react';
import { adjustableParts, describeRule, indicatorUnit, reliesOnConvention } from '../../shared/framework/describe.ts';
import type { AreaCode, Indicator } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { AreaTabs } from '../components/AreaTabs.tsx';
import { api, ApiCallError } from '../api/client.ts';
import { fileToBase64, saveBase64 } from '../lib/files.ts';
import { AdjustTargetForm } from './AdjustTargetForm.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { useApiQuery } from '../hooks/useApiQuery.ts';

const T = MESSAGES.framework;

/** The framework browser: area → targets with indicator, rule, unit, department and the plan's own sentence. */
export function FrameworkPage({ planId, canAdjust = false }: { planId: string; canAdjust?: boolean }) {
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(0);
  const fw = useApiQuery('plans:get-framework', { planId }, loaded);
  const keys = useApiQuery('plans:signing-info', { planId }, loaded);
  const [notice, setNotice] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const P = MESSAGES.frameworkPackage;
  const exportPackage = async () => {
    try {
      const pkg = await api['plans:export-package']({ planId });
      const path = await saveBase64(pkg.fileName, 'json', pkg.bytesBase64);
      if (path) setNotice(path);
      setLoaded((n) => n + 1);
    } catch (e) {
      setNotice((e as Error).message);
    }
  };
  // a package signed by a key other than the pinned one: both fingerprints, and a deliberate re-pin on offer
  const [keyChanged, setKeyChanged] = useState<{
    fileName: string;
    bytesBase64: string;
    pinned: string;
    fingerprint: string;
  } | null>(null);
  const [repinning, setRepinning] = useState(false);
  const [phoned, setPhoned] = useState(false);
  const importPackage = async (file: File) => importBytes(file.name, await fileToBase64(file));
  const importBytes = async (
    fileName: string,
    bytesBase64: string,
    repin?: { fingerprint: string; reason: string },
  ) => {
    try {
      const r = await api['plans:import-package']({ fileName, bytesBase64, ...(repin ? { repin } : {}) });
      setNotice(
        [
          P.imported(r.version),
          r.pinned ? P.pinnedNow(r.pinned.regionName, r.pinned.fingerprint) : '',
          r.repinned?.message ?? '',
        ]
          .filter(Boolean)
          .join(' '),
      );
      setKeyChanged(null);
      setLoaded((n) => n + 1);
    } catch (e) {
      if (e instanceof ApiCallError) {
        const pinned = e.error.details.find((d) => d.path === 'pinned')?.message;
        const fingerprint = e.error.details.find((d) => d.path === 'fingerprint')?.message;
        setKeyChanged(pinned && fingerprint ? { fileName, bytesBase64, pinned, fingerprint } : null);
        setNotice(
          pinned && fingerprint
            ? e.error.message
            : [e.error.message, ...e.error.details.map((d) => d.message)].join('；'),
        );
      } else setNotice((e as Error).message);
    }
  };
  const [area, setArea] = useState<AreaCode>('health');
  const [query, setQuery] = useState('');
  const indicators = useMemo(
    () => new Map<string, Indicator>(fw.value?.framework.indicators.map((i) => [i.code, i]) ?? []),
    [fw.value],
  );
  if (fw.error)
    return (
      <p className="error" role="alert">
        {fw.error.message}
      </p>
    );
  if (!fw.value) return <p className="muted">{MESSAGES.app.loading}</p>;
  const { framework, retired } = fw.value;
  const q = query.trim().toLowerCase();
  const areas = q ? framework.areas : framework.areas.filter((a) => a.area === area);
  const rows = areas
    .flatMap((a) => a.targets.map((t) => ({ area: a.area, target: t, indicator: indicators.get(t.indicator)! })))
    .filter(
      ({ target, indicator }) =>
        !q ||
        indicator.code.toLowerCase().includes(q) ||
        indicator.name.includes(query.trim()) ||
        target.text.includes(query.trim()),
    );
  return (
    <section>
      <header className="page-head">
        <div>
          <h1>{T.browserTitle}</h1>
          <p className="muted">
            {framework.plan.name}　{T.version(framework.version)}
          </p>
        </div>
        <div className="head-actions">
          <input
            className="search"
            type="search"
            placeholder={T.searchPlaceholder}
            aria-label={T.searchPlaceholder}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          {canAdjust && (
            <button type="button" onClick={() => void exportPackage()}>
              {P.exportButton}
            </button>
          )}
          <button type="button" onClick={() => fileInput.current?.click()}>
            {P.importButton}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json"
            hidden
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importPackage(f);
              e.target.value = '';
            }}
          />
        </div>
      </header>
      {notice && (
        <p className={keyChanged ? 'error' : 'notice'} role="status" data-testid="framework-notice">
          {notice}
        </p>
      )}
      {keyChanged && (
        <p>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setPhoned(false);
              setRepinning(true);
            }}
          >
            {P.repinButton}
          </button>
        </p>
      )}
      {keyChanged && repinning && keys.value?.pinned && (
        <ConfirmDialog
          title={P.repinTitle}
          confirmLabel={P.repinDo}
          reasonLabel={P.repinReason}
          danger
          blocked={!phoned}
          onConfirm={(reason) => {
            setRepinning(false);
            void importBytes(keyChanged.fileName, keyChanged.bytesBase64, {
              fingerprint: keyChanged.fingerprint,
              reason,
            });
          }}
          onCancel={() => setRepinning(false)}
        >
          <p>{P.repinBody(keys.value.pinned.regionName, keyChanged.pinned, keyChanged.fingerprint)}</p>
          <label className="radio">
            <input type="checkbox" checked={phoned} onChange={(e) => setPhoned(e.target.checked)} />
            {P.repinConfirm(keyChanged.fingerprint)}
          </label>
        </ConfirmDialog>
      )}
      {keys.value && (
        <p className="muted small" data-testid="key-fingerprints">
          {canAdjust
            ? keys.value.own
              ? P.ownKey(keys.value.own)
              : P.ownKeyNone
            : keys.value.pinned
              ? P.pinnedKey(keys.value.pinned.regionName, keys.value.pinned.fingerprint, keys.value.pinned.pinnedAt)
              : P.pinnedNone}
          {'　'}
          {P.fingerprintHint}
        </p>
      )}
      {keys.value && keys.value.repins.length > 0 && (
        <ul className="muted small" data-testid="key-repins">
          {keys.value.repins.map((r) => (
            <li key={r.at}>{P.repinHistory(r.at, r.from, r.to, r.userName, r.reason)}</li>
          ))}
        </ul>
      )}
      {!q && <AreaTabs areas={framework.areas} current={area} onChange={setArea} />}
      <table className="grid framework-table" data-testid="framework-table">
        <thead>
          <tr>
            <th>{T.columns.code}</th>
            <th>{T.columns.indicator}</th>
            <th>{T.columns.target}</th>
            <th>{T.columns.rule}</th>
            <th>{T.columns.unit}</th>
            <th>{T.columns.level}</th>
            <th>{T.columns.department}</th>
            <th>{T.columns.source}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ target, indicator, area: a }) => (
            <tr key={target.id}>
              <td className="code">{indicator.code}</td>
              <td>
                {indicator.name}
                {q && <div className="muted small">{MESSAGES.areaTitles[a]}</div>}
              </td>
              <td>{target.text}</td>
              <td>
                {describeRule(target.rule, indicator)}
                {target.adjustment && (
                  <div className="small adjusted">
                    {MESSAGES.frameworkAdjust.adjusted(
                      describeRule(target.adjustment.previous, indicator),
                      target.adjustment.note,
                    )}
                  </div>
                )}
                {reliesOnConvention(target.rule) && !target.adjustment && (
                  <div className="muted small">{MESSAGES.frameworkAdjust.convention}</div>
                )}
                {canAdjust && adjusting !== target.id && adjustableParts(target.rule) && (
                  <div>
                    <button type="button" className="link small" onClick={() => setAdjusting(target.id)}>
                      {MESSAGES.frameworkAdjust.button}
                    </button>
                  </div>
                )}
                {adjusting === target.id && adjustableParts(target.rule) && (
                  <AdjustTargetForm
                    planId={planId}
                    targetId={target.id}
                    rule={target.rule}
                    onDone={(message) => {
                      setAdjusting(null);
                      if (message) {
                        setNotice(message);
                        setLoaded((n) => n + 1);
                      }
                    }}
                  />
                )}
              </td>
              <td>{indicatorUnit(indicator)}</td>
              <td>{T.levels[indicator.judgeLevel]}</td>
              <td>{indicator.department}</td>
              <td className="quote">
                <span className="muted small">
                  {MESSAGES.app.common.sourceItem(target.source.section, target.source.item)}
                </span>
                <br />
                {target.source.quote}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">{T.noMatch}</p>}
      {retired.length > 0 && (
        <p className="muted small">
          {T.retired}：{retired.map((r) => `${r.code} ${r.name}`).join('、')}
        </p>
      )}
    </section>
  );
}
