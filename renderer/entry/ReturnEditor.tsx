// One open return: toolbar, area tabs, the grid with its status bar, the area's targets, and the summary.
import { useEffect, useMemo, useState } from 'react';
import type { ReturnView } from '../../shared/api/returns-contract.ts';
import type { EntryOverlay } from '../../shared/api/merge-contract.ts';
import {
  AREA_LETTER,
  type AreaCode,
  type DataItem,
  type Framework,
  type SexColumn,
} from '../../shared/framework/schema.ts';
import { APP_LOCALE, MESSAGES } from '../../shared/messages.ts';
import { cellKey, isLockedStatus, type Cell, type SettableStatus } from '../../shared/returns/schema.ts';
import type { CellIssue } from '../../shared/rules/result.ts';
import { ApiCallError } from '../api/client.ts';
import { parseNumberInput } from '../../shared/returns/parse-number.ts';
import { evaluateReturn } from '../../shared/rules/evaluate.ts';
import { describeAlert, unexplainedAlerts } from '../../shared/returns/blockers.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { DataGrid } from './DataGrid.tsx';
import { NoDataDialog } from './NoDataDialog.tsx';
import { AuditPanel } from './AuditPanel.tsx';
import { FooterPanel } from './FooterPanel.tsx';
import { ExportReturnButton } from '../components/ExportReturnButton.tsx';
import { SummaryPanel } from './SummaryPanel.tsx';
import { TargetsPanel } from './TargetsPanel.tsx';
import { useReturnEditor } from './useReturnEditor.ts';
import { useMenuCommand } from '../hooks/useMenuCommands.ts';
import { FindBar } from './FindBar.tsx';

const T = MESSAGES.entry;

/**
 * `overlay`: for a county (or city), the cells it does not enter itself — township items summed from the
 * townships' returns, items a department supplied — shown read-only with their source and gaps.
 * `banner`: a line above the grid (e.g. which department this computer fills for).
 */
