// `npm run lm:sizes -- LABEL=MODEL_DIR...`: what a model's size costs on this CPU, before anyone trains it. Times one
// utterance's worth of work — a prompt fed at once, then one token at a time, as the constrained decoder runs — with
// the models taken in turn each repetition, so that a busy machine slows them alike (side by side in one run, medians).
// Random-weight exports do as well as trained ones here: the work per token does not depend on the weights.
import { statSync } from 'node:fs';
import { loadModelConfig } from '../models/runtime/model-config.js';
import { OnnxCausalLM } from '../models/runtime/onnx-causal-lm.js';
import { percentile } from '../models/runtime/measure.js';
import { parseModelArgs, runAsScript } from './model-cli.js';

const USAGE = `usage: npm run lm:sizes -- [--prompt N] [--steps N] [--reps N] LABEL=MODEL_DIR...
  For each model: file size, load time, and the time for one utterance (a prompt of --prompt tokens, default 16,
  then --steps single-token steps, default 10: the corpus's mean row is 22.7 tokens), median and p95 over --reps
  (default 200) after 10 warm-ups. Models are timed in turn, one utterance each, so load on the machine falls on all.`;

type SizeOptions = ReturnType<typeof parseSizeArgs>;

export const parseSizeArgs = (argv: readonly string[]) => parseModelArgs(argv, { prompt: 16, steps: 10, reps: 200 });

async function timeUtterance(lm: OnnxCausalLM, prompt: number[], steps: number): Promise<number> {
  const t0 = performance.now();
  await lm.prefill(prompt);
  for (let s = 0; s < steps; s++) await lm.step(5 + (s % 7));
  return performance.now() - t0;
}

export async function main(argv: readonly string[]): Promise<number> {
  let o: SizeOptions;
  try {
    o = parseSizeArgs(argv);
  } catch (err) {
    process.stderr.write(`lm:sizes: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const loaded: { label: string; lm: OnnxCausalLM; mb: number; loadMs: number; times: number[] }[] = [];
  for (const m of o.models) {
    const cfg = loadModelConfig(m.dir);
    const t0 = performance.now();
    const lm = await OnnxCausalLM.create(cfg);
    loaded.push({ label: m.label, lm, mb: statSync(cfg.files.model).size / 1e6, loadMs: performance.now() - t0, times: [] });
  }
  // Token ids well inside every vocabulary; the prompt's content does not change the work.
  const prompt = Array.from({ length: o.prompt }, (_, i) => 10 + ((i * 37) % 900));
  for (let r = -10; r < o.reps; r++) {
    for (const m of loaded) {
      const ms = await timeUtterance(m.lm, prompt, o.steps);
      if (r >= 0) m.times.push(ms);
    }
    if (r > 0 && r % 50 === 0) process.stderr.write(`lm:sizes: ${r}/${o.reps}\n`);
  }
  const rows = loaded.map((m) => {
    const s = [...m.times].sort((a, b) => a - b);
    return `| ${m.label} | ${m.mb.toFixed(2)} | ${m.loadMs.toFixed(0)} | ${percentile(s, 50).toFixed(1)} | ${percentile(s, 95).toFixed(1)} |`;
  });
  process.stdout.write(`one utterance = a ${o.prompt}-token prompt + ${o.steps} steps; ${o.reps} reps each, taken in turn\n\n`
    + '| model | model.onnx MB | load ms | p50 ms | p95 ms |\n|---|---|---|---|---|\n' + rows.join('\n') + '\n');
  for (const m of loaded) await m.lm.close();
  return 0;
}

runAsScript(import.meta.url, 'lm:sizes', main);
