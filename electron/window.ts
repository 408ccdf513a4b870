// The main window and the rules every web contents obeys: isolated, sandboxed, no Node, no navigation,
// no new windows, no permissions, no remote content.
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, App, Session } from 'electron';
import { MESSAGES } from '../shared/messages.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: MESSAGES.app.title,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** Applies the app-wide rules: called once, before any window exists. */
export function hardenApp(app: App, session: Session, isTrustedUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // No remote content ever, and no file:// either: only the app's own app://wdp/ files (and inline data) load.
  session.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const ok = isTrustedUrl(url) || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:');
    callback({ cancel: !ok });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/**
 * The main window, showing the app's page (app://wdp/index.html). `restored`: the size and position remembered
 * from the last run (electron/window-state.ts), if any.
 */
export function createMainWindow(
  BrowserWindow: typeof BrowserWindowType,
  preloadPath: string,
  pageUrl: string,
  restored?: {
    bounds: Partial<Record<'x' | 'y', number>> & { width: number; height: number };
    maximized: boolean;
  } | null,
): BrowserWindowType {
  const win = new BrowserWindow({ ...secureWindowOptions(preloadPath), ...(restored?.bounds ?? {}) });
  win.once('ready-to-show', () => {
    if (restored?.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(pageUrl);
  return win;
}
