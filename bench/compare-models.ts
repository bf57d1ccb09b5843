// `npm run lm:compare -- v16/s1=DIR v16/s2=DIR v15/s1=DIR …`: Cabin LM candidates side by side (bench/lm-compare.ts).
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadLanguageModel } from '../models/runtime/onnx-language-model.js';
import { compareReport, scoreCandidate, type CandidateScores, type CompareInputs } from './lm-compare.js';
import { benchmarksDir, corpusDir, loadBenchmarks, readSamples, repoRoot } from './lm-data.js';

const USAGE = `usage: npm run lm:compare -- [options] LABEL=MODEL_DIR...
  Scores each model on the same rows and prints a Markdown table: held-out en / zh, Home Assistant en, SLURP and
  their mean (mean4), HA zh, team sentences, requests after a name, probes. Labels "corpus/seed" (v16/s1, v16/s2)
  also get the mean over a corpus's seeds, the figure the README's corpus rule compares. Every model after the
  first is also paired with the first row by row on the mean4 figures: rows gained, rows lost, and a sign-test p.
  --heldout FILE   held-out rows (default: $CABIN_CORPUS_DIR or models/training/data, heldout.jsonl)
  --team FILE      team sentences (default: bench/lm-team-sentences.jsonl)
  --probe FILE     an extra JSONL set in the corpus row format (repeatable; scored exact, reported as correct/total)
  --failures FILE  write every miss, one per line
  --json FILE      write the scores as JSON
Home Assistant and SLURP come from $CABIN_BENCHMARKS_DIR (default ../shared/benchmarks).`;

interface Options {
  heldout: string;
  team: string;
  probes: string[];
  failures?: string;
  json?: string;
  models: { label: string; dir: string }[];
}

class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

export function parseCompareArgs(argv: readonly string[]): Options {
  const o: Options = { heldout: join(corpusDir(), 'heldout.jsonl'), team: join(repoRoot(), 'bench', 'lm-team-sentences.jsonl'), probes: [], models: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`lm:compare: ${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') throw new UsageError(USAGE, 0);
    else if (a === '--heldout') o.heldout = val();
    else if (a === '--team') o.team = val();
    else if (a === '--probe') o.probes.push(val());
    else if (a === '--failures') o.failures = val();
    else if (a === '--json') o.json = val();
    else if (a.startsWith('-')) throw new UsageError(`lm:compare: unknown option ${a} (--help lists them)`);
    else {
      const eq = a.indexOf('=');
      const label = eq > 0 ? a.slice(0, eq) : a;
      const dir = eq > 0 ? a.slice(eq + 1) : a;
      o.models.push({ label, dir });
    }
  }
  if (!o.models.length) throw new UsageError('lm:compare: name at least one model directory (LABEL=DIR); --help for usage');
  if (!existsSync(o.heldout)) throw new UsageError(`lm:compare: no held-out rows at ${o.heldout} (npm run corpus writes them; or --heldout FILE)`);
  for (const f of [o.team, ...o.probes]) if (!existsSync(f)) throw new UsageError(`lm:compare: no such file: ${f}`);
  for (const m of o.models) {
    if (!existsSync(join(m.dir, 'model.onnx')) || !existsSync(join(m.dir, 'config.json'))) {
      throw new UsageError(`lm:compare: ${m.dir} is not a model directory (needs model.onnx and config.json)`);
    }
  }
  const labels = o.models.map((m) => m.label);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup) throw new UsageError(`lm:compare: the label ${dup} is used twice`);
  return o;
}

async function main(): Promise<void> {
  let o: Options;
  try {
    o = parseCompareArgs(process.argv.slice(2));
  } catch (e) {
    const u = e as UsageError;
    (u.exitCode === 0 ? process.stdout : process.stderr).write(`${u.message}\n`);
    process.exit(u.exitCode ?? 2);
  }
  const bench = loadBenchmarks(benchmarksDir());
  if (!bench.ha.length && !bench.slurp.length) process.stderr.write(`lm:compare: no benchmarks at ${benchmarksDir()}: HA and SLURP read —, mean4 too\n`);
  const inputs: CompareInputs = {
    heldout: readSamples(o.heldout),
    team: readSamples(o.team),
    bench,
    probes: o.probes.map((f) => ({ name: f.replace(/^.*\//, '').replace(/\.jsonl$/, ''), samples: readSamples(f) })),
  };
  const rows: CandidateScores[] = [];
  for (const [i, m] of o.models.entries()) {
    const t0 = Date.now();
    process.stderr.write(`lm:compare: ${m.label} (${i + 1}/${o.models.length}) ${resolve(m.dir)} …`);
    const model = await loadLanguageModel(m.dir);
    try {
      rows.push(await scoreCandidate(m.label, model, inputs, { failures: Boolean(o.failures) }));
    } finally {
      await model.close();
    }
    process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  process.stdout.write(`held-out rows: ${o.heldout} (${inputs.heldout.length})\n\n${compareReport(rows)}\n`);
  if (o.failures) writeFileSync(o.failures, rows.flatMap((r) => r.failures).join('\n') + '\n');
  if (o.json) writeFileSync(o.json, `${JSON.stringify(rows.map(({ failures: _f, outcomes: _o, ...r }) => r), null, 1)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // A malformed row or a model that fails to load is one line, not a stack trace.
  await main().catch((e: unknown) => {
    process.stderr.write(`\nlm:compare: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
