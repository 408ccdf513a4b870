// 汇总: a county (or city) imports its children's returns in one go, sees who is missing, settles
// resubmissions, checks the breakdown by child, and exports its merged return for the level above.
import { useCallback, useMemo, useState } from 'react';
import type { Profile } from '../../shared/api/settings-contract.ts';
import type { ChildStatus, Completeness } from '../../shared/api/merge-contract.ts';
import { planYears } from '../../shared/framework/describe.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { YearSelect } from '../components/YearSelect.tsx';
import { api, errorMessage } from '../api/client.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { saveBase64 } from '../lib/files.ts';
import { BreakdownTable } from '../merge/BreakdownTable.tsx';
import { CompletenessTable } from '../merge/CompletenessTable.tsx';
import { ImportPanel, SkippedList, VerdictList } from '../merge/ImportPanel.tsx';
import { lineOfReceived, lineOfVerdict } from '../merge/verdict-lines.ts';
import { MergeResultPanel } from '../merge/MergeResultPanel.tsx';
import { ResubmissionsPanel } from '../merge/ResubmissionsPanel.tsx';
import { SendBackForm } from '../merge/SendBackForm.tsx';
import { OverduePanel } from '../merge/OverduePanel.tsx';
import { useBatchImport } from '../merge/useBatchImport.ts';
import '../merge/merge.css';

const T = MESSAGES.merge.page;
const RC = MESSAGES.merge.receipt;
type Tab = 'completeness' | 'files' | 'resubmissions' | 'breakdown' | 'result';