export function ReturnEditor({
  framework,
  view,
  overlay,
  banner,
}: {
  framework: Framework;
  view: ReturnView;
  overlay?: EntryOverlay;
  banner?: string;
}) {
  const locked = useMemo(
    () =>
      overlay
        ? {
            cells: overlay.cells,
            locked: new Set(overlay.locked.map((s) => s.item)),
            pooledRatios: overlay.pooledRatios,
          }
        : undefined,
    [overlay],
  );
  const [notice, setNoticeText] = useState('');
  /** where a refusal points: each detail a link to its cell or target */
  const [noticeLinks, setNoticeLinks] = useState<{ path: string; message: string }[]>([]);
  const setNotice = (text: string, links: { path: string; message: string }[] = []) => {
    setNoticeText(text);
    setNoticeLinks(links);
  };
  const [reopening, setReopening] = useState(false);
  const [targetFocus, setTargetFocus] = useState<{ id: string; nonce: number } | null>(null);
  const editor = useReturnEditor(framework, view, locked, () => setNotice(T.backToDraft));
  const township = view.summary.level === 'township';
  /** the areas with something for this office to enter: a township does not fill the county's items */
  const fills = (a: AreaCode) =>
    framework.dataItems.some((d) => d.code.startsWith(AREA_LETTER[a]) && (!township || d.level === 'township'));
  const [area, setArea] = useState<AreaCode>(() => framework.areas.find((a) => fills(a.area))?.area ?? 'health');
  const [activeCell, setActiveCell] = useState<{ item: DataItem; sex: SexColumn } | null>(null);
  const [focus, setFocus] = useState<{ item: string; sex: SexColumn; nonce: number } | null>(null);
  const [noData, setNoData] = useState<{ item: DataItem; sex: SexColumn } | null>(null);
  const [showAudit, setShowAudit] = useState(false);
  /** the right-click menu's 查看本格修改记录: the trail of one cell */
  const [auditCell, setAuditCell] = useState<{ key: string; name: string; column: string } | null>(null);
  const readOnly = isLockedStatus(editor.status);

  const itemsByCode = useMemo(() => new Map(framework.dataItems.map((d) => [d.code, d])), [framework]);
  const indicators = useMemo(() => new Map(framework.indicators.map((i) => [i.code, i])), [framework]);
  const areaItems = useMemo(() => {
    const letter = AREA_LETTER[area];
    const all = framework.dataItems
      .filter((d) => d.code.startsWith(letter))
      .sort((a, b) => a.code.localeCompare(b.code));
    return {
      shown: township ? all.filter((d) => d.level === 'township') : all,
      countyOnly: township ? all.filter((d) => d.level === 'county').length : 0,
    };
  }, [framework, area, township]);
  const lockedInfo = useMemo(() => {
    if (!overlay) return undefined;
    const gaps = new Map(overlay.gaps.map((g) => [cellKey(g.item, g.sex), g.missingIn.map((m) => m.name).join('、')]));
    return { sources: new Map(overlay.locked.map((s) => [s.item, s.label])), gaps };
  }, [overlay]);
  const gridCells = useMemo(() => {
    if (!locked) return editor.cells;
    const merged = new Map([...editor.cells].filter(([, c]) => !locked.locked.has(c.item)));
    for (const c of locked.cells) merged.set(cellKey(c.item, c.sex), c);
    return merged;
  }, [editor.cells, locked]);
  const previous = useMemo(() => {
    const last = editor.history.find((h) => h.year === view.summary.year - 1);
    return new Map<string, Cell>((last?.cells ?? []).map((c) => [cellKey(c.item, c.sex), c]));
  }, [editor.history, view.summary.year]);
  // a remark is fixed once its cell differs from the cell as opened (the back end says so after a reload)
  const remarks = useMemo(() => {
    const opened = new Map(view.data.cells.map((c) => [cellKey(c.item, c.sex), c]));
    const same = (a: Cell | undefined, b: Cell | undefined) =>
      (a?.value ?? null) === (b?.value ?? null) &&
      (a?.noData?.reason ?? null) === (b?.noData?.reason ?? null) &&
      (a?.raw ?? null) === (b?.raw ?? null);
    return view.remarks.map((r) => {
      if (r.item === '' || r.fixed) return r;
      const key = cellKey(r.item, r.sex);
      return { ...r, fixed: !same(editor.cells.get(key), opened.get(key)) };
    });
  }, [view.remarks, view.data.cells, editor.cells]);
  const issues = useMemo(() => {
    const map = new Map<string, CellIssue[]>();
    for (const issue of editor.evaluation.issues) {
      const key = cellKey(issue.item, issue.sex);
      map.set(key, [...(map.get(key) ?? []), issue]);
    }
    // the county's remarks of a return sent back (退回), at their cells until the cell changed
    for (const r of remarks) {
      if (r.item === '' || r.fixed) continue;
      const key = cellKey(r.item, r.sex);
      map.set(key, [
        ...(map.get(key) ?? []),
        {
          severity: 'warning',
          code: 'county_remark',
          item: r.item,
          sex: r.sex as SexColumn,
          message: T.remarks.cell(r.remark),
        },
      ]);
    }
    return map;
  }, [editor.evaluation, remarks]);
  // While a number is being typed, the indicators and targets already show what it would give.
  const [typing, setTyping] = useState<{ item: DataItem; sex: SexColumn; value: number } | null>(null);
  const onTyping = (item: DataItem, sex: SexColumn, text: string | null) => {
    const parsed =
      text === null
        ? null
        : parseNumberInput(text, { valueType: item.valueType, decimals: item.decimals, unit: item.unit });
    setTyping(parsed?.ok && parsed.value !== null ? { item, sex, value: parsed.value } : null);
  };
  const live = useMemo(() => {
    if (!typing) return editor.evaluation;
    const key = cellKey(typing.item.code, typing.sex);
    const cells = [
      ...editor.data.cells.filter((c) => cellKey(c.item, c.sex) !== key),
      { item: typing.item.code, sex: typing.sex, value: typing.value, noData: null, prefilled: false, raw: null },
    ];
    return evaluateReturn(framework, { ...editor.data, cells }, editor.history);
  }, [typing, editor.evaluation, editor.data, editor.history, framework]);
  const values = useMemo(() => new Map(live.indicators.map((v) => [v.code, v])), [live]);
  const results = useMemo(() => new Map(live.targets.map((t) => [t.targetId, t])), [live]);
  const planArea = framework.areas.find((a) => a.area === area)!;

  const jump = (item: string, sex: SexColumn) => {
    const letterArea = (Object.entries(AREA_LETTER).find(([, l]) => item.startsWith(l))?.[0] ?? area) as AreaCode;
    setArea(letterArea);
    setFocus({ item, sex, nonce: Date.now() });
  };

  const targetArea = useMemo(
    () => new Map(framework.areas.flatMap((a) => a.targets.map((t) => [t.id, a.area] as const))),
    [framework],
  );
  const unexplained = useMemo(
    () => unexplainedAlerts(editor.evaluation, editor.explanations),
    [editor.evaluation, editor.explanations],
  );
  const jumpToTarget = (targetId: string) => {
    const to = targetArea.get(targetId);
    if (to) setArea(to);
    setTargetFocus({ id: targetId, nonce: Date.now() });
  };
  // after the area's targets are shown: the target's explanation field (or its row) in view and focused
  // biome-ignore lint/correctness/useExhaustiveDependencies: the area is the trigger (its targets must be on screen before focusing one)
  useEffect(() => {
    if (!targetFocus) return;
    const row = document.querySelector<HTMLElement>(`[data-target="${CSS.escape(targetFocus.id)}"]`);
    const field = row?.querySelector<HTMLElement>('input.explanation, input, select');
    row?.scrollIntoView({ block: 'center' });
    field?.focus();
  }, [targetFocus, area]);
  const followLink = (path: string) => {
    if (targetArea.has(path)) {
      jumpToTarget(path);
      return;
    }
    const dot = path.lastIndexOf('.');
    if (dot > 0 && itemsByCode.has(path.slice(0, dot))) jump(path.slice(0, dot), path.slice(dot + 1) as SexColumn);
  };

  const [finding, setFinding] = useState(false);
  const findable = useMemo(
    () => framework.dataItems.filter((d) => !township || d.level === 'township'),
    [framework, township],
  );
  useMenuCommand((command) => {
    if (command === 'save')
      void editor
        .flush()
        .then(() =>
          setNotice(MESSAGES.app.menu.allSaved(new Date().toLocaleTimeString(APP_LOCALE, { hour12: false }))),
        );
    else if (command === 'undo' && !readOnly) editor.undo();
    else if (command === 'redo' && !readOnly) editor.redo();
    else if (command === 'find') {
      setFinding(true);
      setTimeout(() => document.querySelector<HTMLInputElement>('.find-bar input')?.select(), 0);
    }
  });

  const changeStatus = async (status: SettableStatus, reason?: string) => {
    setNotice('');
    try {
      await editor.changeStatus(status, reason);
      setNotice(T.status[status]);
    } catch (e) {
      const err = e instanceof ApiCallError ? e.error : null;
      setNotice(err ? err.message : (e as Error).message, err?.details.slice(0, 20) ?? []);
    }
  };

  const activeKey = activeCell ? cellKey(activeCell.item.code, activeCell.sex) : '';
  const activeSource = activeCell ? lockedInfo?.sources.get(activeCell.item.code) : undefined;
  const activeGap = activeSource ? lockedInfo?.gaps.get(activeKey) : undefined;
  const activeInfo = [
    activeSource ? MESSAGES.merge.entry.summedCell(activeSource) : '',
    activeGap ? MESSAGES.merge.entry.gap(activeGap) : '',
  ].filter(Boolean);
  const activeMessages = (issues.get(activeKey) ?? []).map((i) => i.message);

  return (
    <div className="return-editor">
      <div className="toolbar" role="toolbar">
        <span className={`badge status-${editor.status}`} data-testid="return-status">
          {T.status[editor.status]}
        </span>
        <button type="button" onClick={editor.undo} disabled={!editor.canUndo || readOnly} title="Ctrl+Z">
          {T.actions.undo}
        </button>
        <button type="button" onClick={editor.redo} disabled={!editor.canRedo || readOnly} title="Ctrl+Y">
          {T.actions.redo}
        </button>
        <button type="button" disabled={!activeCell || readOnly} onClick={() => activeCell && setNoData(activeCell)}>
          {T.actions.noData}
        </button>
        <button
          type="button"
          aria-pressed={showAudit}
          onClick={() => {
            setAuditCell(null);
            setShowAudit((v) => !v);
          }}
        >
          {T.audit.toggle}
        </button>
        {editor.prefilledCount > 0 && !readOnly && (
          <button type="button" onClick={() => void editor.confirmPrefilled()}>
            {T.actions.confirmPrefilled(editor.prefilledCount)}
          </button>
        )}
        <span className="spacer" />
        <span
          className={editor.save.error ? 'save-state error-text' : 'save-state muted'}
          data-testid="save-state"
          aria-live="polite"
        >
          {editor.save.error
            ? T.saveFailed(editor.save.error)
            : editor.save.pending > 0
              ? T.saving
              : editor.save.savedAt
                ? T.saved(editor.save.savedAt)
                : ''}
        </span>
        <ExportReturnButton returnId={editor.returnId} before={editor.flush} />
        {(editor.status === 'draft' || editor.status === 'returned') && (
          <button type="button" onClick={() => void changeStatus('checked')}>
            {T.actions.markChecked}
          </button>
        )}
        {editor.status === 'checked' && (
          <button type="button" className="primary" onClick={() => void changeStatus('submitted')}>
            {T.actions.submit}
          </button>
        )}
        {(editor.status === 'checked' || editor.status === 'submitted') && (
          <button type="button" onClick={() => setReopening(true)}>
            {T.actions.reopen}
          </button>
        )}
      </div>
      {notice && (
        <div className="notice" role="status" data-testid="notice">
          {notice}
          {noticeLinks.length > 0 && (
            <ul className="notice-links">
              {noticeLinks.map((d, i) => (
                <li key={i}>
                  <button type="button" className="link" onClick={() => followLink(d.path)}>
                    {d.message}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {finding && (
        <FindBar items={findable} onFound={(item) => jump(item.code, 'total')} onClose={() => setFinding(false)} />
      )}
      {banner && (
        <p className="muted small entry-banner" data-testid="entry-banner">
          {banner}
        </p>
      )}
      {overlay && (
        <p className="muted small entry-banner" data-testid="entry-banner">
          {(overlay.office.level === 'city' ? MESSAGES.merge.entry.cityBanner : MESSAGES.merge.entry.summedBanner)(
            overlay.completeness.reported + overlay.completeness.drafts,
            overlay.completeness.total,
          )}
        </p>
      )}
      {remarks.length > 0 && (
        <section className="notice remarks" data-testid="remarks">
          <strong>{T.remarks.heading(remarks[0].office)}</strong>
          <ul>
            {remarks.map((r, i) => (
              <li key={i}>
                {r.item === '' ? (
                  <>
                    {T.remarks.overall}
                    {r.remark}
                  </>
                ) : (
                  <button type="button" className="link" onClick={() => jump(r.item, r.sex as SexColumn)}>
                    {r.location} {r.item}：{r.remark}
                    {r.problem ? `（${r.problem}）` : ''}
                  </button>
                )}
                {r.item !== '' && (
                  <span className={r.fixed ? 'muted small' : 'error-text small'}>
                    {' '}
                    {r.fixed ? T.remarks.fixed : T.remarks.open}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {showAudit && (
        <AuditPanel
          returnId={editor.returnId}
          version={`${editor.save.savedAt}:${editor.save.pending}:${editor.status}`}
          framework={framework}
          cell={auditCell}
          onShowAll={() => setAuditCell(null)}
        />
      )}
      <div className="tabs" role="tablist">
        {framework.areas
          .filter((a) => (township ? fills(a.area) : a.targets.length > 0 || fills(a.area)))
          .map((a) => {
            const s = editor.evaluation.areas.find((x) => x.area === a.area);
            const toExplain = unexplained.filter((t) => t.area === a.area).length;
            return (
              <button
                type="button"
                key={a.area}
                role="tab"
                aria-selected={a.area === area}
                className={a.area === area ? 'tab active' : 'tab'}
                onClick={() => setArea(a.area)}
              >
                {MESSAGES.areaTitles[a.area]}
                {s && s.errors > 0 && <span className="count error">{s.errors}</span>}
                {s && s.errors === 0 && s.warnings > 0 && <span className="count warn">{s.warnings}</span>}
                {toExplain > 0 && (
                  <span
                    className="count alert"
                    role="img"
                    title={T.blockers.badge(toExplain)}
                    aria-label={T.blockers.badge(toExplain)}
                  >
                    {toExplain}
                  </span>
                )}
              </button>
            );
          })}
      </div>
      {township && framework.areas.some((a) => !fills(a.area)) && (
        <p className="muted small county-areas" data-testid="county-only-areas">
          {T.countyAreas(
            framework.areas
              .filter((a) => !fills(a.area))
              .map((a) => MESSAGES.areaTitles[a.area])
              .join('、'),
          )}
        </p>
      )}
      <div className="entry-layout">
        <div className="entry-main">
          {areaItems.shown.length > 0 ? (
            <DataGrid
              items={areaItems.shown}
              cells={gridCells}
              previous={previous}
              issues={issues}
              readOnly={readOnly}
              focus={focus}
              locked={lockedInfo}
              onCommit={(edits) => void editor.commitCells(edits)}
              onUndo={editor.undo}
              onRedo={editor.redo}
              onActiveChange={(item, sex) => setActiveCell({ item, sex })}
              onTyping={onTyping}
              onNoData={(item, sex) => setNoData({ item, sex })}
              onNotice={setNotice}
              onCellHistory={(item, sex) => {
                setAuditCell({ key: cellKey(item.code, sex), name: item.name, column: T.sexLabel[sex] });
                setShowAudit(true);
              }}
            />
          ) : null}
          <div className="cell-bar" data-testid="cell-bar">
            {activeCell && (
              <strong>
                {activeCell.item.code} {activeCell.item.name} · {T.sexLabel[activeCell.sex]}
              </strong>
            )}
            {activeInfo.map((m, i) => (
              <span key={`i${i}`} className="cell-info">
                {m}
              </span>
            ))}
            {activeMessages.length > 0
              ? activeMessages.map((m, i) => (
                  <span key={i} className="cell-message">
                    {m}
                  </span>
                ))
              : activeInfo.length === 0 && <span className="muted small">{T.keyboardHelp}</span>}
          </div>
          {areaItems.countyOnly > 0 && <p className="muted small">{T.countyOnly(areaItems.countyOnly)}</p>}
          <h2>{T.indicators.heading}</h2>
          <TargetsPanel
            area={planArea}
            indicators={indicators}
            values={values}
            results={results}
            qualitative={editor.qualitative}
            thresholds={editor.thresholds}
            explanations={editor.explanations}
            readOnly={readOnly}
            onAnswer={(i, c, n) => void editor.setAnswer(i, c, n)}
            onThreshold={(t, v) => void editor.setThreshold(t, v)}
            onExplanation={(k, t) => void editor.setExplanation(k, t)}
          />
          <FooterPanel returnId={editor.returnId} initial={view.footer} status={editor.status} />
        </div>
        <aside className="entry-side">
          <SummaryPanel
            evaluation={editor.evaluation}
            items={itemsByCode}
            onJump={jump}
            onArea={setArea}
            unexplained={unexplained.map((t) => ({ targetId: t.targetId, label: describeAlert(framework, t) }))}
            onTarget={jumpToTarget}
          />
        </aside>
      </div>
      {reopening && (
        <ConfirmDialog
          title={T.reopen.title}
          confirmLabel={T.reopen.confirm}
          reasonLabel={T.reopen.reason}
          onCancel={() => setReopening(false)}
          onConfirm={(reason) => {
            setReopening(false);
            void changeStatus('draft', reason);
          }}
        >
          <p>{T.reopen.body(T.status[editor.status])}</p>
        </ConfirmDialog>
      )}
      {noData && (
        <NoDataDialog
          item={noData.item}
          sex={noData.sex}
          initial={editor.cells.get(cellKey(noData.item.code, noData.sex))?.noData?.reason ?? ''}
          onCancel={() => setNoData(null)}
          onSave={(reason) => {
            void editor.commitCells([
              { item: noData.item.code, sex: noData.sex, value: null, noData: { reason }, raw: null },
            ]);
            setNoData(null);
            setFocus({ item: noData.item.code, sex: noData.sex, nonce: Date.now() });
          }}
        />
      )}
    </div>
  );
}
