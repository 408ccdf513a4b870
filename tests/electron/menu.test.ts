// The Chinese application menu, its template built by a pure function (electron mocked: nothing of it runs),
// the edit menu of text fields, the menu command queue and the remembered window bounds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({ default: {}, Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() } }));

const { buildEditContextMenu, buildMenuTemplate } = await import('../../electron/menu.ts');
const { menuCommandQueue } = await import('../../electron/menu-commands.ts');
const { readWindowState, restoreBounds, writeWindowState } = await import('../../electron/window-state.ts');

const items = (menu: MenuItemConstructorOptions) =>
  (menu.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator');
const all = (template: MenuItemConstructorOptions[]) => template.flatMap(items);

describe('application menu', () => {
  const sent: string[] = [];
  const about = vi.fn();
  const dev = buildMenuTemplate({ packaged: false, send: (c) => sent.push(c), about });
  const packaged = buildMenuTemplate({ packaged: true, send: (c) => sent.push(c), about });

  it('has 文件 / 编辑 / 视图 / 帮助 with the Chinese items', () => {
    expect(packaged.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(items(packaged[0]).map((i) => i.label)).toEqual(['新建年度报表', '导入…', '导出…', '保存', '打印…', '退出']);
    expect(items(packaged[1]).map((i) => i.label)).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选', '查找…']);
    expect(items(packaged[2]).map((i) => i.label)).toEqual(['放大', '缩小', '实际大小', '全屏']);
    expect(items(packaged[3]).map((i) => i.label)).toEqual(['使用说明', '导出诊断信息…', '关于']);
    expect(all(packaged).every((i) => /[\u4e00-\u9fff]/.test(String(i.label)))).toBe(true);
  });

  it('shows the shortcuts; those the page handles itself are not registered, so the grid keeps its keys', () => {
    const byLabel = new Map(all(packaged).map((i) => [i.label, i]));
    expect(byLabel.get('打印…')).toMatchObject({ accelerator: 'CmdOrCtrl+P', registerAccelerator: false });
    expect(byLabel.get('查找…')).toMatchObject({ accelerator: 'CmdOrCtrl+F', registerAccelerator: false });
    expect(byLabel.get('保存')).toMatchObject({ accelerator: 'CmdOrCtrl+S', registerAccelerator: false });
    expect(byLabel.get('复制')).toMatchObject({ role: 'copy', accelerator: 'CmdOrCtrl+C', registerAccelerator: false });
    expect(byLabel.get('全屏')).toMatchObject({ role: 'togglefullscreen', accelerator: 'F11' });
    expect(byLabel.get('退出')).toMatchObject({ role: 'quit' });
  });

  it('sends commands to the window; 关于 opens the about box', () => {
    const byLabel = new Map(all(packaged).map((i) => [i.label, i]));
    for (const label of [
      '新建年度报表',
      '导入…',
      '导出…',
      '保存',
      '打印…',
      '撤销',
      '重做',
      '查找…',
      '使用说明',
      '导出诊断信息…',
    ])
      (byLabel.get(label)!.click as () => void)();
    expect(sent).toEqual([
      'new-return',
      'import',
      'export',
      'save',
      'print',
      'undo',
      'redo',
      'find',
      'guide',
      'diagnostics',
    ]);
    (byLabel.get('关于')!.click as () => void)();
    expect(about).toHaveBeenCalledTimes(1);
  });

  it('has no 重新加载 or 开发者工具 when packaged; a development build has them', () => {
    const roles = (t: MenuItemConstructorOptions[]) => all(t).map((i) => i.role);
    expect(roles(packaged)).not.toContain('reload');
    expect(roles(packaged)).not.toContain('toggleDevTools');
    expect(roles(packaged)).not.toContain('forceReload');
    expect(roles(dev)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('gives text fields a Chinese edit menu, enabled as the field allows', () => {
    const flags = { canCut: false, canCopy: true, canPaste: true, canSelectAll: true };
    const menu = buildEditContextMenu({ isEditable: true, selectionText: '', editFlags: flags })!;
    expect(menu.filter((i) => i.type !== 'separator').map((i) => [i.label, i.enabled])).toEqual([
      ['剪切', false],
      ['复制', true],
      ['粘贴', true],
      ['全选', true],
    ]);
    expect(
      buildEditContextMenu({ isEditable: false, selectionText: '岢岚县', editFlags: flags })!.map((i) => i.label),
    ).toEqual(['复制']);
    expect(buildEditContextMenu({ isEditable: false, selectionText: '', editFlags: flags })).toBeNull();
  });
});

describe('menu commands to the window', () => {
  it('answers a waiting request at once, queues otherwise, and returns null when the wait ends', async () => {
    const queue = menuCommandQueue();
    const waiting = queue.next(5_000);
    queue.push('print');
    expect(await waiting).toBe('print');
    queue.push('save');
    queue.push('find');
    expect(await queue.next(0)).toBe('save');
    expect(await queue.next(0)).toBe('find');
    expect(await queue.next(10)).toBeNull();
  });
});

describe('window bounds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wdp-window-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const screen = [{ x: 0, y: 0, width: 1366, height: 728 }];

  it('are remembered and restored', () => {
    const file = join(dir, 'window-state.json');
    writeWindowState(file, { bounds: { x: 40, y: 30, width: 1200, height: 700 }, maximized: true });
    expect(restoreBounds(readWindowState(file), screen)).toEqual({
      bounds: { x: 40, y: 30, width: 1200, height: 700 },
      maximized: true,
    });
  });

  it('drop a position off every screen (keeping the size), a too small size, and a broken file', () => {
    expect(restoreBounds({ bounds: { x: 3000, y: 30, width: 1200, height: 700 }, maximized: false }, screen)).toEqual({
      bounds: { width: 1200, height: 700 },
      maximized: false,
    });
    expect(
      restoreBounds({ bounds: { x: 0, y: 0, width: 200, height: 100 }, maximized: false }, screen)!.bounds,
    ).toMatchObject({ width: 1024, height: 640 });
    expect(restoreBounds(readWindowState(join(dir, 'missing.json')), screen)).toBeNull();
    expect(restoreBounds({ bounds: { x: 'a' } }, screen)).toBeNull();
  });
});
