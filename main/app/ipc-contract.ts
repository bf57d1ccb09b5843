// The head-unit app's IPC contract, in one dependency-free file: channels, their request/response types, events, and the runtime validators both sides use.
// Electron's preload, the WebSocket host and the renderer all derive from this file; nothing here may import Node, Electron or the DOM.
import type { Seat, VehicleState } from '../../vehicle-bus/cabin/vehicle-state-types.js';

export type Lang = 'en' | 'zh';
export const SEAT_NAMES: readonly Seat[] = ['driver', 'passenger', 'rear_left', 'rear_right'];

/** One conversation turn as the UI shows it: what was said, understood, sent, confirmed, answered. */
export interface TurnView {
  turn: string;
  speaker: Seat;
  text: string;
  lang: Lang;
  style: string;
  /** Each intent as one line, e.g. `seat.heat self value="on"`. */
  understood: string[];
  /** What the car's status frames showed per requested change, e.g. `seats.driver.heat: confirmed = 2`. */
  confirmed: string[];
  reply: string;
  /** End of typing (the request) to the first CAN frame; null when nothing was sent. */
  latencyMs: number | null;
  /** Wall clock when the turn was served (ms since epoch). */
  at: number;
}

/** One frame on the bus, decoded with the DBC. */
export interface TraceFrame {
  seq: number;
  /** Seconds since the epoch. */
  t: number;
  id: string;
  data: string;
  /** Message name from the DBC, absent for ids it does not define. */
  name?: string;
  sender?: string;
  signals?: Record<string, number | string>;
  error?: string;
}

export interface EcuFaultView {
  silent: boolean;
  lateMs: number;
  limits: Record<string, number>;
}

export interface FaultView {
  ecus: Record<string, EcuFaultView>;
  bus: { dropPct: number; corruptPct: number };
  /** `ECU:silent`-style specs of what is active now; empty when the car is healthy. */
  active: string[];
}

/** A style as edited in the tuner; the core validates it fully (styleProblems) before preview or save. */
export type StyleDraft = Record<string, unknown>;

export interface PreviewRow {
  situation: string;
  draft: string;
  compare: string;
}

/** Which car the app drives: its own simulated one, or an external bus whose speed and faults are not the app's to set. */
export type BusView = { kind: 'simulated' } | { kind: 'external'; uri: string };
/** The head unit's connection to the bus (a Transport's state): an engineer must see at once when a cable or socket drops. */
export type LinkState = 'opening' | 'open' | 'closed' | 'error';
export const LINK_STATES: readonly LinkState[] = ['opening', 'open', 'closed', 'error'];

export interface Snapshot {
  state: VehicleState;
  seatStyles: Record<Seat, string>;
  styleNames: string[];
  faults: FaultView;
  /** Each ECU's limit names, for the fault panel. */
  ecuLimits: Record<string, string[]>;
  conversation: TurnView[];
  trace: TraceFrame[];
  userStylesDir: string;
  model: string;
  /** Why push-to-talk is unavailable (no microphone configured), or null when it works. */
  talkUnavailable: string | null;
  bus: BusView;
  link: LinkState;
}

/** Every request channel: what the renderer sends and what it gets back. */
export interface Channels {
  snapshot: { request: Record<string, never>; response: Snapshot };
  say: { request: { utterances: { speaker: Seat; text: string }[] }; response: { turns: TurnView[] } };
  setSpeed: { request: { speedKph: number }; response: { speedKph: number } };
  applyFault: { request: { spec: string }; response: FaultView };
  clearFaults: { request: Record<string, never>; response: FaultView };
  exportTrace: { request: { filter: string }; response: { fileName: string; text: string; frames: number } };
  setSeatStyle: { request: { seat: Seat; style: string }; response: { seatStyles: Record<Seat, string> } };
  /** A style as a draft, with the base phrases its overrides replace (the phrase editor offers their keys and shows their text). */
  getStyle: { request: { name: string }; response: { style: StyleDraft; basePhrases: Record<Lang, Record<string, string>> } };
  previewStyle: { request: { draft: StyleDraft; compare: string; lang: Lang }; response: { problems: string[]; rows: PreviewRow[] } };
  saveStyle: { request: { draft: StyleDraft }; response: { path: string; styleNames: string[] } };
  /** Push-to-talk: the head unit's microphones capture for this seat until talkStop. */
  talkStart: { request: { speaker: Seat }; response: { listening: true } };
  talkStop: { request: Record<string, never>; response: { turns: TurnView[] } };
}
export type Channel = keyof Channels;
export type RequestOf<C extends Channel> = Channels[C]['request'];
export type ResponseOf<C extends Channel> = Channels[C]['response'];

