// An open (n-gram) recogniser and a command-grammar recogniser fed the same audio: the open reading, with the
// grammar's attached for the understanding step to weigh.
import type { Recognition, Recognizer, RecognizerInfo } from './recognizer.js';

/**
 * Both searches run as the audio streams in, so the end of speech waits for two final searches, not for a
 * second pass over the whole utterance (the grammar search is the cheaper of the two).
 */
export class GrammarBackedRecognizer implements Recognizer {
  constructor(
    private readonly open: Recognizer,
    private readonly grammar: Recognizer,
  ) {}

  info(): RecognizerInfo {
    const i = this.open.info();
    return { ...i, languageModel: `${i.languageModel} + command grammar` };
  }

  start(): void {
    this.open.start();
    this.grammar.start();
  }

  feed(pcm: Int16Array): void {
    this.open.feed(pcm);
    this.grammar.feed(pcm);
  }

  end(): Recognition {
    const heard = this.open.end();
    const grammar = this.grammar.end();
    return { ...heard, grammar, decodeMs: heard.decodeMs + grammar.decodeMs };
  }

  decode(pcm: Int16Array): Recognition {
    this.start();
    this.feed(pcm);
    return this.end();
  }

  close(): void {
    this.open.close();
    this.grammar.close();
  }
}
