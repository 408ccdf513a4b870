// Uncaught errors in the main process are logged with their stack and shown as one Chinese error offering
// 导出诊断信息; choosing it exports the diagnostics; a burst of errors opens one dialog, not a storm.
import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { installCrashHandlers } from '../../electron/crash-handlers.ts';

function setup(choice: number) {
  const proc = new EventEmitter();
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), dir: null };
  const showError = vi.fn(async (_title: string, _message: string, _buttons: readonly string[]) => choice);
  const exportDiagnostics = vi.fn(async () => '/tmp/x.zip');
  const handle = installCrashHandlers(proc, { log, showError, exportDiagnostics });
  return { proc, log, showError, exportDiagnostics, handle };
}

describe('main-process crash handlers', () => {
  it('logs an uncaught exception and shows a Chinese error with 导出诊断信息, which exports the zip', async () => {
    const { proc, log, showError, exportDiagnostics, handle } = setup(0);
    const error = new Error('disk on fire');
    proc.emit('uncaughtException', error);
    await handle.shown();
    expect(log.error).toHaveBeenCalledWith('main process uncaughtException', error);
    expect(showError).toHaveBeenCalledTimes(1);
    const [title, message, buttons] = showError.mock.calls[0];
    expect(title).toBe('程序出现意外错误');
    expect(message).toContain('disk on fire');
    expect(message).toContain('已保存的数据不受影响');
    expect(buttons).toEqual(['导出诊断信息', '关闭']);
    expect(exportDiagnostics).toHaveBeenCalledTimes(1);
  });

  it('logs an unhandled rejection; 关闭 exports nothing', async () => {
    const { proc, log, exportDiagnostics, handle } = setup(1);
    proc.emit('unhandledRejection', 'plain reason');
    await handle.shown();
    expect(log.error).toHaveBeenCalledWith('main process unhandledRejection', 'plain reason');
    expect(exportDiagnostics).not.toHaveBeenCalled();
  });

  it('a burst of errors is logged in full but opens one dialog at a time', async () => {
    const { proc, log, showError, handle } = setup(1);
    for (let i = 0; i < 5; i++) proc.emit('uncaughtException', new Error(`e${i}`));
    await handle.shown();
    expect(log.error).toHaveBeenCalledTimes(5);
    expect(showError).toHaveBeenCalledTimes(1);
    proc.emit('uncaughtException', new Error('later'));
    await handle.shown();
    expect(showError).toHaveBeenCalledTimes(2);
  });

  it('a failing dialog or export is logged, never thrown again', async () => {
    const proc = new EventEmitter();
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), dir: null };
    const handle = installCrashHandlers(proc, {
      log,
      showError: async () => 0,
      exportDiagnostics: async () => {
        throw new Error('no disk');
      },
    });
    proc.emit('uncaughtException', new Error('first'));
    await expect(handle.shown()).resolves.toBeUndefined();
    expect(log.error).toHaveBeenLastCalledWith('crash dialog failed', expect.objectContaining({ message: 'no disk' }));
  });
});