/** Pushed from the host to every window. */
export type AppEvent =
  | { type: 'state'; state: VehicleState; paths: string[] }
  | { type: 'trace'; frames: TraceFrame[] }
  | { type: 'turn'; turn: TurnView }
  | { type: 'faults'; faults: FaultView }
  | { type: 'styles'; styleNames: string[]; seatStyles: Record<Seat, string> }
  | { type: 'link'; state: LinkState };

export interface IpcError {
  code: 'E_IPC_MALFORMED' | 'E_IPC_UNKNOWN_CHANNEL' | 'E_IPC_INVALID' | string;
  message: string;
}
/** What a handler sends back on every channel: thrown errors never cross the boundary raw. */
export type Reply<C extends Channel = Channel> = { ok: true; response: ResponseOf<C> } | { ok: false; error: IpcError };

/** The API a renderer sees: one method per request channel, one for the event channel. */
export type CabinApi = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> } & {
  onEvent(listener: (event: AppEvent) => void): () => void;
};

/**
 * What Electron's preload exposes as `window.cabinIpc`: one method per channel, returning the raw reply
 * envelope, so the renderer validates replies and events the same way for Electron and the WebSocket.
 */
export type PreloadApi = { [C in Channel]: (request: RequestOf<C>) => Promise<Reply<C>> } & {
  onEvent(listener: (event: unknown) => void): () => void;
};

/** Electron channel names: request channels are prefixed so they cannot clash with Electron's own. */
export const ipcChannelName = (c: Channel): string => `cabin:${c}`;
export const EVENT_CHANNEL = 'cabin:event';

/**
 * A sandboxed preload cannot load project modules, so main hands it the channel names as one
 * command-line argument derived from this file (see preloadArgument) instead of a hand-kept copy.
 */
export const PRELOAD_ARG = '--cabin-ipc=';
export interface PreloadChannels {
  requests: Record<string, string>;
  event: string;
}
export function preloadArgument(): string {
  const requests = Object.fromEntries(CHANNELS.map((c) => [c, ipcChannelName(c)]));
  return PRELOAD_ARG + JSON.stringify({ requests, event: EVENT_CHANNEL } satisfies PreloadChannels);
}
/** The WebSocket path of the headless host. */
export const WS_PATH = '/ipc';

/**
 * The trace filter, shared by the trace view and the export so a log holds exactly what was on screen: space-separated words, each matching the hex id, the
 * message name, the sender or a signal name (case-insensitive); a leading `-` excludes. Empty matches all.
 */
export function traceFilter(text: string): (f: TraceFrame) => boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return () => true;
  return (f) => {
    const hay = [f.id.toLowerCase(), (f.name ?? '').toLowerCase(), (f.sender ?? '').toLowerCase(), ...Object.keys(f.signals ?? {}).map((k) => k.toLowerCase())].join(' ');
    return words.every((w) => (w.startsWith('-') && w.length > 1 ? !hay.includes(w.slice(1)) : hay.includes(w)));
  };
}

// ---- validators -------------------------------------------------------------------------------

/** Returns a problem (`path: reason`) or null. */
type Check = (v: unknown, path: string) => string | null;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (max: number, min = 0): Check => (v, p) =>
  typeof v === 'string' && v.length >= min && v.length <= max ? null : `${p}: text of ${min}–${max} characters`;
