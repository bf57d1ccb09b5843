// Turns raw frames into named messages and labelled signal values for traces (CLI dump, UI trace).
import type { Dbc, DbcMessage } from '../vehicle-bus/dbc/model.js';
import { compileMessage } from '../vehicle-bus/dbc/codec.js';
import { formatId, toHex, type CanFrame } from '../vehicle-bus/frame.js';

export interface DecodedFrame {
  message: DbcMessage;
  /** Physical values by signal name; undefined when the payload is too short for the message. */
  signals?: Record<string, number>;
  error?: string;
}

export class FrameDecoder {
  private readonly byKey = new Map<string, { message: DbcMessage; codec: ReturnType<typeof compileMessage> }>();
  private readonly names = new Set<string>();

  constructor(dbc: Dbc) {
    for (const message of dbc.messages) {
      this.byKey.set(key(message.id, message.extended), { message, codec: compileMessage(message) });
      this.names.add(message.name);
    }
  }

  hasMessage(name: string): boolean {
    return this.names.has(name);
  }

  decode(frame: CanFrame): DecodedFrame | undefined {
    const entry = this.byKey.get(key(frame.id, frame.extended));
    if (!entry) return undefined;
    if (frame.data.length < entry.message.length) {
      return { message: entry.message, error: `length ${frame.data.length}, DBC says ${entry.message.length}` };
    }
    return { message: entry.message, signals: entry.codec.decode(frame.data) };
  }

  toJson(frame: CanFrame, decoded: DecodedFrame | undefined): Record<string, unknown> {
    return {
      t: frame.timestamp,
      id: `0x${formatId(frame)}`,
      data: toHex(frame.data),
      ...(decoded ? { name: decoded.message.name } : {}),
      ...(decoded?.signals ? { signals: labelled(decoded) } : {}),
      ...(decoded?.error ? { error: decoded.error } : {}),
    };
  }
}

function key(id: number, extended: boolean): string {
  return `${extended ? 'x' : 's'}${id}`;
}

/** Signal values with value-table labels where the DBC gives one (`HeatReq: "level_2"`). */
function labelled(decoded: DecodedFrame): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const s of decoded.message.signals) {
    const v = decoded.signals?.[s.name];
    if (v === undefined) continue;
    const raw = Math.round((v - s.offset) / s.factor);
    out[s.name] = s.valueTable?.get(raw) ?? roundToScale(v, s.factor, s.offset);
  }
  return out;
}

export function formatDecodedFrame(frame: CanFrame, decoded: DecodedFrame | undefined): string {
  const t = frame.timestamp !== undefined ? new Date(frame.timestamp * 1000).toISOString().slice(11, 23) : '--:--:--.---';
  const head = `${t}  ${formatId(frame).padStart(8)}  [${frame.data.length}] ${toHex(frame.data).replace(/(..)(?!$)/g, '$1 ').padEnd(23)}`;
  if (!decoded) return `${head}  (not in DBC)`;
  if (decoded.error) return `${head}  ${decoded.message.name}  !! ${decoded.error}`;
  const parts = Object.entries(labelled(decoded)).map(([k, v]) => `${k}=${v}`);
  return `${head}  ${decoded.message.name}  ${parts.join(' ')}`;
}

/** A trace shows what the DBC's scale can express: 22.3, not the 22.299999999999997 that 0.1 × 623 − 40 gives in floating point. */
function roundToScale(v: number, factor: number, offset: number): number {
  const decimals = Math.min(9, Math.max(decimalsOf(factor), decimalsOf(offset)));
  return Number(v.toFixed(decimals));
}

function decimalsOf(n: number): number {
  const [mantissa, exponent] = String(n).split('e');
  return Math.max(0, (mantissa!.split('.')[1]?.length ?? 0) - Number(exponent ?? 0));
}
