// The SLCAN codec and splitter on their own: exact encodings, every bad-input reason, reads split anywhere.
import { describe, expect, it } from 'vitest';
import { SlcanSplitter, decodeSlcanLine, encodeSlcanFrame } from '../../../vehicle-bus/transports/slcan-protocol.js';
import type { CanFrame } from '../../../vehicle-bus/frame.js';

const f = (id: number, extended: boolean, bytes: number[], extra: Partial<CanFrame> = {}): CanFrame => ({ id, extended, data: Uint8Array.from(bytes), ...extra });

function split(chunks: string[], max?: number) {
  const lines: string[] = [];
  const drops: string[] = [];
  const s = new SlcanSplitter((line, term) => lines.push(term === '\r' ? line : `${line}<BEL>`), (reason) => drops.push(reason), max);
  for (const c of chunks) s.push(c);
  return { lines, drops, s };
}

describe('SLCAN frame codec', () => {
  it('encodes standard, extended, remote and FD frames', () => {
    expect(encodeSlcanFrame(f(0x123, false, [0xde, 0xad, 0xbe, 0xef]))).toBe('t1234DEADBEEF\r');
    expect(encodeSlcanFrame(f(0x1abcdef, true, []))).toBe('T01ABCDEF0\r');
    expect(encodeSlcanFrame(f(0x7ff, false, [0, 0, 0], { rtr: true }))).toBe('r7FF3\r');
    expect(encodeSlcanFrame(f(0x1, true, [], { rtr: true }))).toBe('R000000010\r');
    expect(encodeSlcanFrame(f(0x10, false, new Array(12).fill(0xaa), { fd: true }))).toBe(`d0109${'AA'.repeat(12)}\r`);
    expect(encodeSlcanFrame(f(0x10, false, [1]), 0x1234)).toBe('t0101011234\r');
  });

  it('decodes what it encodes, in either hex case, with or without a timestamp', () => {
    for (const frame of [f(0, false, []), f(0x7ff, false, [1, 2, 3, 4, 5, 6, 7, 8]), f(0x1fffffff, true, [9]), f(0x55, false, [0, 0], { rtr: true }), f(0x55, true, new Array(64).fill(7), { fd: true })]) {
      const line = encodeSlcanFrame(frame).slice(0, -1);
      expect(decodeSlcanLine(line)).toEqual({ kind: 'frame', frame });
    }
    expect(decodeSlcanLine('t1232abcd')).toEqual({ kind: 'frame', frame: f(0x123, false, [0xab, 0xcd]) });
    expect(decodeSlcanLine('t1231AAEA5F')).toEqual({ kind: 'frame', frame: f(0x123, false, [0xaa]) });
    expect(decodeSlcanLine('b1230')).toEqual({ kind: 'frame', frame: f(0x123, false, [], { fd: true }) });
  });

  it('names what is wrong with a bad line', () => {
    const reason = (line: string) => {
      const m = decodeSlcanLine(line);
      return m.kind === 'bad' ? m.reason : m.kind;
    };
    expect(reason('t1234AABB')).toBe('bad-length'); // DLC 4, 2 bytes
    expect(reason('t1232AABBCC')).toBe('bad-length');
    expect(reason('t12')).toBe('bad-length');
    expect(reason('T1231AA')).toBe('bad-length'); // extended needs 8 id digits
    expect(reason('t1g31AA')).toBe('bad-hex');
    expect(reason('t1231AZ')).toBe('bad-hex');
    expect(reason('t123X')).toBe('bad-hex');
    expect(reason('t1231AAZZZZ')).toBe('bad-hex');
    expect(reason('t8001AA')).toBe('bad-id');
    expect(reason('T200000000')).toBe('bad-id');
    expect(reason('t1239')).toBe('bad-dlc');
    expect(reason('r1232AABBCC')).toBe('bad-length'); // remote frames carry no data (4 extra chars would be a timestamp)
    expect(reason('\x00\x01')).toBe('garbage');
    expect(reason('1234')).toBe('garbage');
    expect(decodeSlcanLine('S6')).toEqual({ kind: 'command', command: 'S', arg: '6' });
    expect(decodeSlcanLine('V1013')).toEqual({ kind: 'command', command: 'V', arg: '1013' });
  });
});

describe('SLCAN splitter', () => {
  it('reassembles lines split at every possible read boundary', () => {
    const stream = 't1231AA\rT01ABCDEF0\r\x07V1013\r';
    for (let cut = 0; cut <= stream.length; cut++) {
      const { lines, drops } = split([stream.slice(0, cut), stream.slice(cut)]);
      expect(lines).toEqual(['t1231AA', 'T01ABCDEF0', '<BEL>', 'V1013']);
      expect(drops).toEqual([]);
    }
    expect(split(stream.split('')).lines).toEqual(['t1231AA', 'T01ABCDEF0', '<BEL>', 'V1013']);
  });

  it('ignores the \\n of CRLF senders and accepts Buffers', () => {
    const lines: string[] = [];
    const s = new SlcanSplitter((l) => lines.push(l), () => undefined);
    s.push(Buffer.from('O\r\nt1230\r\n'));
    expect(lines).toEqual(['O', 't1230']);
  });

  it('drops an over-long line whole, keeps the buffer bounded, and resumes after its terminator', () => {
    const { lines, drops, s } = split(['t1231AA\r', 'x'.repeat(100), 'y'.repeat(100)], 160);
    expect(drops).toEqual(['overlong-line']);
    expect(s.pending()).toBe(0);
    s.push('z'.repeat(10_000));
    expect(s.pending()).toBe(0);
    s.push('tail\rt3210\r');
    expect(lines).toEqual(['t1231AA', 't3210']);
    expect(drops).toEqual(['overlong-line']);
    // One long line within a single read is caught too.
    const one = split(['q'.repeat(500) + '\rt1230\r'], 160);
    expect(one.drops).toEqual(['overlong-line']);
    expect(one.lines).toEqual(['t1230']);
  });

  it('counts a partial line at end of stream as a mid-frame disconnect', () => {
    const { drops, s } = split(['t1231AA\rt45']);
    s.end();
    expect(drops).toEqual(['disconnect-mid-frame']);
    const clean = split(['t1231AA\r']);
    clean.s.end();
    expect(clean.drops).toEqual([]);
  });
});
