// The preload exposes exactly the API contract: one method per entry, nothing else (no ipcRenderer, no env).
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../shared/api/contract.ts';

const bridge = Object.freeze(Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
));
contextBridge.exposeInMainWorld('wdp', bridge);
