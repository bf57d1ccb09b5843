// Table rows for the `voice` section: per-SNR recognition and command success, domain vs generic model, zone attribution.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeAttributionCases, measureAttribution } from '../main/voice/attribution-bench.js';
import type { BenchRow, BenchSection } from './sections.js';
import { round } from './stats.js';
import { benchVoice, VOICE_TARGETS as T } from './voice.bench.js';
import { BENCH_VOICES } from './voice-commands.js';
import type { Recognizer } from '../models/speech/recognizer.js';

const yes = (ok: boolean) => (ok ? 'yes' : 'NO');

/**
 * A voice profile per bench voice, enrolled once from the shipped enrolment sentences spoken by that voice and kept
 * under bench/out/voice-profiles (delete it to enrol again). Without SphinxTrain the enrolled rows are left out, loudly.
 */
async function enrolledVoices(voices: readonly string[], open: (hmmDir: string) => Recognizer, log: (l: string) => void): Promise<Map<string, Recognizer> | null> {
  const { enrolVoice, sphinxTrainMissing } = await import('../main/voice/enrolment.js');
  const missing = sphinxTrainMissing();
  if (missing) {
    log(`voice: enrolled-voice rows skipped: ${missing}`);
    return null;
  }
  const { readSentences, ENROLMENT_SENTENCES } = await import('../main/commands/enrol.command.js');
  const { speak } = await import('../main/voice/synth.js');
  const sentences = await readSentences(ENROLMENT_SENTENCES);
  const out = new Map<string, Recognizer>();
  for (const voice of voices) {
    const dir = join('bench', 'out', 'voice-profiles', voice);
    if (!existsSync(dir)) {
      log(`voice: enrolling ${voice} (${sentences.length} sentences)`);
      await enrolVoice({ sentences, audio: sentences.map((s) => speak(s, { voice })), source: `espeak-ng ${voice}` }, dir);
    }
    out.set(voice, open(dir));
  }
  return out;
}

export const voiceSection: BenchSection = {
  name: 'voice',
  summary: 'synthetic speech per SNR → recogniser (domain vs generic LM; each voice enrolled; CABIN_BENCH_VOICE_GRAMMAR=1 adds the command grammar, CABIN_BENCH_VOICE_ONLY=TEXT keeps the conditions naming TEXT; also held-out corpus sentences) → dialogue: WER, command success, latency, RTF; spoken non-commands that move the car; spoken style requests and thanks; zone attribution',
  async run() {
    const { loadLanguageModel } = await import('../models/runtime/onnx-language-model.js');
    const { defaultModelDir } = await import('../models/runtime/model-config.js');
    const { PocketSphinxRecognizer, cabinRecognizer } = await import('../models/speech/pocketsphinx.recognizer.js');
    const { corpusDir } = await import('./lm-data.js');
    const lm = await loadLanguageModel(process.env.CABIN_MODEL ?? defaultModelDir());
    const domain = cabinRecognizer();
    // The grammar search runs at a real-time factor of 1–3 here: its rows take ~20 minutes, so they are asked for.
    const withGrammar = process.env.CABIN_BENCH_VOICE_GRAMMAR === '1' ? cabinRecognizer({ withGrammar: true }) : undefined;
    const generic = new PocketSphinxRecognizer({ languageModel: 'generic' });
    const log = (l: string) => process.stderr.write(`bench: ${l}\n`);
    const enrolled = await enrolledVoices(BENCH_VOICES, (dir) => cabinRecognizer({ hmmDir: dir }), log);
    try {
      const heldOutFile = join(corpusDir(), 'heldout.jsonl');
      const hasHeldOut = existsSync(heldOutFile);
      // Said, not silent: without the split the held-out spoken rows are missing from the table, not zero.
      if (!hasHeldOut) log(`voice: held-out spoken rows skipped: no ${heldOutFile} (npm run corpus writes it; or set CABIN_CORPUS_DIR)`);
      const r = await benchVoice({
        lm, domain, generic, log, ...(withGrammar ? { withGrammar } : {}), ...(hasHeldOut ? { heldOutFile } : {}),
        ...(enrolled ? { enrolled: (voice: string) => enrolled.get(voice)! } : {}),
        ...(process.env.CABIN_BENCH_VOICE_ONLY ? { only: process.env.CABIN_BENCH_VOICE_ONLY } : {}),
      });
      const attribution = [12, 6].map((crosstalkDb) => ({ crosstalkDb, ...measureAttribution(makeAttributionCases({ count: 40, crosstalkDb })) }));
      const rows: BenchRow[] = [];
      for (const c of r.conditions) {
        const target = c.condition === 'clean, domain LM' ? T.cleanSuccessPct : c.condition === '10 dB SNR, domain LM' ? T.snr10SuccessPct : undefined;
        rows.push({
          section: 'voice',
          metric: `${c.condition}: command success`,
          value: `${c.successPct} % (WER ${c.werPct} %)`,
          ...(target !== undefined ? { target: `>= ${target} %`, ok: yes(c.successPct >= target) } : {}),
        });
        if (c.condition.endsWith('domain LM') || c.condition.endsWith('enrolled voices')) {
          rows.push({ section: 'voice', metric: `${c.condition}: end of speech → frame p50 / p95`, value: `${c.latency.p50} / ${c.latency.p95} ms`, target: `p95 <= ${T.p95Ms} ms`, ok: yes(c.latency.p95 <= T.p95Ms) });
          rows.push({ section: 'voice', metric: `${c.condition}: real-time factor`, value: String(c.rtf), target: `<= ${T.rtf}`, ok: yes(c.rtf <= T.rtf) });
        }
      }
      for (const c of r.chatter) {
        rows.push({ section: 'voice', metric: `${c.condition}: non-commands that moved the car (lower is better)`, value: `${c.actedOn} of ${c.utterances}` });
      }
      for (const c of r.conversation) {
        rows.push({ section: 'voice', metric: `${c.condition}: served as typed (style changed or thanks answered, car unmoved)`, value: `${c.served} of ${c.utterances}` });
      }
      for (const a of attribution) {
        const pct = round(100 * a.caseAccuracy, 1);
        rows.push({
          section: 'voice',
          metric: `zone attribution, crosstalk ${a.crosstalkDb} dB down (${a.cases} scenes, 1–2 talkers)`,
          value: `${pct} % scenes right; talkers ${a.talkersFound}/${a.talkers}, spurious ${a.spurious}`,
          ...(a.crosstalkDb === 12 ? { target: `>= ${T.attributionPct} %`, ok: yes(pct >= T.attributionPct) } : {}),
        });
      }
      return { figures: { ...r, conditions: r.conditions.map((c) => ({ ...c, failures: c.failures.slice(0, 20) })), attribution: attribution.map(({ failures, ...rest }) => ({ ...rest, failures: failures.slice(0, 10) })), targets: T }, rows };
    } finally {
      domain.close();
      withGrammar?.close();
      generic.close();
      for (const r of enrolled?.values() ?? []) r.close();
      await lm.close();
    }
  },
};
