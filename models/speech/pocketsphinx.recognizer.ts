// PocketSphinx (Debian's libpocketsphinx3, 5prealpha API) through the koffi FFI: streaming decoding, lattice posterior, n-best.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { RecognizerUnavailableError, type Hypothesis, type Recognition, type Recognizer, type RecognizerInfo } from './recognizer.js';
import { GrammarBackedRecognizer } from './grammar-backed.recognizer.js';
import { POCKETSPHINX_MODEL } from './pocketsphinx-paths.js';

export interface PocketSphinxOptions {
  /**
   * `zh` needs a Mandarin acoustic model (CMU Sphinx's zh-cn models are not packaged for Debian and cannot
   * be downloaded here); the option exists so one can be dropped in (`hmmDir`, `dictPath`, `lmPath`).
   */
  language?: 'en' | 'zh';
  hmmDir?: string;
  dictPath?: string;
  lmPath?: string;
  /** `domain`: models/speech/cabin-en (generated from the corpus); `generic`: the stock en-us model. */
  languageModel?: 'domain' | 'generic';
  /** Directory holding cabin.arpa and cabin.dict (domain only). */
  domainDir?: string;
  /** How many alternatives to return. */
  nbest?: number;
  /** Language-model weight against the acoustic score (PocketSphinx -lw; its default is 6.5). */
  languageWeight?: number;
  /**
   * A grammar searched instead of the n-gram model: JSGF (`.gram`) or a Sphinx FSG file, for a fixed command set.
   * Not the default: a grammar forces every sound onto one of its sentences, so speech outside it ("call mom")
   * came out as a command ("auto mode on") in a measurement, where the n-gram model leaves it unexplained.
   */
  grammarPath?: string;
  /** Further PocketSphinx decoder flags (`{ '-beam': '1e-60' }`), for tuning the search on a head unit. */
  decoderArgs?: Record<string, string>;
}

type Ptr = unknown;

interface Api {
  ps_args: () => Ptr;
  cmd_ln_init: (...args: unknown[]) => Ptr;
  ps_init: (cfg: Ptr) => Ptr;
  ps_start_utt: (ps: Ptr) => number;
  ps_process_raw: (ps: Ptr, data: Int16Array, n: number, noSearch: number, fullUtt: number) => number;
  ps_end_utt: (ps: Ptr) => number;
  ps_get_hyp: (ps: Ptr, score: number[]) => string | null;
  ps_get_prob: (ps: Ptr) => number;
  ps_get_logmath: (ps: Ptr) => Ptr;
  logmath_exp: (lm: Ptr, v: number) => number;
  ps_nbest: (ps: Ptr) => Ptr;
  ps_nbest_next: (nb: Ptr) => Ptr;
  ps_nbest_hyp: (nb: Ptr, score: number[]) => string | null;
  ps_nbest_free: (nb: Ptr) => void;
  ps_free: (ps: Ptr) => number;
  ps_seg_iter: (ps: Ptr) => Ptr;
  ps_seg_next: (seg: Ptr) => Ptr;
  ps_seg_word: (seg: Ptr) => string | null;
  ps_seg_prob: (seg: Ptr, ascr: number[], lscr: number[], lback: number[]) => number;
  ps_seg_free: (seg: Ptr) => void;
}

let api: Api | undefined;

/** Binds the C functions once; a missing library or koffi is a clear RecognizerUnavailableError. */
function bind(): Api {
  if (api) return api;
  let koffi: typeof import('koffi');
  try {
    koffi = createRequire(import.meta.url)('koffi');
  } catch (e) {
    throw new RecognizerUnavailableError(`the koffi FFI package is not installed (${(e as Error).message}); run npm ci`);
  }
  let ps: ReturnType<typeof koffi.load>;
  let sb: ReturnType<typeof koffi.load>;
  try {
    sb = koffi.load('libsphinxbase.so.3');
    ps = koffi.load('libpocketsphinx.so.3');
  } catch (e) {
    throw new RecognizerUnavailableError(`PocketSphinx is not installed (${(e as Error).message}); apt-get install libpocketsphinx3 pocketsphinx-en-us`);
  }
  api = {
    ps_args: ps.func('void *ps_args()'),
    cmd_ln_init: sb.func('void *cmd_ln_init(void *inout, void *defn, int strict, ...)'),
    ps_init: ps.func('void *ps_init(void *config)'),
    ps_start_utt: ps.func('int ps_start_utt(void *ps)'),
    ps_process_raw: ps.func('int ps_process_raw(void *ps, const int16_t *data, size_t n, int no_search, int full_utt)'),
    ps_end_utt: ps.func('int ps_end_utt(void *ps)'),
    ps_get_hyp: ps.func('const char *ps_get_hyp(void *ps, _Out_ int32_t *score)'),
    ps_get_prob: ps.func('int32_t ps_get_prob(void *ps)'),
    ps_get_logmath: ps.func('void *ps_get_logmath(void *ps)'),
    logmath_exp: sb.func('double logmath_exp(void *lmath, int logb_p)'),
    ps_nbest: ps.func('void *ps_nbest(void *ps)'),
    ps_nbest_next: ps.func('void *ps_nbest_next(void *nbest)'),
    ps_nbest_hyp: ps.func('const char *ps_nbest_hyp(void *nbest, _Out_ int32_t *score)'),
    ps_nbest_free: ps.func('void ps_nbest_free(void *nbest)'),
    ps_free: ps.func('int ps_free(void *ps)'),
    ps_seg_iter: ps.func('void *ps_seg_iter(void *ps)'),
    ps_seg_next: ps.func('void *ps_seg_next(void *seg)'),
    ps_seg_word: ps.func('const char *ps_seg_word(void *seg)'),
    ps_seg_prob: ps.func('int32_t ps_seg_prob(void *seg, _Out_ int32_t *ascr, _Out_ int32_t *lscr, _Out_ int32_t *lback)'),
    ps_seg_free: ps.func('void ps_seg_free(void *seg)'),
  } as Api;
  return api;
}

