import { useState } from 'react';
import type { Profile } from '../shared/api/settings-contract.ts';
import { MESSAGES } from '../shared/messages.ts';
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

type Page = 'home' | 'entry' | 'framework' | 'backups' | 'print' | 'merge' | 'excel';

export function App() {
  const profileQuery = useApiQuery('profile', () => api['settings:get-profile']({}));
  const [editing, setEditing] = useState(false);
  const [page, setPage] = useState<Page>('home');
  const [saved, setSaved] = useState<Profile | null>(null);
  const [entryYear, setEntryYear] = useState<number | undefined>(undefined);
  const profile = saved ?? profileQuery.value ?? null;

  if (profileQuery.loading) return <main className="app"><p className="muted">{MESSAGES.app.loading}</p></main>;
  if (!profile || editing) {
    return (
      <main className="app narrow">
        <SetupPage initial={profile} onSaved={(p) => { setSaved(p); setEditing(false); setPage('home'); }} />
      </main>
    );
  }
  const nav: [Page, string][] = [
    ['home', MESSAGES.app.nav.home],
    ['entry', MESSAGES.app.nav.entry],
    ...(profile.role === 'county' || profile.role === 'city' ? [['merge', MESSAGES.merge.title] as [Page, string]] : []),
    ['excel', MESSAGES.excel.ui.nav],
    ['framework', MESSAGES.app.nav.framework],
    ['backups', MESSAGES.app.nav.backups],
    ['print', MESSAGES.report.page.nav],
  ];
  return (
    <div className="layout">
      <nav className="sidebar" aria-label={MESSAGES.app.common.mainNav}>
        <div className="brand">{MESSAGES.app.title}</div>
        {nav.map(([id, label]) => (
          <button key={id} className={page === id ? 'nav active' : 'nav'} aria-current={page === id ? 'page' : undefined} onClick={() => setPage(id)}>{label}</button>
        ))}
      </nav>
      <main className="app">
        {page === 'home' && <HomePage profile={profile} onChangeProfile={() => setEditing(true)} onOpenEntry={(year) => { setEntryYear(year); setPage('entry'); }} onOpenMerge={() => setPage('merge')} />}
        {page === 'entry' && <EntryPage profile={profile} initialYear={entryYear} />}
        {page === 'framework' && <FrameworkPage planId={profile.planId} canAdjust={profile.role === 'county' || profile.role === 'city'} />}
        {page === 'backups' && <BackupsPage />}
        {page === 'print' && <PrintPage profile={profile} />}
        {page === 'merge' && <MergePage profile={profile} />}
        {page === 'excel' && <ImportExportPage profile={profile} />}
      </main>
    </div>
  );
}
