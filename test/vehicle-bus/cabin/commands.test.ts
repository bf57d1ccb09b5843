// Command frames: exact bytes against an independent computation, no_request for untouched fields, counters, decoding back.
import { describe, expect, it } from 'vitest';
import { loadCabinNetwork } from '../../../vehicle-bus/cabin/cabin-dbc-file.js';
import { CommandEncoder, decodeClimateRequest, decodeLightRequest, decodeSeatRequest } from '../../../vehicle-bus/cabin/commands.js';
import { toHex } from '../../../vehicle-bus/frame.js';

const network = loadCabinNetwork();

describe('CommandEncoder', () => {
  it('builds the exact bytes of a seat heat command (layout and CRC computed independently in python3)', () => {
    const enc = new CommandEncoder(network);
    const [f] = enc.seat('driver', { heat: 2 });
    // byte2 = vent no_request (F) | heat 2; byte3 = massage no_request; bytes 4-5 recline/slide no_request.
    expect(f).toMatchObject({ id: 0x310, extended: false });
    expect(toHex(f!.data)).toBe('1700F20FFFFF0000');
  });

  it('encodes a half-degree set point with factor 0.5 and offset 10, other zones no_request', () => {
    const enc = new CommandEncoder(network);
    for (let i = 0; i < 3; i++) enc.climate({ temp: { passenger: 20 } });
    const frames = enc.climate({ temp: { driver: 22.5 } });
    expect(frames).toHaveLength(1);
    expect(frames[0]!.id).toBe(0x331);
    expect(toHex(frames[0]!.data)).toBe('220319FFFFFF0000'); // counter 3, raw 25 = (22.5 - 10) / 0.5
  });

  it('keeps one rolling counter per message and wraps after 15', () => {
    const enc = new CommandEncoder(network);
    const counters = Array.from({ length: 17 }, () => enc.lights({ dome: true })[0]!.data[1]! & 0x0f);
    expect(counters.slice(0, 3)).toEqual([0, 1, 2]);
    expect(counters[16]).toBe(0);
    expect(enc.seat('passenger', { vent: 1 })[0]!.data[1]! & 0x0f).toBe(0);
  });

  it('sends nothing for an empty request, and splits climate into mode and set-point frames only as needed', () => {
    const enc = new CommandEncoder(network);
    expect(enc.seat('driver', {})).toEqual([]);
    expect(enc.lights({})).toEqual([]);
    expect(enc.climate({}).length).toBe(0);
    expect(enc.climate({ ac: true }).map((f) => f.id)).toEqual([0x330]);
    expect(enc.climate({ ac: true, temp: { rear_left: 19 } }).map((f) => f.id)).toEqual([0x330, 0x331]);
    expect(enc.frames({ kind: 'vehicle', speed_kph: 80 }).map((f) => f.id)).toEqual([0x3f0]);
  });

  it('round-trips through the ECU-side decoders, leaving unnamed fields out', () => {
    const enc = new CommandEncoder(network);
    const seat = enc.seat('rear_right', { massage: 1, slide: 75 })[0]!;
    expect(decodeSeatRequest(network, 'rear_right', network.decode(network.lookup(seat)!, seat.data))).toEqual({ massage: 1, slide: 75 });
    const light = enc.lights({ reading: { passenger: true, driver: false }, ambient: { color: 'cyan' } })[0]!;
    expect(decodeLightRequest(network, network.decode(network.lookup(light)!, light.data))).toEqual({
      reading: { driver: false, passenger: true },
      ambient: { color: 'cyan' },
    });
    const [mode, temps] = enc.climate({ sync: false, recirc: true, fan: { front: 0 }, airflow: { rear: 'face_feet' }, temp: { driver: 30, rear_right: 16 } });
    expect(decodeClimateRequest(network, 'HU_ClimateCmd', network.decode(network.lookup(mode!)!, mode!.data))).toEqual({
      recirc: true,
      sync: false,
      fan: { front: 0 },
      airflow: { rear: 'face_feet' },
    });
    expect(decodeClimateRequest(network, 'HU_ClimateTempCmd', network.decode(network.lookup(temps!)!, temps!.data))).toEqual({ temp: { driver: 30, rear_right: 16 } });
  });

  it('passes out-of-range values on for the ECU to clamp, within what the wire can carry', () => {
    const enc = new CommandEncoder(network);
    const seat = enc.seat('driver', { heat: 99, recline: -5 })[0]!;
    expect(decodeSeatRequest(network, 'driver', network.decode(network.lookup(seat)!, seat.data))).toEqual({ heat: 14, recline: 0 });
    const [t] = enc.climate({ temp: { driver: 35, passenger: 4 } });
    expect(decodeClimateRequest(network, 'HU_ClimateTempCmd', network.decode(network.lookup(t!)!, t!.data))).toEqual({ temp: { driver: 35, passenger: 10 } });
  });

  it('refuses what cannot be a request', () => {
    const enc = new CommandEncoder(network);
    expect(() => enc.seat('driver', { heat: Number.NaN })).toThrow(/heat: not a number/);
    expect(() => enc.lights({ ambient: { color: 'magenta' as never } })).toThrow(/unknown ambient colour "magenta"/);
    expect(() => enc.climate({ airflow: { front: 'up' as never } })).toThrow(/unknown airflow/);
    expect(() => enc.seat('trunk' as never, { heat: 1 })).toThrow(/unknown seat/);
  });
});