export const DOMAIN_DIR = join('models', 'speech', 'cabin-en');

export class PocketSphinxRecognizer implements Recognizer {
  private readonly api: Api;
  private decoder: Ptr;
  private readonly lmKind: 'domain' | 'generic';
  private readonly language: 'en' | 'zh';
  private readonly nbestMax: number;
  private started = 0;
  private samples = 0;
  private decodeMs = 0;

  constructor(opts: PocketSphinxOptions = {}) {
    this.api = bind();
    this.language = opts.language ?? 'en';
    if (this.language === 'zh' && !(opts.hmmDir && opts.dictPath && opts.lmPath)) {
      throw new RecognizerUnavailableError('no Mandarin acoustic model is installed: give hmmDir, dictPath and lmPath of a PocketSphinx zh-cn model');
    }
    this.lmKind = opts.languageModel ?? 'domain';
    this.nbestMax = opts.nbest ?? 10;
    const hmm = opts.hmmDir ?? join(POCKETSPHINX_MODEL, 'en-us');
    if (!existsSync(hmm)) throw new RecognizerUnavailableError(`no acoustic model at ${hmm}; apt-get install pocketsphinx-en-us`);
    const dir = opts.domainDir ?? DOMAIN_DIR;
    const [defaultLm, defaultDict] =
      this.lmKind === 'domain' ? [join(dir, 'cabin.arpa'), join(dir, 'cabin.dict')] : [join(POCKETSPHINX_MODEL, 'en-us.lm.bin'), join(POCKETSPHINX_MODEL, 'cmudict-en-us.dict')];
    const lm = opts.lmPath ?? defaultLm;
    const dict = opts.dictPath ?? defaultDict;
    for (const f of [opts.grammarPath ?? lm, dict]) if (!existsSync(f)) throw new RecognizerUnavailableError(`missing ${f}${f.startsWith(dir) ? ' (run npm run asr:lm)' : ''}`);
    const s = (v: string | null) => ['str', v];
    const search = opts.grammarPath ? [...s(opts.grammarPath.endsWith('.gram') ? '-jsgf' : '-fsg'), ...s(opts.grammarPath)] : [...s('-lm'), ...s(lm)];
    // A flag given twice makes PocketSphinx reject the whole configuration, so `decoderArgs` override these.
    const flags: Record<string, string> = {
      // Segments come from our own per-zone VAD; the decoder's own silence removal re-estimates the noise
      // level per stream and, on clean or gated audio, cut words off (measured: no better on 36 synthetic
      // commands, and it made results depend on the previous utterance).
      '-remove_silence': 'no',
      // The en-us model is phonetically tied (PTM): scoring the 8 best Gaussians per mixture instead of 4 measured
      // 83.3 → 86.1 % command success clean and 70.8 → 76.4 % at 10 dB, RTF 0.068 → 0.088 (16: no better, RTF 0.12).
      '-topn': '8',
      ...(opts.languageWeight !== undefined ? { '-lw': String(opts.languageWeight) } : {}),
      ...opts.decoderArgs,
    };
    const cfg = this.api.cmd_ln_init(null, this.api.ps_args(), 1, ...s('-hmm'), ...s(hmm), ...search, ...s('-dict'), ...s(dict), ...s('-logfn'), ...s('/dev/null'),
      ...Object.entries(flags).flatMap(([k, v]) => [...s(k), ...s(v)]),
      ...s(null));
    if (!cfg) throw new RecognizerUnavailableError('PocketSphinx rejected its configuration');
    this.decoder = this.api.ps_init(cfg);
    if (!this.decoder) throw new RecognizerUnavailableError(`PocketSphinx could not load ${lm}`);
  }

