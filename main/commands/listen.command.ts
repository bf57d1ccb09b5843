// `cabin listen`: the head unit live — seat microphones (or a recording played in real time) to recognised speech,
// the language model, the dialogue and the car, with spoken replies that stop when someone starts talking.
import { boolOpt, stringOpt, type Command, type CommandIO } from '../command.js';
import { CabinError, UsageError } from '../../vehicle-bus/errors.js';
import { SEATS, type Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { StyleBook } from '../../intents/replies/style-book.js';
import { openSeatRecognizers, profileDirs, type SeatRecognizers } from '../voice/seat-recognizers.js';
import type { LanguageModel } from '../../models/language-model.js';
import { startHeadUnit, type HeadUnit } from '../run/head-unit.js';
import { VoiceInputError } from '../voice/errors.js';
import { openMicrophones, pcmChunks } from '../voice/microphones.js';
import { BargeIn, EspeakSpeech } from '../voice/speech-output.js';
import { StreamingZones } from '../voice/streaming-zones.js';
import { understandHeard } from '../voice/understand-heard.js';
import { DEFAULT_NOISE_FLOOR_DB, withNoiseFloor } from '../voice/hearing.js';
import type { ZoneSegment } from '../voice/zones.js';
import { readWavFile } from '../voice/wav.js';
import { toPcm16 } from '../../models/speech/recognizer.js';

interface Listener {
  head: HeadUnit;
  lm: LanguageModel;
  recognizers: SeatRecognizers;
  speech: BargeIn | null;
  styles: StyleBook;
  json: boolean;
  io: CommandIO;
}

/** Finished utterances (several when occupants talked over each other): recognise, understand, act as one batch, reply. */
async function serve(l: Listener, batch: ZoneSegment[]): Promise<void> {
  const heard = [];
  let decodeMs = 0;
  for (const u of batch) {
    const rec = l.recognizers.forSeat(u.seat).decode(toPcm16(withNoiseFloor(u.audio, DEFAULT_NOISE_FLOOR_DB)));
    decodeMs += rec.decodeMs;
    heard.push({ seat: u.seat, rec, meaning: await understandHeard(l.lm, rec, u.seat) });
  }
  const t = performance.now();
  const results = await l.head.dialogue.handle(heard.map((h) => ({ speaker: h.seat, text: h.meaning.text, intents: h.meaning.intents, confidence: h.meaning.confidence })));
  for (const r of results) {
    const h = heard.find((x) => x.seat === r.speaker)!;
    // From the end of speech: recognition of the batch, understanding, dialogue, up to this turn's first frame.
    const latency = r.firstFrameAt === null ? null : Math.round((r.firstFrameAt - t + decodeMs) * 10) / 10;
    const line = { speaker: r.speaker, heard: h.meaning.text, confidence: Math.round(h.meaning.confidence * 100) / 100, intents: h.meaning.intents, reply: r.reply, lang: r.lang, latency_ms: latency, ...(heard.length > 1 ? { overlapped: heard.length } : {}) };
    if (l.json) l.io.stdout.write(JSON.stringify(line) + '\n');
    else l.io.stdout.write(`${r.speaker}: "${line.heard}" (${Math.round(h.meaning.confidence * 100)} %) → ${r.reply}${latency === null ? '' : `  [${latency} ms to the first frame]`}${heard.length > 1 ? `  [spoken over ${heard.length - 1} other seat(s)]` : ''}\n`);
    l.speech?.say(r.reply, l.styles.get(r.style).voice[r.lang]);
  }
}

/** Plays a WAV through the live path at its own pace (or as fast as possible). */
async function* fileChunks(path: string, fast: boolean, signal: AbortSignal): AsyncGenerator<{ pcm: Int16Array; channels: number }> {
  const audio = await readWavFile(path);
  const n = audio.channels.length;
  const frames = audio.channels[0]!.length;
  const step = 1600; // 100 ms
  for (let at = 0; at < frames && !signal.aborted; at += step) {
    const len = Math.min(step, frames - at);
    const pcm = new Int16Array(len * n);
    for (let c = 0; c < n; c++) {
      const ch = toPcm16(audio.channels[c]!.subarray(at, at + len));
      for (let i = 0; i < len; i++) pcm[i * n + c] = ch[i]!;
    }
    yield { pcm, channels: n };
    if (!fast) await new Promise((r) => setTimeout(r, (len / 16000) * 1000));
  }
}

export const listenCommand: Command = {
  name: 'listen',
  summary: 'Run the head unit live: seat microphones (or a recording) → speech recognition → dialogue → CAN, with spoken replies.',
  usage: '[--bus URI] [--channels N] [--device DEV] [--recorder sox|arecord] [--seat SEAT] [--file WAV [--fast]] [--style NAME] [--voice-profile SEAT=DIR ...] [--no-speak] [--json]',
  details: [
    'Captures one channel per seat (DESIGN order: driver, passenger, rear_left, rear_right) with node-record-lpcm16,',
    'finds who spoke from level and timing across the channels, recognises English on the device (PocketSphinx with',
    'the cabin domain model; no Mandarin acoustic model is available), and acts through the dialogue. Replies are',
    "spoken with espeak-ng in the seat's style voice; speech starting in any zone stops a reply (barge-in).",
    'Occupants who talk over each other are served as one batch, arbitrated by seat (JSON lines: "overlapped": N).',
    'Without --bus the simulated car runs in this process; with --bus it drives that bus (e.g. `cabin sim` on',
    'slcan://127.0.0.1:35000, or a real car through an SLCAN adapter or SocketCAN).',
    '--file plays a WAV (mono with --seat, or one channel per seat) through the same live path, in real time',
    'unless --fast, and exits when it has been served. Stop live capture with Ctrl-C.',
    '--voice-profile driver=DIR recognises that seat with the voice profile `cabin enrol` wrote (repeatable).',
  ].join('\n'),
  options: {
    bus: { type: 'string', arg: 'URI', description: 'Bus to drive (default: the simulated car in-process).' },
    channels: { type: 'string', arg: 'N', description: 'Microphone channels to capture, 1–4.', default: '4' },
    device: { type: 'string', arg: 'DEV', description: 'Capture device (ALSA name); default the system default.' },
    recorder: { type: 'string', arg: 'sox|arecord', description: 'Capture program node-record-lpcm16 runs.', default: 'sox' },
    seat: { type: 'string', arg: 'SEAT', description: 'The seat of a one-channel capture or mono --file.', default: 'driver' },
    file: { type: 'string', arg: 'WAV', description: 'Play this recording through the live path instead of the microphones.' },
    fast: { type: 'boolean', description: 'With --file: do not wait in real time.' },
    style: { type: 'string', arg: 'NAME', description: 'Dialogue style for every seat.' },
    'no-speak': { type: 'boolean', description: 'Print replies only; do not speak them.' },
    json: { type: 'boolean', description: 'One JSON line per turn.' },
    'voice-profile': { type: 'string', multiple: true, arg: 'SEAT=DIR', description: "Recognise that seat with its enrolled voice (`cabin enrol`; repeatable)." },
  },
  async run(args, io) {
    const channels = Number(stringOpt(args, 'channels') ?? '4');
    if (!Number.isInteger(channels) || channels < 1 || channels > 4) throw new UsageError('--channels expects 1 to 4');
    const seat = stringOpt(args, 'seat') ?? 'driver';
    if (!(SEATS as readonly string[]).includes(seat)) throw new UsageError(`--seat: unknown seat "${seat}" (one of ${SEATS.join(', ')})`);
    const recorder = stringOpt(args, 'recorder') ?? 'sox';
    if (recorder !== 'sox' && recorder !== 'arecord') throw new UsageError('--recorder expects sox or arecord');
    const styles = StyleBook.load();
    const style = stringOpt(args, 'style');
    if (style) styles.get(style);
    const file = stringOpt(args, 'file');
    if (file) await readWavFile(file).catch((e: Error) => Promise.reject(new UsageError(e.message)));
    const profiles = await profileDirs((args.values['voice-profile'] as string[] | undefined) ?? []);

    const { loadLanguageModel } = await import('../../models/runtime/onnx-language-model.js');
    const { defaultModelDir } = await import('../../models/runtime/model-config.js');
    const { cabinRecognizer } = await import('../../models/speech/pocketsphinx.recognizer.js');
    const recognizers = openSeatRecognizers(profiles, (hmmDir) => cabinRecognizer({ hmmDir }));
    const lm = await loadLanguageModel(process.env.CABIN_MODEL ?? defaultModelDir());
    await lm.understand('turn on the dome light', 'driver'); // the first call allocates; keep it out of the first reply
    const head = await startHeadUnit({ bus: stringOpt(args, 'bus'), styles, style, log: (l) => io.stderr.write(`cabin listen: ${l}\n`) });
    const speech = boolOpt(args, 'no-speak') ? null : new BargeIn(new EspeakSpeech({ onError: (m) => io.stderr.write(`cabin listen: ${m}\n`) }));
    const l: Listener = { head, lm, recognizers, speech, styles, json: boolOpt(args, 'json'), io };
    // Batches are served one after another in the order they end; the capture keeps running meanwhile.
    let queue = Promise.resolve();
    const failures: Error[] = [];
    const events = {
      utterances: (batch: ZoneSegment[]) => {
        queue = queue.then(() => serve(l, batch)).catch((e: Error) => void failures.push(e));
      },
      speechStarted: () => void speech?.speechStarted(),
    };
    try {
      if (file) {
        let zones: StreamingZones | undefined;
        for await (const { pcm, channels: n } of fileChunks(file, boolOpt(args, 'fast'), io.stopSignal)) {
          zones ??= new StreamingZones({ channels: n, seat: seat as Seat }, events);
          zones.push(pcm);
        }
        zones?.flush();
      } else {
        const capture = openMicrophones({ channels, device: stringOpt(args, 'device'), recorder });
        io.stopSignal.addEventListener('abort', () => capture.stop());
        const zones = new StreamingZones({ channels, seat: seat as Seat }, events);
        io.stderr.write(`cabin listen: capturing ${channels} channel(s) with ${recorder}; Ctrl-C to stop\n`);
        for await (const pcm of pcmChunks(capture.stream)) zones.push(pcm);
        zones.flush();
        const failed = await capture.ended;
        if (failed) throw new VoiceInputError(failed);
      }
      await queue;
      if (failures.length) throw failures[0];
    } catch (err) {
      throw err instanceof CabinError ? err : new CabinError('E_LISTEN', `cabin listen: ${(err as Error).message}`);
    } finally {
      await head.stop();
      recognizers.close();
      await lm.close();
    }
    return 0;
  },
};
