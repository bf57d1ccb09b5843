// Fault injection for the simulated car: per-ECU silence, lateness and clamp limits, bus drop/corrupt rates; changeable at run time.
import { CabinError } from '../errors.js';
import { mulberry32 } from '../prng.js';

export const ECU_NAMES = ['seat_row1', 'seat_row2', 'light', 'climate', 'vehicle'] as const;
export type EcuName = (typeof ECU_NAMES)[number];

/** The limits each ECU clamps requests to; a "clamps differently" fault overrides some of them. */
export const DEFAULT_LIMITS: Readonly<Record<EcuName, Readonly<Record<string, number>>>> = {
  seat_row1: { heat_max: 3, vent_max: 3, massage_max: 3, recline_max: 100, slide_max: 100 },
  seat_row2: { heat_max: 3, vent_max: 3, massage_max: 3, recline_max: 100, slide_max: 100 },
  light: { brightness_max: 100 },
  climate: { temp_min: 16, temp_max: 30, fan_max: 7 },
  vehicle: { speed_max: 250 },
};

export interface EcuFault {
  /** Stops obeying commands and sending status. */
  silent: boolean;
  /** Obeys each command this many ms after it arrives (status keeps its rhythm but shows the change late). */
  lateMs: number;
  /** Overrides of DEFAULT_LIMITS for this ECU. */
  limits: Record<string, number>;
}

export interface BusFault {
  /** Percent of frames to and from the simulated ECUs that vanish. */
  dropPct: number;
  /** Percent of frames to and from the simulated ECUs with one bit flipped (receivers catch it by checksum). */
  corruptPct: number;
}

export interface FaultSnapshot {
  seed: number;
  bus: BusFault;
  ecus: Record<EcuName, EcuFault>;
}

const healthy = (): EcuFault => ({ silent: false, lateMs: 0, limits: {} });


/** Current faults of one simulated car. ECUs and the bus wrapper read it on every frame, so changes act at once. */
export class Faults {
  private ecuFaults: Record<EcuName, EcuFault>;
  private busFault: BusFault = { dropPct: 0, corruptPct: 0 };
  private seedValue: number;
  private rng: () => number;
  private readonly listeners = new Set<(s: FaultSnapshot) => void>();
  /** What the bus faults actually did, for tests and the UI. */
  readonly effects = { dropped: 0, corrupted: 0 };

  constructor(seed = 1) {
    this.seedValue = seed;
    this.rng = mulberry32(seed);
    this.ecuFaults = Object.fromEntries(ECU_NAMES.map((n) => [n, healthy()])) as Record<EcuName, EcuFault>;
  }

  ecu(name: EcuName): Readonly<EcuFault> {
    return this.ecuFaults[name];
  }

  bus(): Readonly<BusFault> {
    return this.busFault;
  }

  /** The limit an ECU clamps to now: the fault's override, else the default. */
  limit(name: EcuName, key: string): number {
    const v = this.ecuFaults[name].limits[key] ?? DEFAULT_LIMITS[name][key];
    if (v === undefined) throw new CabinError('E_FAULT', `ECU ${name} has no limit "${key}"`);
    return v;
  }

  setEcu(name: EcuName, patch: Partial<EcuFault>): void {
    checkEcu(name);
    const cur = this.ecuFaults[name];
    if (patch.lateMs !== undefined && !(patch.lateMs >= 0 && patch.lateMs <= 60_000)) {
      throw new CabinError('E_FAULT', `late must be 0-60000 ms, got ${patch.lateMs}`);
    }
    for (const [k, v] of Object.entries(patch.limits ?? {})) {
      if (!(k in DEFAULT_LIMITS[name])) {
        throw new CabinError('E_FAULT', `ECU ${name} has no limit "${k}" (limits: ${Object.keys(DEFAULT_LIMITS[name]).join(', ')})`);
      }
      if (!Number.isFinite(v)) throw new CabinError('E_FAULT', `limit ${k} must be a number`);
    }
    this.ecuFaults[name] = { ...cur, ...patch, limits: { ...cur.limits, ...(patch.limits ?? {}) } };
    this.changed();
  }

  clearEcu(name: EcuName): void {
    checkEcu(name);
    this.ecuFaults[name] = healthy();
    this.changed();
  }

  setBus(patch: Partial<BusFault>): void {
    const next = { ...this.busFault, ...patch };
    for (const [k, v] of Object.entries(next)) {
      if (!(v >= 0 && v <= 100)) throw new CabinError('E_FAULT', `bus ${k === 'dropPct' ? 'drop' : 'corrupt'} must be 0-100 percent, got ${v}`);
    }
    this.busFault = next;
    this.changed();
  }

  /** Restarts the random sequence, so the same seed damages the same frames again. */
  reseed(seed: number): void {
    this.seedValue = seed;
    this.rng = mulberry32(seed);
    this.changed();
  }

