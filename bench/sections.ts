// The sections `cabin bench` runs, each returning machine-readable figures and table rows with their targets.
import { benchCodec } from './codec.bench.js';
import { benchTransports } from './transport.bench.js';
import { round } from './stats.js';
import { lmSection } from './lm-section.js';
import { dialogueSection } from './dialogue-section.js';
import { voiceSection } from './voice-section.js';

export interface BenchRow {
  section: string;
  metric: string;
  value: string;
  target?: string;
  ok?: string;
}

export interface BenchSection {
  name: string;
  summary: string;
  run(opts: { seconds: number }): Promise<{ figures: unknown; rows: BenchRow[] }>;
}

function atLeast(section: string, metric: string, value: number, target: number, unit: string): BenchRow {
  return { section, metric, value: `${fmt(value)} ${unit}`, target: `>= ${fmt(target)}`, ok: value >= target ? 'yes' : 'NO' };
}

function atMost(section: string, metric: string, value: number, target: number, unit: string): BenchRow {
  return { section, metric, value: `${fmt(value)} ${unit}`, target: `<= ${fmt(target)}`, ok: value <= target ? 'yes' : 'NO' };
}

function fmt(n: number): string {
  return n >= 1000 ? Math.round(n).toLocaleString('en-US') : String(round(n, 3));
}

export const benchSections: BenchSection[] = [
  {
    name: 'codec',
    summary: 'DBC signal encode/decode throughput',
    async run({ seconds }) {
      const r = await benchCodec({ seconds });
      return {
        figures: r,
        rows: [
          atLeast('codec', 'signal encodes/s', r.encodesPerSec, 1_000_000, '/s'),
          { section: 'codec', metric: 'signal decodes/s', value: `${fmt(r.decodesPerSec)} /s` },
        ],
      };
    },
  },
  {
    name: 'bus',
    summary: 'frames/s and one-way latency through the virtual bus, SLCAN/TCP and socketcand/TCP',
    async run({ seconds }) {
      const r = await benchTransports({ seconds, socketcand: true });
      const rows: BenchRow[] = [
        atLeast('bus', 'virtual frames/s', r.virtual.framesPerSec, 200_000, '/s'),
        { section: 'bus', metric: 'virtual latency p50 / p99', value: `${fmt(r.virtual.p50Ms)} / ${fmt(r.virtual.p99Ms)} ms` },
        atLeast('bus', 'slcan/tcp frames/s', r.slcanTcp.framesPerSec, 20_000, '/s'),
        { section: 'bus', metric: 'slcan/tcp latency p50', value: `${fmt(r.slcanTcp.p50Ms)} ms` },
        atMost('bus', 'slcan/tcp latency p99', r.slcanTcp.p99Ms, 5, 'ms'),
      ];
      if (r.socketcandTcp) {
        rows.push(
          { section: 'bus', metric: 'socketcand/tcp frames/s', value: `${fmt(r.socketcandTcp.framesPerSec)} /s` },
          { section: 'bus', metric: 'socketcand/tcp latency p50 / p99', value: `${fmt(r.socketcandTcp.p50Ms)} / ${fmt(r.socketcandTcp.p99Ms)} ms` },
        );
      }
      return { figures: r, rows };
    },
  },
  lmSection,
  dialogueSection,
  voiceSection,
];
