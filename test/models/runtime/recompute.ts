// Test reference for the KV cache: recomputes the whole sequence every step.
import type { LogitsSource, OnnxCausalLM } from '../../../models/runtime/onnx-causal-lm.js';

/** Recomputes the whole sequence every step: the reference the KV cache must agree with. */
export class Recompute implements LogitsSource {
  private ids: number[] = [];
  constructor(private readonly lm: OnnxCausalLM) {}
  get vocabSize() {
    return this.lm.vocabSize;
  }
  async prefill(ids: readonly number[]) {
    this.ids = [...ids];
    return Float32Array.from(await this.lm.prefill(this.ids));
  }
  async step(id: number) {
    this.ids.push(id);
    return Float32Array.from(await this.lm.prefill(this.ids));
  }
}
