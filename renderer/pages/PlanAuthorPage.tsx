import { useMemo, useState } from 'react';
import type { Profile } from '../../shared/api/settings-contract.ts';
import { describeRule } from '../../shared/framework/describe.ts';
import type { AreaCode, Indicator, Target } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { AreaTabs } from '../components/AreaTabs.tsx';
import { api, errorMessage } from '../api/client.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { saveBase64 } from '../lib/files.ts';
import { blankDraft, draftOf, type TargetDraft } from '../lib/target-draft.ts';
import { LocalIndicatorForm } from './LocalIndicatorForm.tsx';
import { NewPlanForm } from './NewPlanForm.tsx';
import { TargetEditor } from './TargetEditor.tsx';

const T = MESSAGES.planAuthor.ui;
const P = MESSAGES.frameworkPackage;

/**
 * 规划管理 (county and city offices): a new plan from the bare catalogue or copied from a shipped one for the office's
 * region; local indicators declared in the reserved code range; the targets of
 * the office's authored plan, area by area, each editable with a live sample verdict, added from the catalogue or
 * removed (every change a new version); the signed package for townships and departments.
 */
export function PlanAuthorPage({ profile, onProfileChanged }: { profile: Profile; onProfileChanged: () => void }) {
  const planId = profile.planId;
  const [loaded, setLoaded] = useState(0);
  const plans = useApiQuery('plans:list', {}, loaded);
  const fw = useApiQuery('plans:get-framework', { planId }, loaded);
  const keys = useApiQuery('plans:signing-info', { planId }, loaded);
  const catalogue = useApiQuery('plans:catalogue', { planId }, loaded);
  const items = useApiQuery('plans:catalogue-items', { planId }, loaded);
  const [area, setArea] = useState<AreaCode>('health');
  const [editing, setEditing] = useState<TargetDraft | null>(null);
  const [removing, setRemoving] = useState<Target | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const summary = plans.value?.find((p) => p.plan.id === planId);
  const authored = summary?.origin === 'imported';
  const indicators = useMemo(
    () => new Map<string, Indicator>((catalogue.value ?? []).map((i) => [i.code, i])),
    [catalogue.value],
  );

  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    setError('');
    setLoaded((n) => n + 1);
  };
  const remove = async (target: Target) => {
    setRemoving(null);
    try {
      const r = await api['plans:set-target']({ planId, target: { remove: target.id } });
      done(T.removed(r.version));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const exportPackage = async () => {
    setError('');
    try {
      const pkg = await api['plans:export-package']({ planId });
      const path = await saveBase64(pkg.fileName, 'json', pkg.bytesBase64);
      if (path) setNotice(T.exported(path));
      setLoaded((n) => n + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const framework = fw.value?.framework;
  const rows = framework?.areas.find((a) => a.area === area)?.targets ?? [];
  return (
    <section className="plan-author">
      <header className="page-head">
        <div>
          <h1>{T.title}</h1>
          {framework && (
            <p className="muted" data-testid="author-plan">
              {T.current(framework.plan.name, framework.version)}
            </p>
          )}
        </div>
      </header>
      {notice && (
        <p className="notice" role="status" data-testid="author-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      {framework && authored && (
        <section className="card author-export">
          <div className="toolbar">
            <strong>{T.exportHeading}</strong>
            <button type="button" className="primary" onClick={() => void exportPackage()}>
              {P.exportButton}
            </button>
            {keys.value && (
              <span data-testid="author-fingerprint">{keys.value.own ? P.ownKey(keys.value.own) : P.ownKeyNone}</span>
            )}
          </div>
          <p className="muted small">
            {T.exportHint}
            {P.fingerprintHint}
          </p>
        </section>
      )}
      <details className="card author-new" open={summary ? !authored : undefined}>
        <summary>
          <strong>{T.newHeading}</strong>
        </summary>
        <p className="muted small">{T.intro}</p>
        <NewPlanForm
          regionCode={profile.regionCode}
          onCreated={(message) => {
            setNotice(message);
            setLoaded((n) => n + 1);
            onProfileChanged();
          }}
        />
      </details>

      {summary && !authored && <p className="muted">{T.shipped}</p>}
      {framework && authored && (
        <details className="card author-local">
          <summary>
            <strong>{T.localHeading}</strong>
          </summary>
          <LocalIndicatorForm planId={planId} local={framework.local?.indicators ?? []} onSaved={done} />
        </details>
      )}
      {editing && catalogue.value && framework && (
        <TargetEditor
          key={`${editing.targetId ?? 'new'}:${loaded}`}
          planId={planId}
          period={framework.plan.period}
          catalogue={catalogue.value}
          items={items.value ?? []}
          initial={editing}
          onSaved={done}
          onCancel={() => setEditing(null)}
        />
      )}
      {framework && (
        <section className="card author-targets">
          <div className="page-head">
            <h2>{T.targetsHeading}</h2>
            {authored && !editing && (
              <button type="button" onClick={() => setEditing({ ...blankDraft(''), kind: 'at_least' })}>
                {T.add}
              </button>
            )}
          </div>
          <AreaTabs areas={framework.areas} current={area} onChange={setArea} />
          <table className="grid framework-table" data-testid="author-targets">
            <thead>
              <tr>
                <th>{T.columns.indicator}</th>
                <th>{T.columns.sentence}</th>
                <th>{T.columns.rule}</th>
                <th>{T.columns.source}</th>
                {authored && <th>{T.columns.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => {
                const indicator =
                  indicators.get(t.indicator) ?? framework.indicators.find((i) => i.code === t.indicator);
                return (
                  <tr key={t.id} data-target={t.id}>
                    <td>
                      <span className="code">{t.indicator}</span> {indicator?.name}
                    </td>
                    <td>
                      {t.text}
                      <div className="muted small quote">{t.source.quote}</div>
                    </td>
                    <td>
                      {indicator ? describeRule(t.rule, indicator) : ''}
                      {t.year !== undefined && <div className="muted small">{t.year}</div>}
                    </td>
                    <td className="small">{MESSAGES.app.common.sourceItem(t.source.section, t.source.item)}</td>
                    {authored && (
                      <td className="actions-cell">
                        <button type="button" className="link small" onClick={() => setEditing(draftOf(t))}>
                          {T.edit}
                        </button>
                        <button type="button" className="link small" onClick={() => setRemoving(t)}>
                          {T.remove}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      {removing && (
        <ConfirmDialog
          title={T.removeTitle}
          confirmLabel={T.remove}
          danger
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>{T.removeBody(removing.text)}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
