// The E2E checksum against published and independently computed vectors, and the receiver's counter rules.
import { describe, expect, it } from 'vitest';
import { CounterCheck, CounterSource, cabinChecksum, checksumOk, crc8J1850, protect, readCounter } from '../../../vehicle-bus/cabin/checksum.js';

const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));

describe('CRC-8 SAE J1850', () => {
  it('matches the catalogue check value and the AUTOSAR Crc_CalculateCRC8 vectors', () => {
    // Check value of CRC-8/SAE-J1850 ("123456789") and the AUTOSAR CRC library's table, re-computed with a bitwise python3 CRC.
    expect(crc8J1850(new TextEncoder().encode('123456789'))).toBe(0x4b);
    const vectors: [string, number][] = [
      ['00000000', 0x59],
      ['f20183', 0x37],
      ['0faa0055', 0x79],
      ['00ff5511', 0xb8],
      ['332255aabbccddeeff', 0xcb],
      ['926b55', 0x8c],
      ['ffffffff', 0x74],
    ];
    for (const [data, crc] of vectors) expect(crc8J1850(hex(data)), data).toBe(crc);
  });

  it('covers the id (low byte, high byte) and bytes 1-7, as the DBC comment defines', () => {
    // python3: crc8(bytes([0x10, 0x03]) + bytes.fromhex('00f20fffff0000')) == 0x17
    expect(cabinChecksum(0x310, hex('00' + '00f20fffff0000'))).toBe(0x17);
    expect(cabinChecksum(0x331, hex('00' + '0319ffffff0000'))).toBe(0x22);
    expect(cabinChecksum(0x420, hex('00' + '00100832000000'))).toBe(0x0a);
    // Byte 0 is the checksum's own place and does not feed it.
    expect(cabinChecksum(0x310, hex('aa00f20fffff0000'))).toBe(0x17);
  });

  it('protect() writes counter and checksum; any single bit flip, in payload or id, is caught', () => {
    const data = protect(0x310, hex('00f0f20fffff0000'), 5);
    expect(readCounter(data)).toBe(5);
    expect(data[1]).toBe(0xf5); // the high nibble of byte 1 is kept
    expect(checksumOk(0x310, data)).toBe(true);
    for (let bit = 0; bit < 64; bit++) {
      const bad = data.slice();
      bad[bit >> 3]! ^= 1 << (bit & 7);
      expect(checksumOk(0x310, bad), `bit ${bit}`).toBe(false);
    }
    for (let bit = 0; bit < 11; bit++) expect(checksumOk(0x310 ^ (1 << bit), data), `id bit ${bit}`).toBe(false);
    expect(checksumOk(0x310, new Uint8Array(0))).toBe(false);
  });
});

describe('rolling counter', () => {
  it('a sender counts 0..15 per message id and wraps', () => {
    const src = new CounterSource();
    const seen = Array.from({ length: 18 }, () => src.take(0x310));
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1]);
    expect(src.take(0x320)).toBe(0);
  });

  it('a receiver accepts the first frame, steps and small gaps, and refuses repeats and jumps back', () => {
    const c = new CounterCheck();
    expect(c.check(1, 9)).toBe('ok');
    expect(c.check(1, 9)).toBe('repeated');
    expect(c.check(1, 10)).toBe('ok');
    expect(c.check(1, 2)).toBe('ok'); // 10 -> 2 is +8 across the wrap: up to 7 frames lost
    expect(c.check(1, 1)).toBe('out-of-sequence'); // one step back: an old frame
    expect(c.check(2, 1)).toBe('ok'); // ids are independent
  });

  it('resynchronises on a restarted sender after one refused frame', () => {
    const c = new CounterCheck();
    for (const n of [4, 5, 6, 7]) expect(c.check(7, n)).toBe('ok');
    expect(c.check(7, 0)).toBe('out-of-sequence'); // sender restarted at 0: -7
    expect(c.check(7, 1)).toBe('ok');
    expect(c.check(7, 2)).toBe('ok');
    // A lone replayed old frame does not resync: the next genuine frame is still in sequence.
    expect(c.check(7, 14)).toBe('out-of-sequence');
    expect(c.check(7, 3)).toBe('ok');
    c.reset(7);
    expect(c.check(7, 3)).toBe('ok');
  });
});
