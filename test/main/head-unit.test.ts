// The one real-time head-unit builder (`cabin listen`, the app): the simulated car in-process or an external bus,
// and a frame view that holds the head unit's own commands exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import { startHeadUnit, type HeadUnit } from '../../main/run/head-unit.js';
import { StyleBook } from '../../intents/replies/style-book.js';
import type { CanFrame } from '../../vehicle-bus/frame.js';

const styles = StyleBook.load();
const heads: HeadUnit[] = [];
afterEach(async () => {
  await Promise.all(heads.splice(0).map((h) => h.stop()));
});

const heatOn = [{ speaker: 'driver' as const, text: 'warm my seat', intents: [{ intent: 'seat.heat', zone: 'self', value: 'on' } as never] }];

describe('startHeadUnit', () => {
  it('runs the simulated car in-process and sees every command frame it sends, once', async () => {
    const head = await startHeadUnit({ styles });
    heads.push(head);
    expect(head.car).not.toBeNull();
    expect(head.faults).toBe(head.car!.faults);
    expect(await head.waitForCompletePicture()).toBe(true);
    const frames: CanFrame[] = [];
    head.onFrame((f) => frames.push(f));
    const [turn] = await head.dialogue.handle(heatOn);
    expect(turn!.reply).toMatch(/level 2/);
    expect(head.car!.state().seats.driver.heat).toBe(2);
    const ids = new Set(head.network.dbc.messages.filter((m) => m.name.startsWith('HU_')).map((m) => m.id));
    expect(frames.filter((f) => ids.has(f.id))).toHaveLength(head.transport.stats().framesSent);
    // Status frames from the ECUs are in the same view.
    expect(frames.some((f) => !ids.has(f.id))).toBe(true);
  });

  it('on an external bus owns no car and no faults, and says when the picture is incomplete', async () => {
    const head = await startHeadUnit({ styles, bus: 'virtual:head-unit-empty' });
    heads.push(head);
    expect(head.car).toBeNull();
    expect(head.faults).toBeNull();
    expect(await head.waitForCompletePicture(100)).toBe(false);
  });
});
