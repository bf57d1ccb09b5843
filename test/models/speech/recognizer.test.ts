// PocketSphinx through koffi: real human speech, the domain model against the generic one, confidence, streaming, bad input.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PocketSphinxRecognizer } from '../../../models/speech/pocketsphinx.recognizer.js';
import { recognize, type Recognizer } from '../../../models/speech/recognizer.js';

const decode = (r: Recognizer, pcm: Int16Array) => r.decode(pcm);

const pcmOf = (b: Buffer) => new Int16Array(b.buffer, b.byteOffset, b.length / 2);

function espeak(text: string, voice = 'en-us'): Int16Array {
  return pcmOf(execFileSync('sh', ['-c', 'espeak-ng -v "$1" --stdout -- "$2" | sox -t wav - -t raw -r 16000 -c 1 -b 16 -e signed -', 'sh', voice, text]));
}

describe('PocketSphinx recogniser', () => {
  it('recognises a real human recording from Debian\'s test data (generic model)', () => {
    const r = new PocketSphinxRecognizer({ languageModel: 'generic' });
    const rec = decode(r, pcmOf(readFileSync('/usr/share/pocketsphinx/test/data/goforward.raw')));
    r.close();
    expect(rec.text).toBe('go forward ten meters');
    expect(rec.confidence).toBeGreaterThan(0.5);
    expect(rec.nbest[0]!.text).toBe(rec.text);
    expect(rec.nbest.length).toBeGreaterThan(1);
    expect(rec.audioMs).toBeCloseTo(2786.25, 1);
  });

  it('searches a JSGF grammar instead of the n-gram model when given one, and a grammar forces speech onto its sentences', () => {
    const data = '/usr/share/pocketsphinx/test/data';
    const raw = pcmOf(readFileSync(`${data}/goforward.raw`));
    const turtle = new PocketSphinxRecognizer({ languageModel: 'generic', grammarPath: `${data}/goforward.gram` });
    expect(decode(turtle, raw).text).toBe('go forward ten meters');
    turtle.close();
    // Why the grammar is not the default search: whatever is said comes out as one of its sentences.
    const dir = mkdtempSync(join(tmpdir(), 'cabin-gram-'));
    writeFileSync(join(dir, 'one.gram'), '#JSGF V1.0;\ngrammar one;\npublic <s> = turn on the dome light;\n');
    const forced = new PocketSphinxRecognizer({ languageModel: 'generic', grammarPath: join(dir, 'one.gram') });
    expect(decode(forced, raw).text).toBe('turn on the dome light');
    forced.close();
    expect(() => new PocketSphinxRecognizer({ grammarPath: join(dir, 'missing.gram') })).toThrow(/missing\.gram/);
  });

  it('the domain model recognises cabin commands the generic model garbles', () => {
    const domain = new PocketSphinxRecognizer({ languageModel: 'domain' });
    const generic = new PocketSphinxRecognizer({ languageModel: 'generic' });
    const said = ['make the ambient light blue', 'recirculation on please', 'turn off the dome light', 'set the fan to five', 'turn on my reading light', 'massage on'];
    let domainRight = 0;
    let genericRight = 0;
    for (const text of said) {
      const pcm = espeak(text);
      if (decode(domain, pcm).text === text) domainRight++;
      if (decode(generic, pcm).text === text) genericRight++;
    }
    domain.close();
    generic.close();
    expect(domainRight).toBeGreaterThanOrEqual(3);
    expect(genericRight).toBeLessThan(domainRight);
    // Twelve decodes, half with the large generic model: ~8 s on an idle machine, past the 20 s default when training
    // holds both cores (CI, session 15). The limit guards against a hang; speed is the voice bench's business.
  }, 120_000);

  it('is deterministic: the same utterances in the same order give the same words, whole or streamed in chunks', () => {
    // The cepstral mean adapts from utterance to utterance (live CMN, as in a cabin), so results depend on
    // what came before: compare fresh decoders fed the same sequence.
    const seq = [espeak('turn off the dome light'), espeak('recirculation on please', 'en-gb'), espeak('turn off the dome light')];
    const run = (chunk?: number) => {
      const r = new PocketSphinxRecognizer();
      const out = seq.map((pcm) => (chunk ? recognize(r, pcm, chunk) : decode(r, pcm)).text);
      r.close();
      return out;
    };
    const whole = run();
    expect(run(160)).toEqual(whole);
    expect(run(4097)).toEqual(whole);
    expect(whole[2]).toBe('turn off the dome light');
  });

  it('Mandarin needs an acoustic model this machine cannot have: a clear error, not a fake', () => {
    expect(() => new PocketSphinxRecognizer({ language: 'zh' })).toThrow(/no Mandarin acoustic model is installed/);
  });

  it('passes decoder flags through, and an unknown flag is a clear error rather than a silently default search', () => {
    const narrow = new PocketSphinxRecognizer({ languageModel: 'generic', decoderArgs: { '-beam': '1e-5' } });
    const wide = new PocketSphinxRecognizer({ languageModel: 'generic' });
    const pcm = pcmOf(readFileSync('/usr/share/pocketsphinx/test/data/goforward.raw'));
    // A beam this narrow prunes the right path away ("go forward ten meters" comes out as "gopher").
    expect(decode(wide, pcm).text).not.toBe(decode(narrow, pcm).text);
    narrow.close();
    wide.close();
    expect(() => new PocketSphinxRecognizer({ decoderArgs: { '-no_such_flag': '1' } })).toThrow(/rejected its configuration/);
  });

  it('silence gives no words and zero confidence; misuse is a clear error', () => {
    const r = new PocketSphinxRecognizer();
    const rec = decode(r, new Int16Array(16000));
    expect(rec).toMatchObject({ text: '', confidence: 0, nbest: [] });
    expect(() => r.feed(new Int16Array(10))).toThrow('feed() before start()');
    r.close();
  });
});
