// Registers one ipcMain handler per contract entry. Every request goes through dispatch (schema check,
// typed errors); requests from any frame other than the app's own page are refused.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/api/contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { dispatch } from '../api/dispatch.ts';
import type { Handlers } from '../api/handler-types.ts';
import { noLog, type AppLog } from '../context/app-log.ts';

export function registerIpcHandlers(
  ipcMain: IpcMain,
  handlers: Handlers,
  isTrustedUrl: (url: string) => boolean,
  log: AppLog = noLog,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url)) {
        log.warn(`ipc ${channel} refused: sender is not the app's page`);
        return { ok: false, error: { code: 'refused', message: MESSAGES.api.unauthorized, details: [] } };
      }
      const result = await dispatch(handlers, channel, input);
      // An internal error is a bug: its message and zod paths go to the log (the user's mistakes do not).
      if (!result.ok && result.error.code === 'internal') {
        log.error(
          `ipc ${channel} internal error: ${result.error.message} ${result.error.details.map((d) => d.path).join(',')}`,
        );
      }
      return result;
    });
  }
}
