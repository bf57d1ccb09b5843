// socketcand ASCII protocol (`< command args >` elements) codec and streaming splitter; pure, no I/O.
import { HEX_BYTE, formatEpochSeconds, formatId, toHex, type CanFrame } from '../frame.js';
import type { DropHandler } from './slcan-protocol.js';

export const SOCKETCAND_DEFAULT_PORT = 29536;
/** Longest legitimate element is well under this (a `send` of 8 bytes is ~45 chars); caps the buffer. */
export const SOCKETCAND_MAX_ELEMENT = 256;

export type SocketcandMessage =
  | { kind: 'hi' | 'ok' | 'rawmode' | 'bcmmode' | 'echo' }
  | { kind: 'open'; iface: string }
  | { kind: 'frame'; frame: CanFrame }
  | { kind: 'send'; frame: CanFrame }
  | { kind: 'error'; text: string }
  | { kind: 'other'; command: string; args: string[] }
  | { kind: 'bad'; reason: string; detail: string };


/** `SEC.USEC` with exactly six fractional digits, as socketcand prints it. */
export const formatSocketcandTime = formatEpochSeconds;

/** Server → client. Empty data leaves two spaces before `>`, which python-can's parser relies on. */
export function encodeSocketcandFrame(frame: CanFrame, timestamp: number): string {
  return `< frame ${formatId(frame)} ${formatSocketcandTime(timestamp)} ${toHex(frame.data)} >`;
}

/** Client → server: `< send ID LEN b0 b1 … >` (LEN and bytes in hex). */
export function encodeSocketcandSend(frame: CanFrame): string {
  let s = `< send ${formatId(frame)} ${frame.data.length.toString(16).toUpperCase()} `;
  for (let i = 0; i < frame.data.length; i++) s += HEX_BYTE[frame.data[i]!]! + ' ';
  return s + '>';
}

const bad = (reason: string, detail: string): SocketcandMessage => ({ kind: 'bad', reason, detail });

/** socketcand marks an extended id by printing all 8 digits; python-can prints ids unpadded, hence the range test. */
function parseId(text: string | undefined): { id: number; extended: boolean } | null {
  if (!text || !/^[0-9A-Fa-f]{1,8}$/.test(text)) return null;
  const id = parseInt(text, 16);
  if (id > 0x1fffffff) return null;
  return { id, extended: text.length === 8 || id > 0x7ff };
}

/** Parses the text between `<` and `>`. Reasons: bad-id, bad-hex, bad-length, bad-timestamp, garbage. */
export function decodeSocketcandElement(inner: string): SocketcandMessage {
  const tokens = inner.trim().split(/\s+/);
  const command = tokens[0] ?? '';
  switch (command) {
    case 'hi': case 'ok': case 'rawmode': case 'bcmmode': case 'echo':
      return { kind: command };
    case 'open':
      return tokens[1] && /^[\w.-]+$/.test(tokens[1]) ? { kind: 'open', iface: tokens[1] } : bad('garbage', `open without interface: "${inner}"`);
    case 'error':
      return { kind: 'error', text: tokens.slice(1).join(' ') };
    case 'frame': {
      const id = parseId(tokens[1]);
      if (!id) return bad('bad-id', `"${inner}"`);
      if (!tokens[2] || !/^\d+(\.\d+)?$/.test(tokens[2])) return bad('bad-timestamp', `"${inner}"`);
      const hex = tokens[3] ?? '';
      if (tokens.length > 4) return bad('bad-length', `extra fields in "${inner}"`);
      if (hex.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(hex)) return bad('bad-hex', `"${inner}"`);
      if (hex.length > 16) return bad('bad-length', `${hex.length / 2} data bytes in "${inner}"`);
      const data = new Uint8Array(hex.length / 2);
      for (let i = 0; i < data.length; i++) data[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
      return { kind: 'frame', frame: { ...id, data, timestamp: Number(tokens[2]) } };
    }
    case 'send': {
      const id = parseId(tokens[1]);
      if (!id) return bad('bad-id', `"${inner}"`);
      if (!tokens[2] || !/^[0-9A-Fa-f]{1,2}$/.test(tokens[2])) return bad('bad-length', `no length in "${inner}"`);
      const len = parseInt(tokens[2], 16);
      const bytes = tokens.slice(3);
      if (len > 8 || bytes.length !== len) return bad('bad-length', `length ${len} but ${bytes.length} data bytes in "${inner}"`);
      const data = new Uint8Array(len);
      for (let i = 0; i < len; i++) {
        if (!/^[0-9A-Fa-f]{1,2}$/.test(bytes[i]!)) return bad('bad-hex', `"${inner}"`);
        data[i] = parseInt(bytes[i]!, 16);
      }
      return { kind: 'send', frame: { ...id, data } };
    }
  }
  if (/^[a-z_]+$/.test(command)) return { kind: 'other', command, args: tokens.slice(1) };
  return bad('garbage', `"${inner}"`);
}

/**
 * Cuts a byte stream into `<…>` elements whatever the read boundaries. Text between elements other
 * than whitespace is `garbage`; an element over the cap is `overlong-element` and skipped up to its `>`;
 * a `<` inside an element means the earlier one never closed (`garbage`).
 */
export class SocketcandSplitter {
  private buf = '';
  private inside = false;
  private discarding = false;

  constructor(
    private readonly onElement: (inner: string) => void,
    private readonly onDrop: DropHandler,
    private readonly maxElement = SOCKETCAND_MAX_ELEMENT,
  ) {}

  push(chunk: Uint8Array | string): void {
    const data = typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    let i = 0;
    while (i < data.length) {
      if (!this.inside) {
        const lt = data.indexOf('<', i);
        const junk = data.slice(i, lt < 0 ? data.length : lt);
        if (junk.trim().length) this.onDrop('garbage', `"${junk.slice(0, 40)}" outside < >`);
        if (lt < 0) return;
        this.inside = true;
        i = lt + 1;
        continue;
      }
      const gt = data.indexOf('>', i);
      const seg = data.slice(i, gt < 0 ? data.length : gt);
      const lt = seg.indexOf('<');
      if (lt >= 0) {
        this.onDrop('garbage', `unterminated element "<${(this.buf + seg.slice(0, lt)).slice(0, 40)}"`);
        this.buf = '';
        this.discarding = false;
        i += lt + 1;
        continue;
      }
      if (gt < 0) {
        if (!this.discarding) {
          this.buf += seg;
          if (this.buf.length > this.maxElement) {
            this.onDrop('overlong-element', `more than ${this.maxElement} chars without ">"`);
            this.buf = '';
            this.discarding = true;
          }
        }
        return;
      }
      const inner = this.buf + seg;
      const skip = this.discarding;
      this.buf = '';
      this.discarding = false;
      this.inside = false;
      i = gt + 1;
      if (skip) continue;
      if (inner.length > this.maxElement) this.onDrop('overlong-element', `${inner.length} chars`);
      else this.onElement(inner);
    }
  }

  /** Call when the stream ends: an open element means the peer vanished mid-frame. */
  end(): void {
    if (this.inside && !this.discarding) this.onDrop('disconnect-mid-frame', `"<${this.buf.slice(0, 40)}" unterminated at end of stream`);
    this.buf = '';
    this.inside = false;
    this.discarding = false;
  }
}
