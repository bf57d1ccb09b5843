// Lawicel SLCAN (CAN-over-serial ASCII) codec and streaming line splitter; pure, no I/O.
import { CAN_FD_LENGTHS, HEX_BYTE, formatId, type CanFrame } from '../frame.js';

export const SLCAN_OK = '\r';
export const SLCAN_BELL = '\x07';
/** Longest valid line is an extended FD frame with timestamp (1+8+1+128+4); anything past this is garbage. */
export const SLCAN_MAX_LINE = 160;

/** `Sn` bitrate commands, as in the Lawicel spec. */
export const SLCAN_BITRATES: Record<number, string> = {
  10_000: 'S0', 20_000: 'S1', 50_000: 'S2', 100_000: 'S3', 125_000: 'S4',
  250_000: 'S5', 500_000: 'S6', 750_000: 'S7', 1_000_000: 'S8',
};

export type SlcanLine =
  | { kind: 'frame'; frame: CanFrame }
  /** Any other letter-led line: a command (host → adapter) or a reply such as `V1013`, `z` (adapter → host). */
  | { kind: 'command'; command: string; arg: string }
  | { kind: 'bad'; reason: string; detail: string };

const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;
  HEX_VALUE['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/** Value of `len` hex digits at `start`, or -1 if any is not hex. */
function hexAt(s: string, start: number, len: number): number {
  let v = 0;
  for (let i = start; i < start + len; i++) {
    const c = s.charCodeAt(i);
    const d = c < 128 ? HEX_VALUE[c]! : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** One frame as an SLCAN line including the `\r`; `timestampMs` (0–59999) adds the `Z1` timestamp field. */
export function encodeSlcanFrame(frame: CanFrame, timestampMs?: number): string {
  const len = frame.data.length;
  let head: string;
  let dlc: number;
  if (frame.fd) {
    head = frame.extended ? 'D' : 'd';
    dlc = (CAN_FD_LENGTHS as readonly number[]).indexOf(len);
  } else {
    head = frame.rtr ? (frame.extended ? 'R' : 'r') : frame.extended ? 'T' : 't';
    dlc = len;
  }
  let s = head + formatId(frame) + dlc.toString(16).toUpperCase();
  if (!frame.rtr) for (let i = 0; i < len; i++) s += HEX_BYTE[frame.data[i]!]!;
  if (timestampMs !== undefined) s += HEX_BYTE[(timestampMs >> 8) & 0xff]! + HEX_BYTE[timestampMs & 0xff]!;
  return s + SLCAN_OK;
}

const bad = (reason: string, detail: string): SlcanLine => ({ kind: 'bad', reason, detail });

/** Parses one line (without its terminator). Reasons: bad-length, bad-hex, bad-id, bad-dlc, garbage. */
export function decodeSlcanLine(line: string): SlcanLine {
  const head = line.charAt(0);
  switch (head) {
    case 't': case 'T': case 'r': case 'R': case 'd': case 'D': case 'b': case 'B':
      return decodeFrame(line, head);
  }
  if (/^[A-Za-z][\x20-\x7e]*$/.test(line)) return { kind: 'command', command: head, arg: line.slice(1) };
  return bad('garbage', line);
}

function decodeFrame(line: string, head: string): SlcanLine {
  const extended = head === 'T' || head === 'R' || head === 'D' || head === 'B';
  const rtr = head === 'r' || head === 'R';
  const fd = head === 'd' || head === 'D' || head === 'b' || head === 'B';
  const idLen = extended ? 8 : 3;
  if (line.length < idLen + 2) return bad('bad-length', `truncated frame "${line}"`);
  const id = hexAt(line, 1, idLen);
  if (id < 0) return bad('bad-hex', `id in "${line}"`);
  if (id > (extended ? 0x1fffffff : 0x7ff)) return bad('bad-id', `id ${line.slice(1, 1 + idLen)} out of range`);
  const dlc = hexAt(line, 1 + idLen, 1);
  if (dlc < 0) return bad('bad-hex', `DLC in "${line}"`);
  if (!fd && dlc > 8) return bad('bad-dlc', `DLC ${dlc} > 8 in "${line}"`);
  const len = fd ? CAN_FD_LENGTHS[dlc]! : dlc;
  const dataStart = idLen + 2;
  const rest = line.length - dataStart;
  const dataChars = rtr ? 0 : len * 2;
  // The only legal extra is the 4-digit timestamp an adapter adds after `Z1`.
  if (rest !== dataChars && rest !== dataChars + 4) {
    return bad('bad-length', `DLC ${len} but ${rtr ? rest : (rest / 2).toFixed(1)} ${rtr ? 'extra chars' : 'data bytes'} in "${line}"`);
  }
  const data = new Uint8Array(len);
  for (let i = 0; i < dataChars / 2; i++) {
    const b = hexAt(line, dataStart + i * 2, 2);
    if (b < 0) return bad('bad-hex', `data in "${line}"`);
    data[i] = b;
  }
  if (rest === dataChars + 4 && hexAt(line, dataStart + dataChars, 4) < 0) return bad('bad-hex', `timestamp in "${line}"`);
  const frame: CanFrame = { id, extended, data };
  if (rtr) frame.rtr = true;
  if (fd) frame.fd = true;
  return { kind: 'frame', frame };
}

export type LineHandler = (line: string, terminator: '\r' | '\x07') => void;
export type DropHandler = (reason: string, detail: string) => void;

/**
 * Cuts a byte stream into `\r`- or BEL-terminated lines, whatever the read boundaries. Lines longer
 * than the cap are dropped whole (reason `overlong-line`) so a peer without terminators cannot grow
 * the buffer; a leading `\n` (from CRLF senders) is ignored.
 */
export class SlcanSplitter {
  private buf = '';
  private discarding = false;

  constructor(private readonly onLine: LineHandler, private readonly onDrop: DropHandler, private readonly maxLine = SLCAN_MAX_LINE) {}

  push(chunk: Uint8Array | string): void {
    const data = typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (c !== 13 && c !== 7) continue;
      let line = this.buf.length ? this.buf + data.slice(start, i) : data.slice(start, i);
      this.buf = '';
      start = i + 1;
      if (this.discarding) {
        this.discarding = false;
        continue;
      }
      if (line.length > this.maxLine) {
        this.onDrop('overlong-line', `${line.length} chars without a terminator`);
        continue;
      }
      if (line.charCodeAt(0) === 10) line = line.replace(/^\n+/, '');
      this.onLine(line, c === 13 ? '\r' : '\x07');
    }
    if (start < data.length && !this.discarding) {
      this.buf += data.slice(start);
      if (this.buf.length > this.maxLine) {
        this.onDrop('overlong-line', `more than ${this.maxLine} chars without a terminator`);
        this.buf = '';
        this.discarding = true;
      }
    }
  }

  /** Call when the stream ends: a partial line left over means the peer vanished mid-frame. */
  end(): void {
    const rest = this.buf.replace(/^\n+/, '');
    if (rest.length) this.onDrop('disconnect-mid-frame', `"${rest.slice(0, 40)}" unterminated at end of stream`);
    this.buf = '';
    this.discarding = false;
  }

  /** Characters waiting for a terminator. */
  pending(): number {
    return this.buf.length;
  }
}
