// grow.py makes a trained run deeper without changing what it computes, so a bigger model can start from the
// trained one instead of from scratch; train.py then continues it under the deeper config.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execAsync, PY, pythonHas, type Run } from '../../helpers/python.js';

const hasTorch = pythonHas('torch');
if (!hasTorch && !process.env.CI) {
  console.warn(`grow.test: skipping: ${PY} lacks torch (apt-get install python3-torch libopenblas0-pthread)`);
}

/** Runs Python in models/training and returns its last stdout line. */
function pyLine(code: string): { line: string; stderr: string } {
  const r = spawnSync(PY, ['-c', code], { encoding: 'utf8', cwd: 'models/training' });
  return { line: r.stdout.trim().split('\n').pop() ?? '', stderr: r.stderr };
}

describe.skipIf(!hasTorch && !process.env.CI)('grow.py: a deeper model that starts as the trained one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cabin-grow-'));
  const data = join(dir, 'data');
  const few = ['--evals', '1', '--eval-n', '5', '--final-eval-n', '5', '--vocab', '1000', '--batch-tokens', '2000', '--threads', '1'];
  const runs: Record<string, Run> = {};
  const grow = (from: string, config: string, out: string) =>
    execAsync(PY, ['models/training/grow.py', '--from', join(dir, from), '--config', config, '--out', join(dir, out)]);

  beforeAll(async () => {
    const gen = await execAsync('node', ['dist/models/training/corpus/generate.js', '--seed', '1', '--out', data, '--small']);
    expect(gen.status, gen.stderr).toBe(0);
    runs.trained = await execAsync(PY, ['models/training/train.py', '--data', data, '--out', join(dir, 'run'), '--config', 'small', '--steps', '3', '--seed', '1', ...few]);
    runs.grown = await grow('run', 'small6', 'grown');
    runs.continued = await execAsync(PY, ['models/training/train.py', '--data', data, '--out', join(dir, 'continued'), '--config', 'small6', '--steps', '2',
      '--seed', '2', '--warmup', '1', '--init-from', join(dir, 'grown'), ...few]);
    [runs.sameDepth, runs.wider, runs.overGrown] = await Promise.all([grow('run', 'small', 'same'), grow('run', 'medium', 'wide'), grow('run', 'small6', 'grown')]);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same logits as the run it grew from, with two more layers', () => {
    for (const k of ['trained', 'grown']) expect(runs[k]!.status, `${k}: ${runs[k]!.stderr.slice(-1500)}`).toBe(0);
    const { line, stderr } = pyLine([
      'import torch', 'from model import CabinLM, Config',
      'def load(p):',
      '    ck = torch.load(p, map_location="cpu"); m = CabinLM(Config(**ck["config"])); m.load_state_dict(ck["model"]); m.eval(); return m',
      `a, b = load('${join(dir, 'run', 'last.pt')}'), load('${join(dir, 'grown', 'last.pt')}')`,
      'torch.manual_seed(0); x = torch.randint(5, a.cfg.vocab_size, (2, 17))',
      'with torch.no_grad(): d = (a.head(a.hidden(x)) - b.head(b.hidden(x))).abs().max().item()',
      'print(len(a.blocks), len(b.blocks), d < 1e-5)',
    ].join('\n'));
    expect(line, stderr).toBe('4 6 True');
  });

  it('spreads the new blocks through the stack and records where they went', () => {
    const record = JSON.parse(readFileSync(join(dir, 'grown', 'record.json'), 'utf8')) as {
      config_name: string; model_config: { n_layers: number }; grown_from: { n_layers: number; placement: (number | string)[] }; reproduce: string;
    };
    expect(record.config_name).toBe('small6');
    expect(record.model_config.n_layers).toBe(6);
    expect(record.grown_from.n_layers).toBe(4);
    expect(record.grown_from.placement).toEqual([0, 1, 'new', 2, 3, 'new']);
    expect(record.reproduce).toMatch(/train\.py .* && .*grow\.py --from/);
    const { line } = pyLine('from grow import placement\nprint(placement(4, 5), placement(2, 6), placement(4, 8))');
    expect(line).toBe('[0, 1, 2, 3, None] [0, None, None, 1, None, None] [0, None, 1, None, 2, None, 3, None]');
  });

  it('is continued by train.py under the deeper config, and the new blocks start to learn', () => {
    expect(runs.continued!.status, runs.continued!.stderr.slice(-1500)).toBe(0);
    const { line, stderr } = pyLine([
      'import torch',
      `g = torch.load('${join(dir, 'grown', 'last.pt')}', map_location='cpu')['model']`,
      `c = torch.load('${join(dir, 'continued', 'last.pt')}', map_location='cpu')['model']`,
      // Block 2 is new (zero output projection when grown); block 0 is the trained run's first block.
      "print(g['blocks.2.proj.weight'].abs().max().item() == 0, c['blocks.2.proj.weight'].abs().max().item() > 0, c['blocks.2.qkv.weight'].ne(g['blocks.2.qkv.weight']).any().item())",
    ].join('\n'));
    expect(line, stderr).toBe('True True True');
  });

  it('refuses, in one line and writing nothing, a target that is not deeper, one of another width, and an existing run', () => {
    expect(runs.sameDepth!.status).not.toBe(0);
    expect(runs.sameDepth!.stderr.trim()).toMatch(/^grow\.py: a grown model needs more than 4 layers, not 4$/);
    expect(runs.wider!.status).not.toBe(0);
    expect(runs.wider!.stderr.trim()).toMatch(/^grow\.py: d_model is 256 in the run, 384 in the target config \(grow\.py only adds layers\)$/);
    expect(runs.overGrown!.status).not.toBe(0);
    expect(runs.overGrown!.stderr.trim()).toMatch(/already holds a last\.pt/);
    for (const out of ['same', 'wide']) expect(spawnSync('test', ['-e', join(dir, out)]).status).not.toBe(0);
  });
});
