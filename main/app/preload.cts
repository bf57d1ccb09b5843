// Electron preload (sandboxed, CommonJS): exposes one method per IPC channel as window.cabinIpc, never ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PreloadApi, PreloadChannels } from './ipc-contract.js';

// The channel names come from main (derived from ipc-contract.ts); a sandboxed preload cannot require project files.
const arg = process.argv.find((a) => a.startsWith('--cabin-ipc='));
const channels: PreloadChannels = arg ? JSON.parse(arg.slice('--cabin-ipc='.length)) : { requests: {}, event: '' };

const api: Record<string, unknown> = {
  onEvent(listener: (event: unknown) => void): () => void {
    const handler = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on(channels.event, handler);
    return () => ipcRenderer.removeListener(channels.event, handler);
  },
};
for (const [name, ipcName] of Object.entries(channels.requests)) {
  // Only the request object crosses; main validates it against the contract before any handler runs.
  api[name] = (request: unknown) => ipcRenderer.invoke(ipcName, request);
}

contextBridge.exposeInMainWorld('cabinIpc', api as PreloadApi);
