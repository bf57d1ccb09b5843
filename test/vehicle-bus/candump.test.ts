// candump log format: exact lines, round trips, clear errors, and record → replay between two buses.
import { describe, expect, it } from 'vitest';
import { formatCandumpLine, parseCandumpLine, recordBus, replayLog } from '../../vehicle-bus/candump.js';
import { CodecError } from '../../vehicle-bus/errors.js';
import { VirtualBus } from '../../vehicle-bus/transports/virtual.transport.js';
import type { CanFrame } from '../../vehicle-bus/frame.js';
import { collect, essence } from './transports/transport.suite.js';

const f = (id: number, extended: boolean, bytes: number[], extra: Partial<CanFrame> = {}): CanFrame => ({ id, extended, data: Uint8Array.from(bytes), ...extra });

describe('candump lines', () => {
  it('formats the way candump -l writes', () => {
    expect(formatCandumpLine(f(0x123, false, [0xde, 0xad, 0xbe, 0xef]), 'can0', 1700000000)).toBe('(1700000000.000000) can0 123#DEADBEEF');
    expect(formatCandumpLine(f(0x1abcdef, true, []), 'vcan0', 1.25)).toBe('(1.250000) vcan0 01ABCDEF#');
    expect(formatCandumpLine(f(0x7ff, false, [], { rtr: true }), 'can0', 2)).toBe('(2.000000) can0 7FF#R');
    expect(formatCandumpLine(f(0x7ff, false, [0, 0, 0], { rtr: true }), 'can0', 2)).toBe('(2.000000) can0 7FF#R3');
    expect(formatCandumpLine(f(0x10, false, new Array(12).fill(0x11), { fd: true }), 'can1', 3)).toBe(`(3.000000) can1 010##0${'11'.repeat(12)}`);
    expect(formatCandumpLine(f(0x1, false, [], { timestamp: 5.0000004 }), 'can0')).toBe('(5.000000) can0 001#');
  });

  it('parses what it formats, and the cansend dot spelling', () => {
    const frames = [f(0, false, []), f(0x7ff, false, [1, 2, 3, 4, 5, 6, 7, 8]), f(0x1fffffff, true, [0xff]), f(0x123, false, [0, 0], { rtr: true }), f(0x5, true, new Array(64).fill(9), { fd: true })];
    for (const frame of frames) {
      const e = parseCandumpLine(formatCandumpLine(frame, 'can0', 1700000000.123456));
      expect(e.iface).toBe('can0');
      expect(e.timestamp).toBeCloseTo(1700000000.123456, 6);
      expect(e.frame).toEqual(frame);
    }
    expect(parseCandumpLine('(1.0) can0 123#11.22.33').frame).toEqual(f(0x123, false, [0x11, 0x22, 0x33]));
  });

  it('rejects malformed lines with a CodecError naming the line and the problem', () => {
    const bad: [string, RegExp][] = [
      ['can0 123#00', /expected "\(SECONDS\) IFACE ID#DATA"/],
      ['(1.0) can0 1234#00', /3 \(standard\) or 8 \(extended\)/],
      ['(1.0) can0 800#00', /out of range/],
      ['(1.0) can0 123#0', /pairs of hex/],
      ['(1.0) can0 123#GG', /pairs of hex/],
      ['(1.0) can0 123#112233445566778899', /9 data bytes/],
      ['(1.0) can0 123##0' + '11'.repeat(9), /9 data bytes is not a valid CAN FD/],
      ['(1.0) can0 123#R9', /remote frame/],
    ];
    for (const [line, why] of bad) {
      const err = (() => {
        try {
          parseCandumpLine(line, 7);
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(err, line).toBeInstanceOf(CodecError);
      expect((err as Error).message).toMatch(/^candump line 7: /);
      expect((err as Error).message).toMatch(why);
    }
  });
});

describe('record and replay', () => {
  it('records a burst from one bus and replays it onto another, frame for frame', async () => {
    const source = new VirtualBus();
    const talker = source.attach('talker');
    const tap = source.attach('recorder');
    const lines: string[] = [];
    const recorder = recordBus(tap, { write: (t: string) => lines.push(...t.split('\n').filter(Boolean)) }, 'can0');
    const sent = Array.from({ length: 500 }, (_, i) => f(i % 3 ? i & 0x7ff : (i * 4099) & 0x1fffffff, i % 3 === 0, Array.from({ length: i % 9 }, (_, k) => (i + k) & 0xff)));
    const done = collect(tap, sent.length);
    for (const frame of sent) await talker.send(frame);
    await done;
    recorder.stop();
    expect(recorder.frames()).toBe(500);
    expect(lines[0]).toMatch(/^\(\d+\.\d{6}\) can0 00000000#$/);

    const target = new VirtualBus();
    const player = target.attach('player');
    const listener = target.attach('listener');
    const got = collect(listener, sent.length);
    const result = await replayLog(['# recorded by the test', '', ...lines], player, { realtime: false });
    expect(result.frames).toBe(500);
    expect((await got).map(essence)).toEqual(sent.map(essence));
    await source.dispose();
    await target.dispose();
  });

  it('keeps the recorded gaps in real time, scaled by speed', async () => {
    const bus = new VirtualBus();
    const player = bus.attach();
    const listener = bus.attach();
    const at: number[] = [];
    listener.subscribe(() => at.push(performance.now()));
    const log = ['(100.000000) can0 001#01', '(100.200000) can0 002#02', '(100.400000) can0 003#03'];
    const t0 = performance.now();
    await replayLog(log, player, { realtime: true, speed: 2 });
    await new Promise((r) => setImmediate(r));
    expect(at.length).toBe(3);
    // 0.4 s of log at speed 2 cannot finish in much under 0.2 s after the replay starts (the schedule is anchored
    // there, not at the first frame's delivery, which a loaded machine can delay: first-to-last read 187 ms under
    // load); an upper bound would be a wall-clock test.
    expect(at[2]! - t0).toBeGreaterThanOrEqual(195);
    await bus.dispose();
  });

  it('stops at a malformed line and names it', async () => {
    const bus = new VirtualBus();
    const player = bus.attach();
    await expect(replayLog(['(1.0) can0 001#01', 'garbage'], player, { realtime: false })).rejects.toThrow(/candump line 2/);
    await bus.dispose();
  });
});
