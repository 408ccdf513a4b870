// Uncaught exceptions and unhandled rejections in the main process: logged with their stack, then shown as one
// Chinese error with 导出诊断信息 (one dialog at a time, however many errors follow). The app keeps running:
// every saved change is already committed. No Electron import: main.ts supplies the dialog.
import { MESSAGES } from '../shared/messages.ts';
import type { AppLog } from './context/app-log.ts';

export interface CrashDeps {
  log: AppLog;
  /** shows the error with the buttons MESSAGES.diagnostics.crashButtons; resolves to the index clicked */
  showError: (title: string, message: string, buttons: readonly string[]) => Promise<number>;
  /** 导出诊断信息: saves the zip (the user chooses where) */
  exportDiagnostics: () => Promise<unknown>;
}

type ProcessEvents = {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (reason: unknown) => void): unknown;
};

export function installCrashHandlers(proc: ProcessEvents, deps: CrashDeps): { shown: () => Promise<void> } {
  const M = MESSAGES.diagnostics;
  let showing: Promise<void> = Promise.resolve();
  let open = false;
  const report = (kind: string) => (reason: unknown) => {
    try {
      deps.log.error(`main process ${kind}`, reason);
    } catch {
      /* the log itself failed: still tell the user */
    }
    if (open) return;
    open = true;
    const what = reason instanceof Error ? reason.message : String(reason);
    showing = (async () => {
      try {
        const choice = await deps.showError(M.crashTitle, M.crash(what), M.crashButtons);
        if (choice === 0) await deps.exportDiagnostics();
      } catch (error) {
        try {
          deps.log.error('crash dialog failed', error);
        } catch {
          /* nothing left to do */
        }
      } finally {
        open = false;
      }
    })();
  };
  proc.on('uncaughtException', report('uncaughtException'));
  proc.on('unhandledRejection', report('unhandledRejection'));
  return { shown: () => showing };
}