  clearAll(): void {
    for (const n of ECU_NAMES) this.ecuFaults[n] = healthy();
    this.busFault = { dropPct: 0, corruptPct: 0 };
    this.changed();
  }

  /** Uniform in [0, 1) from the seeded sequence. */
  random(): number {
    return this.rng();
  }

  snapshot(): FaultSnapshot {
    return structuredClone({ seed: this.seedValue, bus: this.busFault, ecus: this.ecuFaults });
  }

  onChange(listener: (s: FaultSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies one `--fault` spec (see parseFaultSpec). */
  apply(spec: string): void {
    parseFaultSpec(spec)(this);
  }

  private changed(): void {
    const snap = this.snapshot();
    for (const l of this.listeners) l(snap);
  }
}

function checkEcu(name: string): asserts name is EcuName {
  if (!(ECU_NAMES as readonly string[]).includes(name)) throw new CabinError('E_FAULT', `unknown ECU "${name}" (ECUs: ${ECU_NAMES.join(', ')})`);
}

export const FAULT_SPEC_HELP = [
  'Fault specs (--fault, repeatable):',
  '  ECU:silent            the ECU stops answering and reporting (ECUs: ' + ECU_NAMES.join(', ') + ')',
  '  ECU:late=MS           the ECU obeys commands MS milliseconds late',
  '  ECU:LIMIT=N           the ECU clamps to N instead, e.g. climate:temp_max=26, seat_row1:heat_max=2',
  '  ECU:ok                clear the ECU\'s faults',
  '  bus:drop=PCT          PCT % of frames to and from the ECUs vanish',
  '  bus:corrupt=PCT       PCT % of them get one bit flipped',
  '  seed=N                seed of the random choice of damaged frames (default 1)',
  '  Several items for one target: climate:late=300,temp_max=26',
].join('\n');

/** Parses a fault spec into a function that applies it; throws a CabinError naming what is wrong. */
export function parseFaultSpec(spec: string): (faults: Faults) => void {
  const seed = /^seed=(\d+)$/.exec(spec.trim());
  if (seed) return (f) => f.reseed(Number(seed[1]));
  const m = /^([a-z0-9_]+):(.+)$/.exec(spec.trim());
  if (!m) throw new CabinError('E_FAULT', `bad fault spec "${spec}" (expected TARGET:ITEM, e.g. climate:silent or bus:drop=10)`);
  const target = m[1]!;
  const items = m[2]!.split(',').map((s) => s.trim()).filter(Boolean);
  const num = (item: string, text: string | undefined): number => {
    const n = Number(text);
    if (text === undefined || text === '' || !Number.isFinite(n)) throw new CabinError('E_FAULT', `fault "${item}" needs a number, e.g. ${item.split('=')[0]}=10`);
    return n;
  };
  if (target === 'bus') {
    const patch: Partial<BusFault> = {};
    for (const item of items) {
      const [k, v] = item.split('=');
      if (k === 'drop') patch.dropPct = num(item, v);
      else if (k === 'corrupt') patch.corruptPct = num(item, v);
      else if (k === 'ok') Object.assign(patch, { dropPct: 0, corruptPct: 0 });
      else throw new CabinError('E_FAULT', `unknown bus fault "${item}" (bus:drop=PCT, bus:corrupt=PCT, bus:ok)`);
    }
    return (f) => f.setBus(patch);
  }
  checkEcu(target);
  const patch: Partial<EcuFault> & { limits: Record<string, number> } = { limits: {} };
  let clear = false;
  for (const item of items) {
    const [k, v] = item.split('=');
    if (k === 'silent' && v === undefined) patch.silent = true;
    else if (k === 'ok' && v === undefined) clear = true;
    else if (k === 'late') patch.lateMs = num(item, v);
    else if (k && k in DEFAULT_LIMITS[target]) patch.limits[k] = num(item, v);
    else {
      throw new CabinError('E_FAULT', `unknown fault "${item}" for ${target} (silent, late=MS, ok, or a limit: ${Object.keys(DEFAULT_LIMITS[target]).join(', ')})`);
    }
  }
  return (f) => {
    if (clear) f.clearEcu(target);
    f.setEcu(target, patch);
  };
}

/** The faults in force, each in `--fault` spec syntax (`climate:silent`, `bus:drop=5`), for logs and the UI. */
export function activeFaultSpecs(s: FaultSnapshot): string[] {
  const parts: string[] = [];
  for (const [name, f] of Object.entries(s.ecus)) {
    if (f.silent) parts.push(`${name}:silent`);
    if (f.lateMs) parts.push(`${name}:late=${f.lateMs}`);
    for (const [k, v] of Object.entries(f.limits)) parts.push(`${name}:${k}=${v}`);
  }
  if (s.bus.dropPct) parts.push(`bus:drop=${s.bus.dropPct}`);
  if (s.bus.corruptPct) parts.push(`bus:corrupt=${s.bus.corruptPct}`);
  return parts;
}
