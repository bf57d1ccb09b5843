// `cabin run --script FILE`: plays a scripted conversation against the simulated car on a virtual bus and prints the outcome.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { boolOpt, seatSpec, stringOpt, type Command, type CommandIO } from '../command.js';
import { CabinError, UsageError } from '../../vehicle-bus/errors.js';
import { defaultVehicleState, type Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { Faults, FAULT_SPEC_HELP, parseFaultSpec } from '../../vehicle-bus/sim/faults.js';
import { StyleBook } from '../../intents/replies/style-book.js';
import { describeEvent } from '../../intents/dialogue/events.js';
import type { LanguageModel } from '../../models/language-model.js';
import { parseScript, type ScriptLine } from '../run/script.js';
import { AudioUnavailableError, playScript, type RunOutcome, type RunTurn, type ScriptAudio } from '../run/conversation.js';
import { Hearing } from '../voice/hearing.js';
import { readWavFile, type Audio } from '../voice/wav.js';
import { openSeatRecognizers, profileDirs, type SeatRecognizers } from '../voice/seat-recognizers.js';
import { SimulatedCabin } from '../run/simulated-cabin.js';

function readScript(file: string): ScriptLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseScript(text, file);
}

function seatStyles(specs: readonly string[]): Partial<Record<Seat, string>> {
  const out: Partial<Record<Seat, string>> = {};
  for (const spec of specs) {
    const [seat, name] = seatSpec('seat-style', spec, 'STYLE');
    out[seat] = name;
  }
  return out;
}

