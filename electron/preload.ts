// The preload exposes exactly the API contract: one method per channel, nothing else (no ipcRenderer, no env).
// It imports the plain list of channel names, not the zod contract, so it stays a few kilobytes.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../shared/api/channels.ts';

const bridge = Object.freeze(
  Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)])),
);
contextBridge.exposeInMainWorld('wdp', bridge);
