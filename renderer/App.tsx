import { useEffect, useState } from 'react';
import type { Profile } from '../shared/api/settings-contract.ts';
import { APP_LOCALE, MESSAGES } from '../shared/messages.ts';
import { api } from './api/client.ts';
import { useApiQuery } from './hooks/useApiQuery.ts';
import { HomePage } from './pages/HomePage.tsx';
import { SetupPage } from './pages/SetupPage.tsx';
import { FrameworkPage } from './pages/FrameworkPage.tsx';
import { EntryPage } from './pages/EntryPage.tsx';
import { BackupsPage } from './pages/BackupsPage.tsx';
import { PrintPage } from './pages/PrintPage.tsx';
import { MergePage } from './pages/MergePage.tsx';
import { ImportExportPage } from './pages/ImportExportPage.tsx';
import { PlanAuthorPage } from './pages/PlanAuthorPage.tsx';
import { DatabasePage } from './pages/DatabasePage.tsx';
import { NewPlanForm } from './pages/NewPlanForm.tsx';
import { useMenuCommand, useMenuCommandSource } from './hooks/useMenuCommands.ts';
import { GuideDialog } from './components/GuideDialog.tsx';

type Page = 'home' | 'entry' | 'framework' | 'plans' | 'backups' | 'print' | 'merge' | 'excel' | 'database';

export function App() {
  const profileQuery = useApiQuery('settings:get-profile', {});
  const [editing, setEditing] = useState(false);
  const [page, setPage] = useState<Page>('home');
  const [saved, setSaved] = useState<Profile | null>(null);
  const [entryYear, setEntryYear] = useState<number | undefined>(undefined);
  const profile = saved ?? profileQuery.value ?? null;
  const [guide, setGuide] = useState(false);
  const [setupBackups, setSetupBackups] = useState(false);
  const [toast, setToast] = useState('');
  // an office without a shipped plan authors its own before it has a profile (plans:new makes the profile)
  const [setupAuthoring, setSetupAuthoring] = useState(false);
  const reloadProfile = () => {
    void api['settings:get-profile']({}).then((p) => {
      if (p) setSaved(p);
    });
  };
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(''), 4000);
    return () => clearTimeout(timer);
  }, [toast]);
  useMenuCommandSource();
  useMenuCommand((command) => {
    if (command === 'guide') {
      setGuide(true);
      return;
    }
    // 帮助 → 导出诊断信息: the same zip as the 数据备份 page's button, from any page (even before set-up)
    if (command === 'diagnostics') {
      void api['diagnostics:export']({}).then(
        (r) => setToast(r.saved && r.path ? MESSAGES.diagnostics.saved(r.path) : MESSAGES.diagnostics.cancelled),
        (e) => setToast((e as Error).message),
      );
      return;
    }
    if (!profile || editing) return;
    if (command === 'new-return') setPage('entry');
    else if (command === 'import' || command === 'export') setPage('excel');
    else if (command === 'print') setPage('print');
    // the entry screen confirms its own saves (it waits for the pending ones); elsewhere every change is saved at once
    else if (command === 'save' && page !== 'entry')
      setToast(MESSAGES.app.menu.allSaved(new Date().toLocaleTimeString(APP_LOCALE, { hour12: false })));
    else if (command === 'find' && page !== 'entry') setPage('framework');
  });
  const overlays = (
    <>
      {guide && <GuideDialog onClose={() => setGuide(false)} />}
      {toast && (
        <p className="toast" role="status" data-testid="app-toast">
          {toast}
        </p>
      )}
    </>
  );

  if (profileQuery.loading)
    return (
      <main className="app">
        <p className="muted">{MESSAGES.app.loading}</p>
      </main>
    );
  if (!profile || editing) {
    return (
      <main className={setupBackups ? 'app' : 'app narrow'}>
        {setupBackups ? (
          <BackupsPage
            onBack={() => {
              setSetupBackups(false);
              profileQuery.reload();
            }}
          />
        ) : setupAuthoring ? (
          <section className="card setup" aria-labelledby="author-setup-heading">
            <div className="page-head">
              <h1 id="author-setup-heading">{MESSAGES.planAuthor.ui.newHeading}</h1>
              <button type="button" onClick={() => setSetupAuthoring(false)}>
                {MESSAGES.planAuthor.ui.backToSetup}
              </button>
            </div>
            <p className="muted">{MESSAGES.planAuthor.ui.intro}</p>
            <NewPlanForm
              onCreated={(message) => {
                void api['settings:get-profile']({}).then((p) => {
                  if (!p) return;
                  setSaved(p);
                  setEditing(false);
                  setSetupAuthoring(false);
                  setPage('plans');
                  setToast(message);
                });
              }}
            />
          </section>
        ) : (
          <SetupPage
            initial={profile}
            onSaved={(p) => {
              setSaved(p);
              setEditing(false);
              setPage('home');
            }}
            onBackups={() => setSetupBackups(true)}
            onAuthor={() => setSetupAuthoring(true)}
          />
        )}
        {overlays}
      </main>
    );
  }
  const nav: [Page, string][] = [
    ['home', MESSAGES.app.nav.home],
    ['entry', MESSAGES.app.nav.entry],
    ...(profile.role === 'county' || profile.role === 'city'
      ? [['merge', MESSAGES.merge.title] as [Page, string]]
      : []),
    ['excel', MESSAGES.excel.ui.nav],
    ...(profile.role === 'county' || profile.role === 'city'
      ? [['database', MESSAGES.openData.database.nav] as [Page, string]]
      : []),
    ['framework', MESSAGES.app.nav.framework],
    ...(profile.role === 'county' || profile.role === 'city'
      ? [['plans', MESSAGES.planAuthor.ui.nav] as [Page, string]]
      : []),
    ['backups', MESSAGES.app.nav.backups],
    ['print', MESSAGES.report.page.nav],
  ];
  return (
    <div className="layout">
      <nav className="sidebar" aria-label={MESSAGES.app.common.mainNav}>
        <div className="brand">{MESSAGES.app.title}</div>
        {nav.map(([id, label]) => (
          <button
            type="button"
            key={id}
            className={page === id ? 'nav active' : 'nav'}
            aria-current={page === id ? 'page' : undefined}
            onClick={() => setPage(id)}
          >
            {label}
          </button>
        ))}
      </nav>
      <main className="app">
        {page === 'home' && (
          <HomePage
            profile={profile}
            onChangeProfile={() => setEditing(true)}
            onOpenEntry={(year) => {
              setEntryYear(year);
              setPage('entry');
            }}
            onOpenMerge={() => setPage('merge')}
          />
        )}
        {page === 'entry' && <EntryPage profile={profile} initialYear={entryYear} />}
        {page === 'framework' && (
          <FrameworkPage planId={profile.planId} canAdjust={profile.role === 'county' || profile.role === 'city'} />
        )}
        {page === 'plans' && <PlanAuthorPage profile={profile} onProfileChanged={reloadProfile} />}
        {page === 'backups' && <BackupsPage />}
        {page === 'print' && <PrintPage profile={profile} />}
        {page === 'merge' && <MergePage profile={profile} />}
        {page === 'database' && <DatabasePage profile={profile} />}
        {page === 'excel' && <ImportExportPage profile={profile} onOpenMerge={() => setPage('merge')} />}
        {overlays}
      </main>
    </div>
  );
}
