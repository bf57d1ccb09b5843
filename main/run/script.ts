// `cabin run` scripts: one JSON object per line (DESIGN "Command line"), parsed and checked before anything runs.
import { UsageError } from '../../vehicle-bus/errors.js';
import { SEATS, type Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';

export type ScriptLine =
  | { kind: 'say'; line: number; speaker: Seat; text: string; atMs?: number }
  | { kind: 'audio'; line: number; speaker?: Seat; audio: string; atMs?: number }
  | { kind: 'vehicle'; line: number; speedKph: number; atMs?: number };

/** DESIGN: utterances from different seats whose at_ms differ by less than this overlap. */
export const OVERLAP_MS = 1_500;

const KEYS = new Set(['speaker', 'text', 'audio', 'vehicle', 'at_ms']);

function fail(file: string, line: number, msg: string): never {
  throw new UsageError(`${file}:${line}: ${msg}`);
}

/** Blank lines and lines starting with `#` are skipped; anything else must be one valid script object. */
export function parseScript(text: string, file: string): ScriptLine[] {
  const out: ScriptLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const n = i + 1;
    const src = raw.trim();
    if (!src || src.startsWith('#')) return;
    let v: unknown;
    try {
      v = JSON.parse(src);
    } catch (e) {
      fail(file, n, `not JSON (${(e as Error).message})`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(file, n, 'expected one JSON object per line');
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!KEYS.has(k)) fail(file, n, `unknown field "${k}" (expected speaker, text, audio, vehicle, at_ms)`);
    let atMs: number | undefined;
    if (o.at_ms !== undefined) {
      if (typeof o.at_ms !== 'number' || !Number.isFinite(o.at_ms) || o.at_ms < 0) fail(file, n, '"at_ms" must be a number of milliseconds ≥ 0');
      atMs = o.at_ms;
    }
    let speaker: Seat | undefined;
    if (o.speaker !== undefined) {
      if (!(SEATS as readonly unknown[]).includes(o.speaker)) fail(file, n, `unknown speaker ${JSON.stringify(o.speaker)} (one of ${SEATS.join(', ')})`);
      speaker = o.speaker as Seat;
    }
    const kinds = ['text', 'audio', 'vehicle'].filter((k) => o[k] !== undefined);
    if (kinds.length !== 1) fail(file, n, 'a line needs exactly one of "text", "audio" or "vehicle"');
    const at = atMs === undefined ? {} : { atMs };
    if (o.text !== undefined) {
      if (typeof o.text !== 'string') fail(file, n, '"text" must be a string');
      if (!speaker) fail(file, n, 'a "text" line needs a "speaker"');
      out.push({ kind: 'say', line: n, speaker, text: o.text, ...at });
    } else if (o.audio !== undefined) {
      if (typeof o.audio !== 'string' || !o.audio) fail(file, n, '"audio" must be a file name');
      out.push({ kind: 'audio', line: n, audio: o.audio, ...(speaker ? { speaker } : {}), ...at });
    } else {
      if (speaker) fail(file, n, 'a "vehicle" line takes no "speaker"');
      const veh = o.vehicle as Record<string, unknown> | null;
      if (typeof veh !== 'object' || veh === null || Object.keys(veh).some((k) => k !== 'speed_kph')) fail(file, n, '"vehicle" must be {"speed_kph": N}');
      const s = veh.speed_kph;
      if (typeof s !== 'number' || !Number.isFinite(s) || s < 0 || s > 250) fail(file, n, '"speed_kph" must be a number from 0 to 250');
      out.push({ kind: 'vehicle', line: n, speedKph: s, ...at });
    }
  });
  return out;
}

/**
 * Groups lines into steps. Consecutive typed utterances with `at_ms` from different seats within OVERLAP_MS
 * of the group's first one overlap and form one batch; everything else is a step of its own, in order (an
 * audio line's own utterances are grouped by where they end in the recording).
 */
export function scriptSteps(lines: readonly ScriptLine[]): ScriptLine[][] {
  const steps: ScriptLine[][] = [];
  for (const l of lines) {
    const last = steps.at(-1);
    const head = last?.[0];
    const overlaps =
      l.kind === 'say' &&
      l.atMs !== undefined &&
      head !== undefined &&
      head.kind === 'say' &&
      head.atMs !== undefined &&
      l.atMs - head.atMs < OVERLAP_MS &&
      !last!.some((x) => x.kind !== 'vehicle' && x.speaker !== undefined && x.speaker === (l as { speaker?: Seat }).speaker);
    if (overlaps) last!.push(l);
    else steps.push([l]);
  }
  return steps;
}
