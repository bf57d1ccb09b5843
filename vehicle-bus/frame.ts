// The CAN frame as every transport, codec and tool in the project sees it.

export interface CanFrame {
  /** 11-bit or 29-bit arbitration id. */
  id: number;
  /** True for a 29-bit (extended) id. */
  extended: boolean;
  /** Payload: 0–8 bytes for classic CAN, up to 64 for CAN FD. */
  data: Uint8Array;
  /** CAN FD frame (length may exceed 8). */
  fd?: boolean;
  /** Remote transmission request (no payload bytes, `data.length` is the DLC asked for). */
  rtr?: boolean;
  /** Seconds since the Unix epoch when the frame was seen on the bus; set by the receiving transport. */
  timestamp?: number;
}

export const CAN_FD_LENGTHS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64] as const;

/** Smallest valid CAN FD payload length that holds `n` bytes. */
export function fdLengthFor(n: number): number {
  for (const len of CAN_FD_LENGTHS) if (len >= n) return len;
  throw new RangeError(`CAN FD payload cannot exceed 64 bytes (asked ${n})`);
}

/** Returns a reason the frame is malformed, or null when it is valid. */
export function frameProblem(frame: CanFrame): string | null {
  const maxId = frame.extended ? 0x1fffffff : 0x7ff;
  if (!Number.isInteger(frame.id) || frame.id < 0 || frame.id > maxId) {
    return `id 0x${frame.id.toString(16)} out of range for ${frame.extended ? 'extended' : 'standard'} frame`;
  }
  const len = frame.data.length;
  if (frame.fd) {
    if (!(CAN_FD_LENGTHS as readonly number[]).includes(len)) return `CAN FD length ${len} is not a valid FD length`;
  } else if (len > 8) {
    return `classic CAN length ${len} exceeds 8`;
  }
  return null;
}

export function formatId(frame: Pick<CanFrame, 'id' | 'extended'>): string {
  return frame.id.toString(16).toUpperCase().padStart(frame.extended ? 8 : 3, '0');
}

/** `SEC.USEC` with exactly six fractional digits, as candump logs and socketcand print timestamps. */
export function formatEpochSeconds(seconds: number): string {
  let sec = Math.floor(seconds);
  let usec = Math.round((seconds - sec) * 1e6);
  if (usec >= 1_000_000) {
    sec += 1;
    usec -= 1_000_000;
  }
  return `${sec}.${String(usec).padStart(6, '0')}`;
}

/** Upper-case two-digit hex for every byte value; the text protocols format bytes on hot paths. */
export const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));

export function toHex(data: Uint8Array): string {
  let s = '';
  for (let i = 0; i < data.length; i++) s += HEX_BYTE[data[i]!]!;
  return s;
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new RangeError(`bad hex payload "${hex}"`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
