// Registers one ipcMain handler per contract entry. Every request goes through dispatch (schema check,
// typed errors); requests from any frame other than the app's own page are refused.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/api/contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { dispatch } from '../api/dispatch.ts';
import type { Handlers } from '../api/handlers.ts';

export function registerIpcHandlers(ipcMain: IpcMain, handlers: Handlers, isTrustedUrl: (url: string) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url)) return { ok: false, error: { code: 'refused', message: MESSAGES.api.unauthorized, details: [] } };
      return dispatch(handlers, channel, input);
    });
  }
}