const num = (min: number, max: number): Check => (v, p) =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? null : `${p}: a number from ${min} to ${max}`;
const oneOf = (values: readonly string[]): Check => (v, p) => (values.includes(v as string) ? null : `${p}: one of ${values.join(', ')}`);
const arr = (item: Check, min: number, max: number): Check => (v, p) => {
  if (!Array.isArray(v) || v.length < min || v.length > max) return `${p}: a list of ${min}–${max} items`;
  for (let i = 0; i < v.length; i++) {
    const e = item(v[i], `${p}[${i}]`);
    if (e) return e;
  }
  return null;
};
/** An object with exactly these fields (`?` suffix: optional); unknown fields are an error, so typos do not pass silently. */
const obj = (fields: Record<string, Check>): Check => (v, p) => {
  if (!isObj(v)) return `${p}: an object`;
  const known = new Map(Object.entries(fields).map(([k, c]) => [k.replace(/\?$/, ''), { c, optional: k.endsWith('?') }]));
  for (const k of Object.keys(v)) if (!known.has(k)) return `${p}.${k}: unknown field`;
  for (const [k, { c, optional }] of known) {
    if (v[k] === undefined) {
      if (optional) continue;
      return `${p}.${k}: missing`;
    }
    const e = c(v[k], `${p}.${k}`);
    if (e) return e;
  }
  return null;
};
/** Any plain JSON object under a size limit; its meaning is checked by the core. */
const jsonObject = (maxChars: number): Check => (v, p) => {
  if (!isObj(v)) return `${p}: an object`;
  return JSON.stringify(v).length <= maxChars ? null : `${p}: larger than ${maxChars} characters`;
};
/** Only the fields the receiver reads are checked; extra fields from a newer host are tolerated. */
const has = (fields: Record<string, Check>): Check => (v, p) => {
  if (!isObj(v)) return `${p}: an object`;
  for (const [k, c] of Object.entries(fields)) {
    const e = c(v[k], `${p}.${k}`);
    if (e) return e;
  }
  return null;
};
const any: Check = () => null;
const list: Check = (v, p) => (Array.isArray(v) ? null : `${p}: a list`);
const record: Check = (v, p) => (isObj(v) ? null : `${p}: an object`);

const seat = oneOf(SEAT_NAMES);
const strings: Check = (v, p) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : `${p}: a list of text`);
const nullableNum: Check = (v, p) => (v === null || (typeof v === 'number' && Number.isFinite(v)) ? null : `${p}: a number or null`);
/** A turn is what the conversation view draws field by field, so every field it reads is checked. */
const turnView = has({
  turn: str(64, 1),
  speaker: seat,
  text: str(2000),
  lang: oneOf(['en', 'zh']),
  style: str(32, 1),
  understood: strings,
  confirmed: strings,
  reply: str(2000),
  latencyMs: nullableNum,
  at: num(0, Number.MAX_SAFE_INTEGER),
});
const turnList = arr(turnView, 0, 8);
const empty = obj({});
const faultView = has({ ecus: record, bus: record, active: list });
const textRecord: Check = (v, p) => (isObj(v) && Object.values(v).every((x) => typeof x === 'string') ? null : `${p}: an object of texts`);
const nullableStr = (max: number): Check => (v, p) => (v === null ? null : str(max)(v, p));
/** Exactly one of the two shapes, so a renderer never enables the tester's controls on a half-described bus. */
const busView: Check = (v, p) => {
  if (!isObj(v)) return `${p}: an object`;
  if (v.kind === 'simulated') return obj({ kind: any })(v, p);
  if (v.kind === 'external') return obj({ kind: any, uri: str(500, 1) })(v, p);
  return `${p}.kind: one of simulated, external`;
};
const seatStyles = obj(Object.fromEntries(SEAT_NAMES.map((s) => [s, str(32, 1)])));

const REQUESTS: { [C in Channel]: Check } = {
  snapshot: empty,
  say: obj({ utterances: arr(obj({ speaker: seat, text: str(300, 1) }), 1, 4) }),
  setSpeed: obj({ speedKph: num(0, 250) }),
  applyFault: obj({ spec: str(80, 1) }),
  clearFaults: empty,
  exportTrace: obj({ filter: str(100) }),
  setSeatStyle: obj({ seat, style: str(32, 1) }),
  getStyle: obj({ name: str(32, 1) }),
  previewStyle: obj({ draft: jsonObject(20_000), compare: str(32, 1), lang: oneOf(['en', 'zh']) }),
  saveStyle: obj({ draft: jsonObject(20_000) }),
  talkStart: obj({ speaker: seat }),
  talkStop: empty,
};

