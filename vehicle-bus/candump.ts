// Record and replay in candump's log format, `(1700000000.000000) can0 123#DEADBEEF`, the CAN ecosystem's trace format.
import { CAN_FD_LENGTHS, formatEpochSeconds, formatId, toHex, type CanFrame } from './frame.js';
import { CodecError } from './errors.js';
import type { Transport } from './transport.js';

export interface CandumpEntry {
  timestamp: number;
  iface: string;
  frame: CanFrame;
}


/** One log line (no newline). Extended ids print 8 digits, RTR `123#R` (`#R4` with a DLC), CAN FD `123##<flags><data>`. */
export function formatCandumpLine(frame: CanFrame, iface: string, timestamp = frame.timestamp ?? Date.now() / 1000): string {
  const id = formatId(frame);
  const data = toHex(frame.data);
  let body: string;
  if (frame.fd) body = `#0${data}`; // flags nibble: no BRS/ESI, which CanFrame does not carry
  else if (frame.rtr) body = frame.data.length ? `R${frame.data.length}` : 'R';
  else body = data;
  return `(${formatEpochSeconds(timestamp)}) ${iface} ${id}#${body}`;
}

const LINE = /^\((\d+(?:\.\d+)?)\)\s+(\S+)\s+([0-9A-Fa-f]+)#(.*)$/;

/** Parses one line; throws CodecError naming the line (when given) and what is wrong. */
export function parseCandumpLine(line: string, lineNumber?: number): CandumpEntry {
  const where = lineNumber !== undefined ? `candump line ${lineNumber}` : 'candump line';
  const fail = (why: string) => new CodecError(`${where}: ${why}: "${line.length > 80 ? line.slice(0, 80) + '…' : line}"`);
  const m = LINE.exec(line.trim());
  if (!m) throw fail('expected "(SECONDS) IFACE ID#DATA"');
  const [, ts, iface, idText, rest] = m as unknown as [string, string, string, string, string];
  if (idText.length !== 3 && idText.length !== 8) throw fail('id must have 3 (standard) or 8 (extended) hex digits');
  const extended = idText.length === 8;
  const id = parseInt(idText, 16);
  if (id > (extended ? 0x1fffffff : 0x7ff)) throw fail(`id ${idText} out of range`);
  const frame: CanFrame = { id, extended, data: new Uint8Array(0) };
  let hex: string;
  if (rest.startsWith('#')) {
    if (!/^#[0-9A-Fa-f]/.test(rest)) throw fail('CAN FD frame needs a flags digit after "##"');
    frame.fd = true;
    hex = rest.slice(2);
  } else if (/^[Rr]/.test(rest)) {
    if (!/^[Rr][0-8]?$/.test(rest)) throw fail('remote frame is "#R" with an optional DLC digit 0–8');
    frame.rtr = true;
    frame.data = new Uint8Array(rest.length > 1 ? Number(rest[1]) : 0);
    return { timestamp: Number(ts), iface, frame };
  } else {
    hex = rest;
  }
  hex = hex.replace(/\./g, ''); // cansend allows dots between bytes
  if (hex.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(hex)) throw fail('data must be pairs of hex digits');
  const len = hex.length / 2;
  if (frame.fd ? !(CAN_FD_LENGTHS as readonly number[]).includes(len) : len > 8) {
    throw fail(`${len} data bytes is not a valid ${frame.fd ? 'CAN FD' : 'classic CAN'} length`);
  }
  frame.data = new Uint8Array(len);
  for (let i = 0; i < len; i++) frame.data[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return { timestamp: Number(ts), iface, frame };
}

export interface Recorder {
  /** Frames written so far. */
  frames(): number;
  stop(): void;
}

/** Writes every frame the transport receives to `out` as candump lines (the transport's own sends are not seen). */
export function recordBus(transport: Transport, out: { write(text: string): unknown }, iface = 'can0'): Recorder {
  let count = 0;
  const off = transport.subscribe((frame) => {
    out.write(formatCandumpLine(frame, iface) + '\n');
    count++;
  });
  return { frames: () => count, stop: off };
}

export interface ReplayOptions {
  /** Keep the recorded gaps between frames (divided by `speed`); otherwise send as fast as the transport takes them. */
  realtime: boolean;
  speed?: number;
}

/** Sends each logged frame; blank lines and `#` comments are skipped, a malformed line stops the replay with its number. */
export async function replayLog(
  lines: Iterable<string> | AsyncIterable<string>,
  transport: Transport,
  opts: ReplayOptions,
): Promise<{ frames: number }> {
  const speed = opts.speed ?? 1;
  if (!(speed > 0)) throw new CodecError(`replay speed must be positive (got ${speed})`);
  let first: number | null = null;
  const start = performance.now();
  let n = 0;
  let lineNumber = 0;
  let inFlight: Promise<void>[] = [];
  for await (const raw of lines) {
    lineNumber++;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const { timestamp, frame } = parseCandumpLine(line, lineNumber);
    if (opts.realtime) {
      first ??= timestamp;
      const due = ((timestamp - first) * 1000) / speed - (performance.now() - start);
      if (due > 1) await new Promise((r) => setTimeout(r, due));
    }
    inFlight.push(transport.send(frame));
    n++;
    // Let writes drain now and then instead of queueing a whole log in memory.
    if (inFlight.length >= 1024) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  return { frames: n };
}
