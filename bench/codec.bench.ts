// Signal encode and decode throughput of the DBC codec on real opendbc frames, the cabin network and a synthetic worst case.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDbc } from '../vehicle-bus/dbc/parser.js';
import { compileMessage, type CompiledMessage } from '../vehicle-bus/dbc/codec.js';
import type { DbcMessage, DbcSignal } from '../vehicle-bus/dbc/model.js';
import { median, round } from './stats.js';

export interface CodecBenchOptions {
  /** Seconds per timed repetition of each of encode and decode. */
  seconds?: number;
  reps?: number;
  /** Folder holding the opendbc files; default ../shared/fixtures/opendbc from the repo root, or $CABIN_OPENDBC_DIR. */
  opendbcDir?: string;
}

export interface CodecBenchResult {
  /** Signals encoded per second (physical value -> bits, including range checks), median over reps. */
  encodesPerSec: number;
  decodesPerSec: number;
  messages: number;
  signals: number;
  sources: string[];
  method: string;
}

const OPENDBC_PICKS = ['toyota_tss2_adas.dbc', 'vw_mqb.dbc', 'acura_ilx_2016_nidec.dbc', 'tesla_can.dbc'];
const MESSAGES_PER_FILE = 10;
const METHOD =
  'each repetition encodes (compiled encode with physical values into a reused buffer) then decodes (compiled decode to a ' +
  'new object) every message of the mix in a loop for `seconds`; rate = signals handled / elapsed; median of reps.';

function repoRoot(): string {
  // Works from bench/ (vitest, tsx) and from dist/bench/ (built): the root is where package.json lives.
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function sig(name: string, startBit: number, length: number, more: Partial<DbcSignal>): DbcSignal {
  return {
    name, startBit, length, byteOrder: 'big_endian', signed: false, valueType: 'integer', factor: 1, offset: 0,
    minimum: 0, maximum: 0, unit: '', receivers: [], isMultiplexer: false, ...more,
  };
}

/** Big-endian, signed, scaled, odd-width and float signals that the real files rarely combine in one frame. */
const synthetic: DbcMessage = {
  id: 0x7f0, extended: false, name: 'BENCH_Mixed', length: 16, sender: 'BENCH',
  signals: [
    sig('Torque', 7, 13, { signed: true, factor: 0.25, offset: -10 }),
    sig('Angle', 10, 11, { signed: true, factor: 0.1 }),
    sig('Speed', 31, 16, { factor: 0.01 }),
    sig('Flags', 47, 3, {}),
    sig('Gain', 64, 32, { byteOrder: 'little_endian', valueType: 'float32' }),
    sig('Energy', 96, 32, { byteOrder: 'little_endian', signed: true, factor: 0.001 }),
  ],
};

function pickMessages(dir: string, sources: string[]): DbcMessage[] {
  const out: DbcMessage[] = [synthetic];
  sources.push('synthetic BENCH_Mixed');
  const cabin = join(repoRoot(), 'vehicle-bus', 'cabin.dbc');
  const files = [cabin, ...OPENDBC_PICKS.map((f) => join(dir, f))];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const dbc = parseDbc(readFileSync(file, 'utf8'), file);
    const usable = dbc.messages.filter((m) => m.signals.length > 0);
    out.push(...(file === cabin ? usable : usable.slice(0, MESSAGES_PER_FILE)));
    sources.push(file);
  }
  return out;
}

/** Physical values a real frame could carry: decode a seeded pseudo-random payload. */
function sampleValues(codec: CompiledMessage, seed: number): Record<string, number> {
  const data = new Uint8Array(codec.message.length);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < data.length; i++) data[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
  const values = codec.decode(data);
  // Keep floats finite (random bits can spell NaN or huge numbers) and drop >52-bit signals, which decode lossily.
  for (const s of codec.signals) {
    if (!(s.name in values)) continue;
    if (s.valueType !== 'integer') values[s.name] = 1.25;
    else if (s.length > 52) delete values[s.name];
  }
  return values;
}

function timed(seconds: number, step: () => number): number {
  let handled = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 50; i++) handled += step();
    now = performance.now();
  }
  return handled / ((now - start) / 1000);
}

export async function benchCodec(opts: CodecBenchOptions = {}): Promise<CodecBenchResult> {
  const seconds = opts.seconds ?? 0.5;
  const reps = Math.max(5, opts.reps ?? 5);
  const dir = opts.opendbcDir ?? process.env.CABIN_OPENDBC_DIR ?? resolve(repoRoot(), '..', 'shared', 'fixtures', 'opendbc');
  const sources: string[] = [];
  const codecs = pickMessages(dir, sources).map((m) => compileMessage(m));
  const values = codecs.map((c, i) => sampleValues(c, i + 1));
  const buffers = codecs.map((c) => new Uint8Array(c.message.length));
  const perRound = values.reduce((n, v) => n + Object.keys(v).length, 0);
  const encodeRound = () => {
    for (let i = 0; i < codecs.length; i++) codecs[i]!.encode(values[i]!, buffers[i]);
    return perRound;
  };
  const decodeRound = () => {
    // Counting results keeps the decode observable, so the JIT cannot drop it.
    let n = 0;
    for (let i = 0; i < codecs.length; i++) if (codecs[i]!.decode(buffers[i]!)) n++;
    return n === codecs.length ? perRound : 0;
  };
  encodeRound(); // fills the buffers that decoding reads
  timed(Math.min(0.2, seconds), () => encodeRound() + decodeRound()); // warm-up: let the JIT settle first
  const enc: number[] = [];
  const dec: number[] = [];
  for (let r = 0; r < reps; r++) {
    enc.push(timed(seconds, encodeRound));
    dec.push(timed(seconds, decodeRound));
  }
  return {
    encodesPerSec: round(median(enc)),
    decodesPerSec: round(median(dec)),
    messages: codecs.length,
    signals: perRound,
    sources,
    method: METHOD,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchCodec({ seconds: Number(process.env.BENCH_SECONDS ?? 0.5) });
  process.stdout.write(JSON.stringify(r, null, 2) + '\n');
}
