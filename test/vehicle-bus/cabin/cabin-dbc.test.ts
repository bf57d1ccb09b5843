// cabin.dbc as a contract: every message, layout, range, value table and VSS name the code and tools rely on.
import { describe, expect, it } from 'vitest';
import { loadCabinDbc } from '../../../vehicle-bus/cabin/cabin-dbc-file.js';
import { CabinNetwork } from '../../../vehicle-bus/cabin/cabin-network.js';
import { AIRFLOWS, AMBIENT_COLORS } from '../../../vehicle-bus/cabin/vehicle-state.js';
import type { DbcMessage, DbcSignal } from '../../../vehicle-bus/dbc/model.js';

const dbc = loadCabinDbc();
const E2E = new Set(['CHECKSUM', 'COUNTER']);
const isCommand = (m: DbcMessage) => m.id >= 0x300 && m.id < 0x400;
const isStatus = (m: DbcMessage) => m.id >= 0x400 && m.id < 0x500;
const sig = (msg: string, name: string): DbcSignal => {
  const s = dbc.messages.find((m) => m.name === msg)?.signals.find((x) => x.name === name);
  if (!s) throw new Error(`no ${msg}.${name}`);
  return s;
};

describe('cabin.dbc', () => {
  it('defines the nodes and 17 classic 8-byte messages, commands at 0x3xx from HU/TESTER, status at 0x4xx', () => {
    expect(dbc.nodes).toEqual(['HU', 'SEAT_ECU_ROW1', 'SEAT_ECU_ROW2', 'LIGHT_ECU', 'CLIMATE_ECU', 'VEHICLE_ECU', 'TESTER']);
    expect(dbc.messages).toHaveLength(17);
    for (const m of dbc.messages) {
      expect(m.length, m.name).toBe(8);
      expect(m.extended, m.name).toBe(false);
      expect(isCommand(m) || isStatus(m), m.name).toBe(true);
      if (isCommand(m)) expect(['HU', 'TESTER'], m.name).toContain(m.sender);
      else expect(m.sender, m.name).toMatch(/_ECU/);
    }
    expect(dbc.messages.filter(isCommand)).toHaveLength(8);
  });

  it('sends every status message every 100 ms (GenMsgCycleTime) and commands only on demand', () => {
    for (const m of dbc.messages) expect(m.cycleTimeMs ?? 0, m.name).toBe(isStatus(m) ? 100 : 0);
  });

  it('puts CHECKSUM in byte 0 and COUNTER in the low nibble of byte 1 of every message', () => {
    for (const m of dbc.messages) {
      const ck = m.signals.find((s) => s.name === 'CHECKSUM');
      const ct = m.signals.find((s) => s.name === 'COUNTER');
      expect([ck?.startBit, ck?.length, ck?.byteOrder], m.name).toEqual([0, 8, 'little_endian']);
      expect([ct?.startBit, ct?.length, ct?.byteOrder], m.name).toEqual([8, 4, 'little_endian']);
      expect(ck!.comment, m.name).toMatch(/CRC-8 SAE J1850/);
    }
    expect(dbc.comment).toMatch(/polynomial 0x1D, initial value 0xFF, final XOR 0xFF/);
  });

  it('names every data signal after its COVESA VSS path', () => {
    let n = 0;
    for (const m of dbc.messages) {
      for (const s of m.signals) {
        if (E2E.has(s.name)) continue;
        n++;
        expect(s.comment ?? '', `${m.name}.${s.name}`).toMatch(/^Vehicle(\.[A-Z][A-Za-z0-9]*)+(\b|:| )/);
      }
    }
    expect(n).toBe(142 - 2 * 17);
  });

  it('keeps signals inside the frame and apart from each other', () => {
    for (const m of dbc.messages) {
      const used = new Array<string | undefined>(64);
      for (const s of m.signals) {
        expect(s.byteOrder, `${m.name}.${s.name}`).toBe('little_endian');
        for (let b = s.startBit; b < s.startBit + s.length; b++) {
          expect(b, `${m.name}.${s.name}`).toBeLessThan(64);
          expect(used[b], `${m.name}.${s.name} overlaps at bit ${b}`).toBeUndefined();
          used[b] = s.name;
        }
      }
    }
  });

  it('gives every command field a no_request value at its all-ones raw value', () => {
    for (const m of dbc.messages.filter(isCommand)) {
      for (const s of m.signals) {
        if (E2E.has(s.name)) continue;
        expect(s.valueTable?.get(2 ** s.length - 1), `${m.name}.${s.name}`).toBe('no_request');
      }
    }
  });

  it('has the ranges of DESIGN.md on the status signals', () => {
    for (const name of ['HeatLevel', 'VentLevel', 'MassageLevel']) expect([sig('SEAT_Status_Driver', name).minimum, sig('SEAT_Status_Driver', name).maximum]).toEqual([0, 3]);
    for (const name of ['ReclinePos', 'SlidePos']) expect([sig('SEAT_Status_RearRight', name).minimum, sig('SEAT_Status_RearRight', name).maximum]).toEqual([0, 100]);
    expect([sig('LIGHT_Status', 'AmbientBrightness').minimum, sig('LIGHT_Status', 'AmbientBrightness').maximum]).toEqual([0, 100]);
    expect([sig('CLIMATE_Status', 'FanFront').minimum, sig('CLIMATE_Status', 'FanRear').maximum]).toEqual([0, 7]);
    for (const name of ['TempDriver', 'TempPassenger', 'TempRearLeft', 'TempRearRight']) {
      const t = sig('CLIMATE_TempStatus', name);
      expect([t.factor, t.minimum, t.maximum, t.unit]).toEqual([0.5, 16, 30, 'degC']);
      expect(t.offset).not.toBe(0);
      // 16 and 30 must land on whole raw steps.
      expect(Number.isInteger((16 - t.offset) / t.factor) && Number.isInteger((30 - t.offset) / t.factor)).toBe(true);
      expect(sig('HU_ClimateTempCmd', `${name}Req`).factor).toBe(0.5);
    }
    expect(sig('VEHICLE_Status', 'VehicleSpeed').unit).toBe('km/h');
  });

  it('lists the catalog colours and airflows, in the wire order the code uses', () => {
    const labels = (s: DbcSignal) => [...(s.valueTable ?? new Map<number, string>()).entries()].filter(([, l]) => l !== 'no_request').sort((a, b) => a[0] - b[0]).map(([, l]) => l);
    expect(labels(sig('LIGHT_Status', 'AmbientColor'))).toEqual([...AMBIENT_COLORS]);
    expect(labels(sig('HU_LightCmd', 'AmbientColorReq'))).toEqual([...AMBIENT_COLORS]);
    expect(labels(sig('CLIMATE_Status', 'AirflowFront'))).toEqual([...AIRFLOWS]);
    expect(labels(sig('HU_ClimateCmd', 'AirflowRearReq'))).toEqual([...AIRFLOWS]);
    expect(labels(sig('CLIMATE_Status', 'Ac'))).toEqual(['off', 'on']);
  });

  it('is accepted by CabinNetwork, which refuses a DBC whose E2E layout moved', () => {
    expect(() => new CabinNetwork(dbc)).not.toThrow();
    const moved = structuredClone(dbc);
    moved.messages[0]!.signals.find((s) => s.name === 'COUNTER')!.startBit = 12;
    expect(() => new CabinNetwork(moved)).toThrow(/COUNTER must be 8\|4@1\+/);
    const missing = structuredClone(dbc);
    missing.messages = missing.messages.filter((m) => m.name !== 'LIGHT_Status');
    expect(() => new CabinNetwork(missing)).toThrow(/missing message LIGHT_Status/);
  });
});
