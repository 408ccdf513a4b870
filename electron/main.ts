// Electron main process: window and lifecycle only. All behaviour lives in the back end (app.ts).
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { electronShell } from './electron-shell.ts';
import { join } from 'node:path';
import {
  APP_INDEX_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  isAppUrl,
} from './app-protocol.ts';
import { openApp, type AppBackend } from './backend/open-app.ts';
import { registerIpcHandlers } from './ipc/register.ts';
import { createMainWindow, hardenApp } from './window.ts';
import { buildEditContextMenu, buildMenuTemplate } from './menu.ts';
import { menuCommandQueue } from './menu-commands.ts';
import { readWindowState, restoreBounds, writeWindowState } from './window-state.ts';
import { APP_LOCALE, MESSAGES } from '../shared/messages.ts';
import { createFileLog } from './context/file-log.ts';
import { installCrashHandlers } from './crash-handlers.ts';
import { dispatch } from './api/dispatch.ts';

// Chromium's own widgets (a date box's 年/月/日, the text menu, a file box) speak the app's language whatever the
// system's: a county's Windows in English must not show mm/dd/yyyy in a Chinese form. Must precede 'ready'.
app.commandLine.appendSwitch('lang', APP_LOCALE);
// One folder for the database whatever the display name; the CLI's default points at the same file.
app.setPath('userData', join(app.getPath('appData'), 'wdp-monitor'));
// The renderer loads from app://wdp/ (a standard, secure origin), never from file://; must precede 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// The rotating log in userData/logs (no values, no names); uncaught errors go there and to a Chinese error box.
const log = createFileLog(join(app.getPath('userData'), 'logs'), { console: !app.isPackaged });

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let backend: AppBackend | null = null;
  let win: BrowserWindow | null = null;
  const appRoot = app.getAppPath();
  // Only app://wdp/… is the app: IPC, navigation and the network filter trust nothing else (no file:// at all).
  const isTrustedUrl = isAppUrl;
  const menuCommands = menuCommandQueue();

  installCrashHandlers(process, {
    log,
    showError: async (title, message, buttons) =>
      (
        await dialog.showMessageBox({
          type: 'error',
          title,
          message,
          buttons: [...buttons],
          defaultId: 0,
          cancelId: 1,
          noLink: true,
        })
      ).response,
    exportDiagnostics: async () => (backend ? dispatch(backend.handlers, 'diagnostics:export', {}) : null),
  });

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  void app.whenReady().then(() => {
    hardenApp(app, session.defaultSession, isTrustedUrl);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(join(appRoot, 'dist', 'renderer')));
    try {
      backend = openBackend();
    } catch (error) {
      // e.g. a database written by a newer version: say so and stop, touching nothing.
      log.error('start failed', error);
      dialog.showErrorBox(MESSAGES.app.title, MESSAGES.app.startFailed((error as Error).message));
      app.quit();
      return;
    }
    registerIpcHandlers(ipcMain, backend.handlers, isTrustedUrl, log);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          packaged: app.isPackaged,
          send: (command) => menuCommands.push(command),
          about: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: MESSAGES.app.menu.about,
              message: MESSAGES.app.title,
              detail: MESSAGES.app.menu.aboutDetail(app.getVersion()),
              buttons: [MESSAGES.app.menu.ok],
            }),
        }),
      ),
    );
    app.on('web-contents-created', (_event, contents) => {
      contents.on('context-menu', (_e, params) => {
        const template = buildEditContextMenu(params);
        if (template) Menu.buildFromTemplate(template).popup();
      });
    });
    const stateFile = join(app.getPath('userData'), 'window-state.json');
    const restored = restoreBounds(
      readWindowState(stateFile),
      screen.getAllDisplays().map((d) => d.workArea),
    );
    const opened = createMainWindow(
      BrowserWindow,
      join(appRoot, 'dist-electron', 'preload.cjs'),
      APP_INDEX_URL,
      restored,
    );
    win = opened;
    opened.on('close', () =>
      writeWindowState(stateFile, { bounds: opened.getNormalBounds(), maximized: opened.isMaximized() }),
    );
    win.on('closed', () => {
      win = null;
    });
  });

  const openBackend = () =>
    openApp({
      dbFile: join(app.getPath('userData'), 'wdp.sqlite'),
      backupOnStart: true,
      shell: electronShell(dialog, () => win, menuCommands),
      // resources/ and the migrations are packed inside app.asar, which Electron's fs reads like a folder.
      resourcesDir: join(appRoot, 'resources'),
      migrationsDir: join(appRoot, 'electron', 'db', 'migrations'),
      log,
    });

  app.on('window-all-closed', () => app.quit());
  // Close the database cleanly on quit (WAL checkpointed); committed data is safe even without this.
  app.on('will-quit', () => backend?.close());
}
