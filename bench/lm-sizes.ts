// `npm run lm:sizes -- LABEL=MODEL_DIR...`: what a model's size costs on this CPU, before anyone trains it. Times one
// utterance's worth of work — a prompt fed at once, then one token at a time, as the constrained decoder runs — with
// the models taken in turn each repetition, so that a busy machine slows them alike (side by side in one run, medians).
// Random-weight exports do as well as trained ones here: the work per token does not depend on the weights.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadModelConfig } from '../models/runtime/model-config.js';
import { OnnxCausalLM } from '../models/runtime/onnx-causal-lm.js';
import { percentile } from '../models/runtime/measure.js';

const USAGE = `usage: npm run lm:sizes -- [--prompt N] [--steps N] [--reps N] LABEL=MODEL_DIR...
  For each model: file size, load time, and the time for one utterance (a prompt of --prompt tokens, default 16,
  then --steps single-token steps, default 10: the corpus's mean row is 22.7 tokens), median and p95 over --reps
  (default 200) after 10 warm-ups. Models are timed in turn, one utterance each, so load on the machine falls on all.`;

interface SizeOptions {
  prompt: number;
  steps: number;
  reps: number;
  models: { label: string; dir: string }[];
}

export function parseSizeArgs(argv: readonly string[]): SizeOptions {
  const o: SizeOptions = { prompt: 16, steps: 10, reps: 200, models: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = (name: keyof Omit<SizeOptions, 'models'>) => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${a} needs a whole number ≥ 1, got "${argv[i] ?? ''}"`);
      o[name] = v;
    };
    if (a === '--prompt') num('prompt');
    else if (a === '--steps') num('steps');
    else if (a === '--reps') num('reps');
    else if (a.includes('=') && !a.startsWith('-')) {
      const [label, dir] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)];
      if (!label || !dir) throw new Error(`"${a}": expected LABEL=MODEL_DIR`);
      o.models.push({ label, dir: resolve(dir) });
    } else throw new Error(`unknown argument "${a}"`);
  }
  if (o.models.length === 0) throw new Error('no models given');
  return o;
}

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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
    process.stderr.write(`lm:sizes: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
