// The desktop app's shell: native save dialog, system printing and printToPDF of the main window.
import { writeFile } from 'node:fs/promises';
import type { BrowserWindow, Dialog } from 'electron';
import type { FileKind } from '../shared/api/shell-contract.ts';
import { MESSAGES } from '../shared/messages.ts';
import type { Shell } from './context/shell.ts';
import type { MenuCommandQueue } from './menu-commands.ts';

const FILTER_NAME: Record<FileKind, string> = MESSAGES.files.saveFilter;
const filterOf = (kind: FileKind) => ({ name: FILTER_NAME[kind], extensions: [kind] });

export function electronShell(dialog: Dialog, window: () => BrowserWindow | null, menu?: MenuCommandQueue): Shell {
  return {
    async saveFile(suggestedName, kind, bytes) {
      const win = window();
      const options = { defaultPath: suggestedName, filters: [filterOf(kind)] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, bytes);
      return result.filePath;
    },
    async pickFolder() {
      const win = window();
      const options = { properties: ['openDirectory' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
    print({ landscape }) {
      const win = window();
      if (!win) return Promise.resolve(false);
      return new Promise((resolve) =>
        win.webContents.print({ landscape, pageSize: 'A4', printBackground: true }, (ok) => resolve(ok)),
      );
    },
    async printToPdf({ landscape }) {
      const win = window();
      if (!win) return null;
      return win.webContents.printToPDF({
        landscape,
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        generateDocumentOutline: true,
      });
    },
    nextMenuCommand(waitMs) {
      return menu ? menu.next(waitMs) : Promise.resolve(null);
    },
  };
}
