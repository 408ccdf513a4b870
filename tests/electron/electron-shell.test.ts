// The desktop shell behind shell:save-file, shell:print and shell:print-to-pdf, with stand-ins for Electron's
// dialog and window: the file is written where the user chose, nothing when they cancel; printing is A4.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Dialog } from 'electron';
import { electronShell } from '../../electron/electron-shell.ts';
import { shellHandlers } from '../../electron/api/handlers/shell.ts';
import type { AppContext } from '../../electron/context/app-context.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-shell-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakes(choice: string | null) {
  const dialog = { showSaveDialog: vi.fn(async () => ({ canceled: choice === null, filePath: choice ?? undefined })) };
  const webContents = {
    print: vi.fn((_options: unknown, done: (ok: boolean) => void) => done(true)),
    printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')),
  };
  const win = { webContents } as unknown as BrowserWindow;
  return { dialog, webContents, shell: electronShell(dialog as unknown as Dialog, () => win) };
}

describe('electron shell', () => {
  it('writes the file where the user chose, with the kind’s filter', async () => {
    const target = join(dir, '洮北区_2025年_妇女发展监测报表.xlsx');
    const { dialog, shell } = fakes(target);
    expect(await shell.saveFile('洮北区_2025年_妇女发展监测报表.xlsx', 'xlsx', Buffer.from('PK'))).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('PK');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        defaultPath: '洮北区_2025年_妇女发展监测报表.xlsx',
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      }),
    );
  });

  it('writes nothing when the user cancels', async () => {
    const { shell } = fakes(null);
    expect(await shell.saveFile('x.pdf', 'pdf', Buffer.from('x'))).toBeNull();
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it('prints and renders PDFs on A4 in the asked orientation, through the shell channels', async () => {
    const target = join(dir, 'report.pdf');
    const { shell, webContents } = fakes(target);
    const handlers = shellHandlers({ shell } as unknown as AppContext);
    expect(await handlers['shell:print']({ landscape: true })).toEqual({ printed: true });
    expect(webContents.print).toHaveBeenCalledWith(
      expect.objectContaining({ landscape: true, pageSize: 'A4' }),
      expect.any(Function),
    );
    expect(await handlers['shell:print-to-pdf']({ suggestedName: 'report.pdf', landscape: false })).toEqual({
      saved: true,
      path: target,
    });
    expect(webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ landscape: false, pageSize: 'A4', preferCSSPageSize: true }),
    );
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');
  });
});