  info(): RecognizerInfo {
    return { name: `PocketSphinx 5prealpha (${this.language})`, languageModel: this.lmKind, language: this.language };
  }

  start(): void {
    this.samples = 0;
    this.decodeMs = 0;
    const t = performance.now();
    // The cepstral mean is left to adapt across utterances (live CMN): it converges on the cabin's
    // microphones, which per-utterance batch CMN measured worse on short commands (13 vs 16 of 36 exact).
    if (this.api.ps_start_utt(this.decoder) < 0) throw new Error('PocketSphinx could not start an utterance');
    this.decodeMs += performance.now() - t;
    this.started = 1;
  }

  feed(pcm: Int16Array): void {
    if (!this.started) throw new Error('feed() before start()');
    const t = performance.now();
    this.api.ps_process_raw(this.decoder, pcm, pcm.length, 0, 0);
    this.decodeMs += performance.now() - t;
    this.samples += pcm.length;
  }

  decode(pcm: Int16Array): Recognition {
    this.start();
    const t = performance.now();
    this.api.ps_process_raw(this.decoder, pcm, pcm.length, 0, 0);
    this.decodeMs += performance.now() - t;
    this.samples += pcm.length;
    return this.end();
  }

  end(): Recognition {
    if (!this.started) throw new Error('end() before start()');
    const t = performance.now();
    this.api.ps_end_utt(this.decoder);
    this.started = 0;
    const score = [0];
    const text = (this.api.ps_get_hyp(this.decoder, score) ?? '').trim().replace(/\s+/g, ' ');
    const confidence = text ? this.wordConfidence() : 0;
    const nbest: Hypothesis[] = [];
    if (text) {
      let it = this.api.ps_nbest(this.decoder);
      while (it && nbest.length < this.nbestMax) {
        const s = [0];
        const h = (this.api.ps_nbest_hyp(it, s) ?? '').trim().replace(/\s+/g, ' ');
        if (h && !nbest.some((x) => x.text === h)) nbest.push({ text: h, score: s[0]! });
        it = this.api.ps_nbest_next(it);
      }
      if (it) this.api.ps_nbest_free(it);
      if (!nbest.length || nbest[0]!.text !== text) nbest.unshift({ text, score: score[0]! });
    }
    this.decodeMs += performance.now() - t;
    return { text, confidence, nbest, decodeMs: this.decodeMs, audioMs: (this.samples / 16000) * 1000 };
  }

  /**
   * Mean lattice posterior of the recognised words (silences and fillers left out). The utterance
   * posterior (ps_get_prob) shrinks with every word, so a long correct command scored lower than a
   * one-word guess; the per-word mean does not.
   */
  private wordConfidence(): number {
    const lmath = this.api.ps_get_logmath(this.decoder);
    const probs: number[] = [];
    let seg = this.api.ps_seg_iter(this.decoder);
    while (seg) {
      const word = this.api.ps_seg_word(seg) ?? '';
      if (!/^(<.*>|\[.*\]|\+\+.*\+\+)$/.test(word)) probs.push(this.api.logmath_exp(lmath, this.api.ps_seg_prob(seg, [0], [0], [0])));
      seg = this.api.ps_seg_next(seg);
    }
    return probs.length ? Math.min(1, probs.reduce((a, b) => a + b, 0) / probs.length) : 0;
  }

  close(): void {
    if (this.decoder) this.api.ps_free(this.decoder);
    this.decoder = null;
  }
}

/**
 * The recogniser the head unit uses: the domain n-gram search (models/speech/cabin-en, from `npm run asr:lm`), with
 * the stock en-us acoustic model or, for an enrolled seat, its voice profile (`hmmDir`, from `cabin enrol`).
 * `withGrammar` adds the command grammar's search beside it. It is off by default: on the voice bench it raised
 * command success (clean 88.4 → 91.3 %, 10 dB 78.3 → 85.5 %) but PocketSphinx searches the expanded grammar at a
 * real-time factor of 1–3 on this machine (the n-gram search: 0.09), seconds of delay per command.
 */
export function cabinRecognizer(opts: Pick<PocketSphinxOptions, 'domainDir' | 'hmmDir'> & { withGrammar?: boolean } = {}): Recognizer {
  const dir = opts.domainDir ?? DOMAIN_DIR;
  const open = new PocketSphinxRecognizer({ languageModel: 'domain', domainDir: dir, hmmDir: opts.hmmDir });
  if (!opts.withGrammar) return open;
  try {
    return new GrammarBackedRecognizer(open, new PocketSphinxRecognizer({ grammarPath: join(dir, 'cabin.gram'), dictPath: join(dir, 'cabin-grammar.dict'), hmmDir: opts.hmmDir }));
  } catch (e) {
    open.close();
    throw e;
  }
}