export function MergePage({ profile }: { profile: Profile }) {
  const [year, setYear] = useState(() => new Date().getFullYear() - 1);
  const [tab, setTab] = useState<Tab>('completeness');
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState('');
  const [exporting, setExporting] = useState(false);
  const [sendingBack, setSendingBack] = useState<ChildStatus | null>(null);
  const [accepting, setAccepting] = useState<ChildStatus | null>(null);
  const [acceptRemark, setAcceptRemark] = useState('');
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const key = `${year}:${version}`;
  const fw = useApiQuery('plans:get-framework', { planId: profile.planId });
  const overview = useApiQuery('merge:overview', { year }, key);
  const resubmissions = useApiQuery('merge:resubmissions', tab === 'resubmissions' ? { year } : null, key);
  const breakdown = useApiQuery('merge:breakdown', tab === 'breakdown' ? { year } : null, key);
  const result = useApiQuery('merge:result', tab === 'result' ? { year } : null, key);
  const importer = useBatchImport(year, refresh);
  const framework = fw.value?.framework;
  const items = useMemo(() => new Map(framework?.dataItems.map((d) => [d.code, d]) ?? []), [framework]);
  const years = framework ? planYears(framework.plan, new Date().getFullYear()) : [];
  const noun = profile.role === 'city' ? MESSAGES.merge.nouns.county : MESSAGES.merge.nouns.township;
  const resubCount = overview.value?.children.filter((c) => c.versions > 1).length ?? 0;

  const onFiles = async (files: File[]) => {
    setMessage('');
    setTab('files');
    await importer.run(files);
  };
  const keep = async (submissionId: number) => {
    try {
      await api['merge:choose-version']({ year, submissionId });
      refresh();
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  const failed = (e: unknown) => setMessage(errorMessage(e));
  const accept = async () => {
    if (!accepting?.submission) return;
    try {
      await api['merge:accept']({ year, submissionId: accepting.submission.id, remark: acceptRemark.trim() });
      setMessage(RC.accepted(accepting.name));
      setAccepting(null);
      refresh();
    } catch (e) {
      failed(e);
    }
  };
  const receipt = async (child: ChildStatus) => {
    if (!child.submission) return;
    setMessage('');
    try {
      const file = await api['merge:receipt']({ year, submissionId: child.submission.id });
      const path = await saveBase64(file.fileName, 'json', file.bytesBase64);
      setMessage(path ? RC.exported(path) : RC.cancelled);
    } catch (e) {
      failed(e);
    }
  };
  const exportReturn = async () => {
    setExporting(true);
    setMessage('');
    try {
      const { path } = await api['merge:export-save']({ year });
      setMessage(path ? T.exported(path) : T.exportCancelled);
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const tabs: [Tab, string, number | null][] = [
    ['completeness', T.tabs.completeness, null],
    ['files', T.tabs.files, importer.verdicts.filter((v) => v.verdict === 'rejected').length || null],
    ['resubmissions', T.tabs.resubmissions, resubCount || null],
    ['breakdown', T.tabs.breakdown, null],
    ['result', T.tabs.result, null],
  ];
  const error = fw.error ?? overview.error ?? resubmissions.error ?? breakdown.error ?? result.error;

  return (
    <section className="merge-page">
      <header className="page-head">
        <div>
          <h1>{T.heading}</h1>
          <p className="muted">
            {overview.value
              ? `${overview.value.office.name} · ${overview.value.office.planName}`
              : framework?.plan.name}
          </p>
          <p className="muted small">{T.intro(noun)}</p>
        </div>
        <YearSelect
          label={T.year}
          value={year}
          years={years}
          onChange={(y) => {
            setYear(y);
            setSendingBack(null);
          }}
          baseYear={framework?.plan.baselineYear}
          hasReturn={(y) => Boolean(overview.value?.years.includes(y))}
        />
      </header>
      <ImportPanel
        progress={importer.progress}
        onFiles={(files) => void onFiles(files)}
        onCancel={importer.cancel}
        onPickFolder={async () => {
          setMessage('');
          setTab('files');
          return importer.runFolder();
        }}
      />
      {(importer.error || message) && (
        <p className="notice" role="status" data-testid="merge-message">
          {importer.error || message}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {overview.value && <RateLine c={overview.value.completeness} />}
      <div className="tabs" role="tablist">
        {tabs.map(([id, label, count]) => (
          <button
            type="button"
            key={id}
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'tab active' : 'tab'}
            onClick={() => setTab(id)}
          >
            {label}
            {count !== null && <span className={id === 'files' ? 'count error' : 'count warn'}>{count}</span>}
          </button>
        ))}
      </div>
      {tab === 'completeness' && sendingBack && (
        <SendBackForm
          key={sendingBack.submission?.id}
          year={year}
          unit={sendingBack}
          items={items}
          onCancel={() => setSendingBack(null)}
          onDone={(text) => {
            setSendingBack(null);
            setMessage(text);
            refresh();
          }}
        />
      )}
      {tab === 'completeness' && accepting && !sendingBack && (
        <section className="card send-back" data-testid="accept-form">
          <h2>{RC.acceptHeading(accepting.name)}</h2>
          <label className="block-field">
            {RC.acceptRemark}
            <textarea
              aria-label={RC.acceptRemark}
              rows={2}
              maxLength={1000}
              value={acceptRemark}
              onChange={(e) => setAcceptRemark(e.target.value)}
            />
          </label>
          <div className="actions">
            <span className="spacer" />
            <button type="button" onClick={() => setAccepting(null)}>
              {MESSAGES.merge.review.cancel}
            </button>
            <button type="button" className="primary" onClick={() => void accept()}>
              {RC.accept}
            </button>
          </div>
        </section>
      )}
      {tab === 'completeness' && !sendingBack && <OverduePanel year={year} version={version} onMessage={setMessage} />}
      {tab === 'completeness' && overview.value && !sendingBack && (
        <CompletenessTable
          overview={overview.value}
          onSendBack={(child) => {
            setMessage('');
            setAccepting(null);
            setSendingBack(child);
          }}
          onAccept={(child) => {
            setMessage('');
            setAcceptRemark('');
            setAccepting(child);
          }}
          onReceipt={(child) => void receipt(child)}
        />
      )}
      {tab === 'files' && <SkippedList skipped={importer.skipped} />}
      {tab === 'files' &&
        (importer.verdicts.length > 0 ? (
          <VerdictList
            verdicts={importer.verdicts.map(lineOfVerdict)}
            state={importer.progress.running ? 'running' : importer.progress.cancelled ? 'cancelled' : 'done'}
          />
        ) : (
          <ReceivedLog year={year} version={version} />
        ))}
      {tab === 'resubmissions' && resubmissions.value && (
        <ResubmissionsPanel items={resubmissions.value} onKeep={(id) => void keep(id)} />
      )}
      {tab === 'breakdown' &&
        breakdown.value &&
        (breakdown.value.columns.length === 0 ? (
          <p className="muted">{T.noChildren}</p>
        ) : (
          <BreakdownTable breakdown={breakdown.value} />
        ))}
      {tab === 'result' && result.value && (
        <MergeResultPanel
          result={result.value}
          items={items}
          exporting={exporting}
          onExport={() => void exportReturn()}
        />
      )}
    </section>
  );
}

/** 报送率 with a bar: reported (green) and drafts (amber) of all the children. */
function RateLine({ c }: { c: Completeness }) {
  return (
    <div className="rate-line">
      <div className="rate-bar" aria-hidden>
        <span className="rate-reported" style={{ width: `${c.total ? (c.reported / c.total) * 100 : 0}%` }} />
        <span className="rate-draft" style={{ width: `${c.total ? (c.drafts / c.total) * 100 : 0}%` }} />
      </div>
      <strong data-testid="reporting-rate">{T.rate(c)}</strong>
    </div>
  );
}

/** Files received earlier this year (after a restart the verdicts come from the log). */
function ReceivedLog({ year, version }: { year: number; version: number }) {
  const log = useApiQuery('merge:received', { year }, version);
  if (!log.value) return null;
  if (log.value.length === 0) return <p className="muted">{T.noChildren}</p>;
  return <VerdictList verdicts={log.value.map(lineOfReceived)} />;
}
