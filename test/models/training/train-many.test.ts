// train-many.sh: several runs side by side (on a GPU where one is lent; here on the CPU, tiny and medium configs), each
// finished run packed for carrying off the machine, and clear refusals of a bad run spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/cli.js';
import { execAsync, PY, pythonHas, type Run } from '../../helpers/python.js';

const hasTorch = pythonHas('torch');
if (!hasTorch && !process.env.CI) console.warn(`train-many.test: skipping the training runs: ${PY} lacks torch (apt-get install python3-torch)`);
const script = join(repoRoot, 'models', 'training', 'train-many.sh');
const tmp = mkdtempSync(join(tmpdir(), 'train-many-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const run = (args: string[]) => execAsync('bash', [script, ...args], { ...process.env, PYTHON: PY });

describe('train-many.sh arguments', () => {
  it('refuses a run spec it cannot read, or a data dir that is missing, with exit code 2 and nothing started', async () => {
    const bad = await run(['--device', 'cpu', '--runs', join(tmp, 'none'), '--', 'x:/no/such/dir:1:5']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad run "x:\/no\/such\/dir:1:5"/);
    expect((await run(['--device', 'cpu', '--', `x:${tmp}:one:5`])).status).toBe(2);
    expect(readdirSync(join(tmp, 'none'))).toEqual([]);
  });

  it('prints its usage for an unknown option or no runs', async () => {
    for (const args of [['--fast'], ['--device', 'cpu'], ['--']]) {
      const r = await run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/usage: bash models\/training\/train-many.sh/);
    }
  });
});

describe.skipIf(!hasTorch && !process.env.CI)('train-many.sh runs', () => {
  let r: Run;
  const data = join(tmp, 'data');
  const runs = join(tmp, 'runs');
  const pack = join(tmp, 'pack');
  beforeAll(async () => {
    const corpus = await execAsync('node', ['dist/models/training/corpus/generate.js', '--small', '--out', data]);
    expect(corpus.status, corpus.stderr).toBe(0);
    const few = '--evals,1,--final-eval-n,5,--eval-n,5,--vocab,1000';
    // b trains the medium config (384 × 4), the size README's "Training on a GPU" names next, so that it cannot rot.
    r = await run(['--device', 'cpu', '--threads', '1', '--runs', runs, '--pack', pack, '--', `a:${data}:1:4:--config,tiny,${few}`, `b:${data}:2:2:--config,medium,${few}`]);
  }, 220_000);

  it('trains every run and packs each finished one with its weights, tokenizer, log and record', () => {
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    for (const name of ['a', 'b']) {
      expect(existsSync(join(runs, name, 'last.pt')), name).toBe(true);
      const list = spawnSync('tar', ['-tf', join(pack, `${name}.tar`)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
      expect(list).toEqual(['last.pt', 'progress.log', 'record.json', 'tokenizer.json']);
    }
    expect(r.stdout).toMatch(/a: .*done: 4 steps/);
    const record = JSON.parse(readFileSync(join(runs, 'b', 'record.json'), 'utf8')) as { model_config: { d_model: number; n_layers: number } };
    expect(record.model_config).toMatchObject({ d_model: 384, n_layers: 4 });
  });
});
