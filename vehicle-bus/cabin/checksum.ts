// E2E protection of cabin frames: CRC-8 SAE J1850 checksum in byte 0 and a 4-bit rolling counter in byte 1.

/** Byte 0 of every cabin frame holds the checksum; the low nibble of byte 1 holds the counter (cabin.dbc). */
export const CHECKSUM_BYTE = 0;
export const COUNTER_BYTE = 1;
export const COUNTER_MODULO = 16;
/** Largest forward jump still accepted: up to 7 lost frames in between. */
export const MAX_COUNTER_JUMP = 8;

const TABLE = buildTable(0x1d);

function buildTable(poly: number): Uint8Array {
  const table = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ poly) & 0xff : (crc << 1) & 0xff;
    table[i] = crc;
  }
  return table;
}

/** CRC-8 SAE J1850 (poly 0x1D, init 0xFF, xor-out 0xFF), the AUTOSAR Crc_CalculateCRC8 algorithm. */
export function crc8J1850(bytes: ArrayLike<number>, start = 0, end = bytes.length): number {
  let crc = 0xff;
  for (let i = start; i < end; i++) crc = TABLE[(crc ^ bytes[i]!) & 0xff]!;
  return crc ^ 0xff;
}

/**
 * The cabin checksum: CRC over the id (low byte, high byte) then payload bytes 1..end. The id is
 * included, as AUTOSAR E2E profile 1 does with its data id, so a bit flip in the arbitration id that
 * turns one message into another is caught too.
 */
export function cabinChecksum(id: number, data: Uint8Array): number {
  let crc = 0xff;
  crc = TABLE[(crc ^ (id & 0xff)) & 0xff]!;
  crc = TABLE[(crc ^ ((id >> 8) & 0xff)) & 0xff]!;
  for (let i = CHECKSUM_BYTE + 1; i < data.length; i++) crc = TABLE[(crc ^ data[i]!) & 0xff]!;
  return crc ^ 0xff;
}

/** Writes counter and checksum into a frame payload in place (other bits of byte 1 are kept). */
export function protect(id: number, data: Uint8Array, counter: number): Uint8Array {
  data[COUNTER_BYTE] = (data[COUNTER_BYTE]! & 0xf0) | (counter & 0x0f);
  data[CHECKSUM_BYTE] = cabinChecksum(id, data);
  return data;
}

export function readCounter(data: Uint8Array): number {
  return data[COUNTER_BYTE]! & 0x0f;
}

export function checksumOk(id: number, data: Uint8Array): boolean {
  return data.length > COUNTER_BYTE && data[CHECKSUM_BYTE] === cabinChecksum(id, data);
}

/** Rolling counter a sender keeps per message id. */
export class CounterSource {
  private readonly next = new Map<number, number>();

  take(id: number): number {
    const n = this.next.get(id) ?? 0;
    this.next.set(id, (n + 1) % COUNTER_MODULO);
    return n;
  }
}

export type CounterVerdict = 'ok' | 'repeated' | 'out-of-sequence';

/**
 * Receiver-side counter check per message id. A repeat of the last accepted counter is a stale or
 * replayed frame; a jump beyond MAX_COUNTER_JUMP (including going backwards) is out of sequence.
 * A restarted sender begins again at 0, so after one out-of-sequence frame the next frame that
 * follows it in sequence is accepted and becomes the new reference.
 */
export class CounterCheck {
  private readonly last = new Map<number, number>();
  private readonly candidate = new Map<number, number>();

  check(id: number, counter: number): CounterVerdict {
    const last = this.last.get(id);
    if (last === undefined) return this.accept(id, counter);
    const delta = (counter - last + COUNTER_MODULO) % COUNTER_MODULO;
    if (delta === 0) return 'repeated';
    if (delta <= MAX_COUNTER_JUMP) return this.accept(id, counter);
    const cand = this.candidate.get(id);
    if (cand !== undefined && (cand + 1) % COUNTER_MODULO === counter) return this.accept(id, counter);
    this.candidate.set(id, counter);
    return 'out-of-sequence';
  }

  /** Forget history (e.g. after the peer was silent long enough to have restarted). */
  reset(id?: number): void {
    if (id === undefined) {
      this.last.clear();
      this.candidate.clear();
    } else {
      this.last.delete(id);
      this.candidate.delete(id);
    }
  }

  private accept(id: number, counter: number): 'ok' {
    this.last.set(id, counter);
    this.candidate.delete(id);
    return 'ok';
  }
}
