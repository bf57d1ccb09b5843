// The renderer's side of the IPC contract: the same CabinApi over Electron's preload or the headless host's WebSocket, validated on arrival.
import {
  CHANNELS,
  eventProblem,
  replyProblem,
  WS_PATH,
  type AppEvent,
  type CabinApi,
  type Channel,
  type PreloadApi,
  type Reply,
} from '../main/app/ipc-contract.js';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in a browser. */
    cabinIpc?: PreloadApi;
  }
}

export class IpcReplyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Send = (channel: Channel, request: unknown) => Promise<unknown>;

/** Builds the API from a raw request function: every reply is checked against the contract before the UI sees it. */
function apiOver(send: Send, subscribe: (listener: (e: unknown) => void) => () => void): CabinApi {
  const api = {
    onEvent(listener: (e: AppEvent) => void) {
      return subscribe((e) => {
        const problem = eventProblem(e);
        if (problem) console.error(`ignored an event that breaks the contract: ${problem}`);
        else listener(e as AppEvent);
      });
    },
  } as Record<string, unknown>;
  for (const channel of CHANNELS) {
    api[channel] = async (request: unknown) => {
      const reply = await send(channel, request);
      const problem = replyProblem(channel, reply);
      if (problem) throw new IpcReplyError('E_IPC_REPLY', problem);
      const r = reply as Reply;
      if (!r.ok) throw new IpcReplyError(r.error.code, r.error.message);
      return r.response;
    };
  }
  return api as unknown as CabinApi;
}

function overPreload(raw: PreloadApi): CabinApi {
  return apiOver((channel, request) => (raw[channel] as (r: unknown) => Promise<unknown>)(request), (l) => raw.onEvent(l));
}

/** The headless host: one socket, requests matched to replies by id, events to every subscriber. */
async function overWebSocket(url: string): Promise<CabinApi> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error(`cannot connect to the head unit at ${url}`)), { once: true });
  });
  let nextId = 1;
  const waiting = new Map<number, (reply: unknown) => void>();
  const listeners = new Set<(e: unknown) => void>();
  ws.addEventListener('message', (m) => {
    let msg: unknown;
    try {
      msg = JSON.parse(String(m.data));
    } catch {
      console.error('ignored a message that is not JSON');
      return;
    }
    const o = msg as { id?: unknown; reply?: unknown; event?: unknown };
    if (o.event !== undefined) for (const l of listeners) l(o.event);
    else if (typeof o.id === 'number' && waiting.has(o.id)) {
      waiting.get(o.id)!(o.reply);
      waiting.delete(o.id);
    } else if (o.reply) console.error('host reply without a request:', o.reply);
  });
  ws.addEventListener('close', () => {
    for (const resolve of waiting.values()) resolve({ ok: false, error: { code: 'E_IPC_CLOSED', message: 'the head unit closed the connection' } });
    waiting.clear();
    document.body.classList.add('disconnected');
  });
  const send: Send = (channel, request) =>
    new Promise((resolve) => {
      if (ws.readyState !== WebSocket.OPEN) return resolve({ ok: false, error: { code: 'E_IPC_CLOSED', message: 'not connected to the head unit' } });
      const id = nextId++;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, channel, request }));
    });
  return apiOver(send, (l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  });
}

export async function connect(): Promise<CabinApi> {
  if (window.cabinIpc) return overPreload(window.cabinIpc);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return overWebSocket(`${scheme}://${location.host}${WS_PATH}`);
}