/** Paths whose value differs from DESIGN's default state, as `path value` pairs. */
function changedFromDefault(state: unknown, base: unknown = defaultVehicleState(), prefix = ''): string[] {
  if (typeof state !== 'object' || state === null) return state === base ? [] : [`${prefix} ${JSON.stringify(state)}`];
  return Object.keys(state).flatMap((k) => changedFromDefault((state as Record<string, unknown>)[k], (base as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k));
}

/** The intents, or what a turn about the conversation was ("(style request)"), or "(nothing)". */
function understoodLine(t: RunTurn): string {
  if (t.about) return t.about === 'style' ? '(style request)' : '(thanks)';
  return t.intents.length ? t.intents.map((i) => JSON.stringify(i)).join(' ') : '(nothing)';
}

function printHuman(outcome: RunOutcome, file: string, io: CommandIO): void {
  io.stdout.write(`# ${file}\n`);
  for (const t of outcome.turns) {
    io.stdout.write(`${t.speaker} [${t.lang}]: ${t.heard}\n`);
    io.stdout.write(`  understood: ${understoodLine(t)}\n`);
    io.stdout.write(`  reply: ${t.reply}${t.latency_ms === null ? '' : `  (first frame after ${t.latency_ms.toFixed(1)} ms)`}\n`);
  }
  const changed = changedFromDefault(outcome.state);
  io.stdout.write(`state (changed from default): ${changed.length ? changed.join(', ') : 'none'}\n`);
  io.stdout.write(`frames sent: ${outcome.frames}\n`);
}

export const runCommand: Command = {
  name: 'run',
  summary: 'Play a scripted conversation against the simulated car and print turns, replies and the final state.',
  usage: '--script FILE [--script FILE ...] [--style NAME] [--seat-style SEAT=NAME ...] [--voice-profile SEAT=DIR ...] [--json]',
  details: [
    'Each line of FILE is one JSON object (blank lines and lines starting with # are skipped):',
    '  {"speaker": "driver", "text": "heat my seat"}         a typed utterance',
    '  {"vehicle": {"speed_kph": 80}}                         the car changes speed',
    '  {"at_ms": 1200, "speaker": "passenger", "text": "…"}   when the utterance ends, from the start',
    'Utterances from different seats whose at_ms differ by less than 1,500 ms overlap: all are served, and a',
    'shared feature asked two ways goes to the seat first in driver, passenger, rear_left, rear_right.',
    '  {"speaker": "rear_left", "audio": "me.wav"}             one seat\'s mono recording',
    '  {"audio": "cabin.wav"}                                  a cabin recording, channels 0 driver, 1 passenger,',
    '                                                          2 rear_left, 3 rear_right (who spoke is found from the audio)',
    'Audio paths are relative to the script; at_ms on an audio line is when its recording starts. Speech is',
    'recognised on the device (PocketSphinx, English; no Mandarin acoustic model exists here), and a recording',
    'that is unreadable or truncated stops the run before anything is sent, naming the line.',
    '',
    'The car is the simulated ECUs on a virtual bus, on simulated time (a 300 ms resend wait takes no real',
    'time). latency_ms is wall time from the end of the utterance (typed text handed to the language model;',
    'for audio, the end of speech) to the first CAN frame. With --json: one object per script, one per line:',
    '  {"turns": [{"speaker","heard","intents","reply","lang","latency_ms"}], "state": {...}, "frames": N}',
    'where state is decoded from the ECUs\' status frames and frames counts command frames sent.',
    '',
    FAULT_SPEC_HELP,
  ].join('\n'),
  options: {
    script: { type: 'string', multiple: true, arg: 'FILE', description: 'Conversation to play (repeatable; each starts from the default state).' },
    style: { type: 'string', arg: 'NAME', description: 'Dialogue style for every seat (see `cabin styles`).' },
    'seat-style': { type: 'string', multiple: true, arg: 'SEAT=NAME', description: 'Style for one seat (repeatable), over --style.' },
    'style-file': { type: 'string', multiple: true, arg: 'FILE', description: 'Load an extra style file (repeatable).' },
    fault: { type: 'string', multiple: true, arg: 'SPEC', description: 'Inject a fault into the simulated car (repeatable).' },
    model: { type: 'string', arg: 'DIR', description: 'Language model directory (default models/cabin-lm/ or $CABIN_MODEL).' },
    json: { type: 'boolean', description: 'Print one JSON object per script.' },
    events: { type: 'boolean', description: 'Also print the dialogue event stream on stderr.' },
    'voice-profile': { type: 'string', multiple: true, arg: 'SEAT=DIR', description: "Recognise that seat's audio with its enrolled voice (`cabin enrol`; repeatable)." },
  },
  async run(args, io) {
    const files = (args.values.script as string[] | undefined) ?? [];
    if (!files.length) throw new UsageError('no script: give --script FILE (see `cabin run --help`)');
    const scripts = files.map((f) => ({ file: f, lines: readScript(f) })); // every script is checked before any runs
    const recordings = await readRecordings(scripts);
    const styles = StyleBook.load((args.values['style-file'] as string[] | undefined) ?? []);
    const style = stringOpt(args, 'style');
    if (style !== undefined) styles.get(style);
    const perSeat = seatStyles((args.values['seat-style'] as string[] | undefined) ?? []);
    for (const name of Object.values(perSeat)) styles.get(name!);
    const profiles = await profileDirs((args.values['voice-profile'] as string[] | undefined) ?? []);
    const faultSpecs = (args.values.fault as string[] | undefined) ?? [];
    const makeFaults = () => {
      const faults = new Faults();
      for (const spec of faultSpecs) {
        try {
          parseFaultSpec(spec)(faults);
        } catch (err) {
          throw new UsageError(`--fault ${spec}: ${(err as Error).message}`);
        }
      }
      return faults;
    };
    makeFaults();
    const json = boolOpt(args, 'json');
    const events = boolOpt(args, 'events');

    const { loadLanguageModel } = await import('../../models/runtime/onnx-language-model.js');
    const { defaultModelDir } = await import('../../models/runtime/model-config.js');
    const lm: LanguageModel = await loadLanguageModel(stringOpt(args, 'model') ?? process.env.CABIN_MODEL ?? defaultModelDir());
    let recognizer: SeatRecognizers | undefined;
    try {
      if (recordings.size) recognizer = await openRecognizer(scripts, profiles);
      for (const { file, lines } of scripts) {
        const cabin = await SimulatedCabin.start({
          styles,
          style,
          seatStyles: perSeat,
          faults: makeFaults(),
          onEvent: events ? (e) => io.stderr.write(`${describeEvent(e)}\n`) : undefined,
        });
        try {
          const audio: ScriptAudio | undefined = recognizer
            ? { hearing: new Hearing(recognizer.shared, { seatRecognizers: recognizer.bySeat }), recordings: recordings.get(file) ?? new Map() }
            : undefined;
          const outcome = await playScript(cabin, lm, lines, file, audio);
          // DESIGN's turn shape exactly: `about` shows in the human output only.
          if (json) io.stdout.write(JSON.stringify({ ...outcome, turns: outcome.turns.map(({ about: _about, ...turn }) => turn) }) + '\n');
          else printHuman(outcome, file, io);
        } finally {
          await cabin.stop();
        }
      }
    } catch (err) {
      if (err instanceof CabinError) throw err;
      throw new CabinError('E_RUN', `cabin run: ${(err as Error).message}`);
    } finally {
      recognizer?.close();
      await lm.close();
    }
    return 0;
  },
};

/** Reads every recording the scripts name, before anything runs: a bad file names its script line. */
async function readRecordings(scripts: { file: string; lines: ScriptLine[] }[]): Promise<Map<string, Map<number, Audio>>> {
  const out = new Map<string, Map<number, Audio>>();
  for (const { file, lines } of scripts) {
    for (const l of lines) {
      if (l.kind !== 'audio') continue;
      const path = resolve(dirname(file), l.audio);
      let audio: Audio;
      try {
        audio = await readWavFile(path);
      } catch (err) {
        throw new UsageError(`${file}:${l.line}: ${(err as Error).message}`);
      }
      if (l.speaker && audio.channels.length !== 1) throw new UsageError(`${file}:${l.line}: ${l.audio} has ${audio.channels.length} channels; a line with a "speaker" takes a mono recording`);
      if (!l.speaker && audio.channels.length > 4) throw new UsageError(`${file}:${l.line}: ${l.audio} has ${audio.channels.length} channels; a cabin recording has one per seat (at most 4)`);
      const byLine = out.get(file) ?? new Map<number, Audio>();
      byLine.set(l.line, audio);
      out.set(file, byLine);
    }
  }
  return out;
}

async function openRecognizer(scripts: { file: string; lines: ScriptLine[] }[], profiles: Partial<Record<Seat, string>>): Promise<SeatRecognizers> {
  const { cabinRecognizer } = await import('../../models/speech/pocketsphinx.recognizer.js');
  try {
    return openSeatRecognizers(profiles, (hmmDir) => cabinRecognizer({ hmmDir }));
  } catch (err) {
    const first = scripts.flatMap((s) => s.lines.filter((l) => l.kind === 'audio').map((l) => ({ file: s.file, line: l.line })))[0]!;
    throw new AudioUnavailableError(first.file, first.line, (err as Error).message);
  }
}