const RESPONSES: { [C in Channel]: Check } = {
  snapshot: has({ state: record, seatStyles: record, styleNames: list, faults: faultView, ecuLimits: record, conversation: arr(turnView, 0, 200), trace: list, userStylesDir: str(4096), model: str(4096), talkUnavailable: nullableStr(500), bus: busView, link: oneOf(LINK_STATES) }),
  say: has({ turns: turnList }),
  setSpeed: has({ speedKph: num(0, 250) }),
  applyFault: faultView,
  clearFaults: faultView,
  exportTrace: has({ fileName: str(200, 1), text: any, frames: num(0, Number.MAX_SAFE_INTEGER) }),
  setSeatStyle: has({ seatStyles }),
  getStyle: has({ style: record, basePhrases: obj({ en: textRecord, zh: textRecord }) }),
  previewStyle: has({ problems: list, rows: list }),
  saveStyle: has({ path: str(4096, 1), styleNames: list }),
  talkStart: has({ listening: any }),
  talkStop: has({ turns: turnList }),
};

const EVENTS: Record<AppEvent['type'], Check> = {
  state: has({ state: record, paths: list }),
  trace: has({ frames: list }),
  turn: has({ turn: turnView }),
  faults: has({ faults: faultView }),
  link: has({ state: oneOf(LINK_STATES) }),
  styles: has({ styleNames: list, seatStyles }),
};

export const CHANNELS = Object.keys(REQUESTS) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(REQUESTS, name);
}

/** Checks a request before any handler sees it; the error says which field is wrong. */
export function requestProblem(channel: unknown, request: unknown): IpcError | null {
  if (!isChannel(channel)) return { code: 'E_IPC_UNKNOWN_CHANNEL', message: `unknown channel ${JSON.stringify(channel)} (channels: ${CHANNELS.join(', ')})` };
  const e = REQUESTS[channel](request, channel);
  return e ? { code: 'E_IPC_INVALID', message: e } : null;
}

/** Checks a reply envelope for a channel (the receiving side does this, so a broken host shows as an error, not a blank screen). */
export function replyProblem(channel: Channel, reply: unknown): string | null {
  if (!isObj(reply) || typeof reply.ok !== 'boolean') return `${channel} reply: not a reply envelope`;
  if (!reply.ok) return has({ error: has({ code: str(64, 1), message: str(10_000) }) })(reply, `${channel} reply`);
  return RESPONSES[channel](reply.response, `${channel} response`);
}

export function eventProblem(event: unknown): string | null {
  if (!isObj(event) || typeof event.type !== 'string' || !Object.prototype.hasOwnProperty.call(EVENTS, event.type)) return `event: unknown type ${JSON.stringify(isObj(event) ? event.type : event)}`;
  return EVENTS[event.type as AppEvent['type']](event, `event ${event.type}`);
}

// ---- the WebSocket framing of the same contract -----------------------------------------------

/** Client to host: `{id, channel, request}`. Host to client: `{id, reply}` or `{event}`. */
export interface WireRequest {
  id: number;
  channel: Channel;
  request: unknown;
}
export type WireMessage = { id: number | null; reply: Reply } | { event: AppEvent };

/** Parses one WebSocket text message from a client; a malformed one yields the error to send back (with its id when readable). */
export function parseWireRequest(text: string): { ok: true; message: WireRequest } | { ok: false; id: number | null; error: IpcError } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, id: null, error: { code: 'E_IPC_MALFORMED', message: 'message is not JSON' } };
  }
  const id = isObj(raw) && Number.isSafeInteger(raw.id) ? (raw.id as number) : null;
  const shape = obj({ id: num(0, Number.MAX_SAFE_INTEGER), channel: str(64, 1), 'request?': any })(raw, 'message');
  if (shape) return { ok: false, id, error: { code: 'E_IPC_MALFORMED', message: shape } };
  const m = raw as { id: number; channel: string; request?: unknown };
  const problem = requestProblem(m.channel, m.request ?? {});
  if (problem) return { ok: false, id, error: problem };
  return { ok: true, message: { id: m.id, channel: m.channel as Channel, request: m.request ?? {} } };
}
