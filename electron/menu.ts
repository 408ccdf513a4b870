// The Chinese application menu. buildMenuTemplate is pure (tested with the mocked electron): 文件, 编辑, 视图, 帮助;
// no 重新加载 or 开发者工具 in a packaged build. Shortcuts the page handles itself (Ctrl+Z/Y/X/C/V/A, Ctrl+S/P/F)
// are shown but not registered (registerAccelerator: false), so the grid keeps its own Excel-like keys; choosing
// the item with the mouse sends the command to the window through the contract (shell:menu-command).
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/api/shell-contract.ts';
import { MESSAGES } from '../shared/messages.ts';

const M = MESSAGES.app.menu;

export interface MenuOptions {
  /** app.isPackaged: no reload, no developer tools */
  packaged: boolean;
  /** a command for the window (through the contract's long poll) */
  send: (command: MenuCommand) => void;
  /** 关于: a native message box with the version */
  about: () => void;
}

export function buildMenuTemplate({ packaged, send, about }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(cmd),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });
  const shown = (
    label: string,
    role: MenuItemConstructorOptions['role'],
    accelerator: string,
  ): MenuItemConstructorOptions => ({ label, role, accelerator, registerAccelerator: false });
  return [
    {
      label: `${M.file}(&F)`,
      submenu: [
        command(M.newReturn, 'new-return'),
        command(M.import, 'import'),
        command(M.export, 'export'),
        { type: 'separator' },
        command(M.save, 'save', 'CmdOrCtrl+S'),
        command(M.print, 'print', 'CmdOrCtrl+P'),
        { type: 'separator' },
        { label: M.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: `${M.edit}(&E)`,
      submenu: [
        command(M.undo, 'undo', 'CmdOrCtrl+Z'),
        command(M.redo, 'redo', 'CmdOrCtrl+Y'),
        { type: 'separator' },
        shown(M.cut, 'cut', 'CmdOrCtrl+X'),
        shown(M.copy, 'copy', 'CmdOrCtrl+C'),
        shown(M.paste, 'paste', 'CmdOrCtrl+V'),
        shown(M.selectAll, 'selectAll', 'CmdOrCtrl+A'),
        { type: 'separator' },
        command(M.find, 'find', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: `${M.view}(&V)`,
      submenu: [
        { label: M.zoomIn, role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: M.zoomOut, role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { label: M.resetZoom, role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { type: 'separator' },
        { label: M.fullScreen, role: 'togglefullscreen', accelerator: 'F11' },
        ...(packaged
          ? []
          : [
              { type: 'separator' } as const,
              { label: M.reload, role: 'reload' } as const,
              { label: M.devTools, role: 'toggleDevTools' } as const,
            ]),
      ],
    },
    {
      label: `${M.help}(&H)`,
      submenu: [
        command(M.guide, 'guide', 'F1'),
        command(M.diagnostics, 'diagnostics'),
        { label: M.about, click: about },
      ],
    },
  ];
}

/**
 * The right-click menu Electron lacks in text fields (and on selected text): 剪切 / 复制 / 粘贴 / 全选 in Chinese.
 * The grid has its own (the page prevents this one there). Null when there is nothing to offer.
 */
export function buildEditContextMenu(params: {
  isEditable: boolean;
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}): MenuItemConstructorOptions[] | null {
  if (params.isEditable) {
    return [
      { label: M.cut, role: 'cut', enabled: params.editFlags.canCut },
      { label: M.copy, role: 'copy', enabled: params.editFlags.canCopy },
      { label: M.paste, role: 'paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { label: M.selectAll, role: 'selectAll', enabled: params.editFlags.canSelectAll },
    ];
  }
  if (params.selectionText.trim()) return [{ label: M.copy, role: 'copy' }];
  return null;
}
