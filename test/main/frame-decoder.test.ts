// The trace decoder: labelled values, and scaled values shown as the DBC's scale expresses them, not as floating-point noise.
import { describe, expect, it } from 'vitest';
import { FrameDecoder } from '../../main/frame-decoder.js';
import { loadCabinNetwork } from '../../vehicle-bus/cabin/cabin-dbc-file.js';
import { compileMessage } from '../../vehicle-bus/dbc/codec.js';

const { dbc } = loadCabinNetwork();
const decoder = new FrameDecoder(dbc);
const message = (name: string) => dbc.messages.find((m) => m.name === name)!;

describe('FrameDecoder', () => {
  it('shows 0.1 °C steps as one decimal (623 × 0.1 − 40 is 22.299999999999997 in floating point)', () => {
    const cabin = message('CLIMATE_CabinTemp');
    const data = compileMessage(cabin).encodeRaw({ CabinTempDriver: 623, CabinTempPassenger: 620, CabinTempRearLeft: 0, CabinTempRearRight: 1650 });
    const frame = { id: cabin.id, extended: false, data };
    expect(decoder.decode(frame)!.signals!.CabinTempDriver).toBeCloseTo(22.3, 9);
    const signals = decoder.toJson(frame, decoder.decode(frame)).signals as Record<string, number>;
    expect(signals).toMatchObject({ CabinTempDriver: 22.3, CabinTempPassenger: 22, CabinTempRearLeft: -40, CabinTempRearRight: 125 });
  });

  it('labels values from the DBC value table', () => {
    const seat = message('HU_SeatCmd_Driver');
    const heatReq = seat.signals.find((s) => s.name === 'HeatReq')!;
    const medium = [...heatReq.valueTable!].find(([, label]) => label === 'medium')![0];
    const frame = { id: seat.id, extended: false, data: compileMessage(seat).encodeRaw({ HeatReq: medium }) };
    expect((decoder.toJson(frame, decoder.decode(frame)).signals as Record<string, unknown>).HeatReq).toBe('medium');
  });
});
