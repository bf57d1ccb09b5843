// recover.py turns a shipped int8 model dir back into a run dir, so that the shipped model can be trained further
// and averaged when the run that made it is gone (run dirs are not committed; a new machine starts without them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execAsync, PY, pythonHas, type Run } from '../../helpers/python.js';

const hasTorch = pythonHas('torch', 'onnx');
if (!hasTorch && !process.env.CI) {
  console.warn(`recover.test: skipping: ${PY} lacks torch or onnx (apt-get install python3-torch python3-onnx libopenblas0-pthread)`);
}

describe.skipIf(!hasTorch && !process.env.CI)('recover.py: a shipped model back into a run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cabin-recover-'));
  const data = join(dir, 'data');
  const otherData = join(dir, 'data-other');
  const exec = execAsync;
  const py = (...args: string[]) => exec(PY, args);
  const ship = (run: string, out: string) =>
    py('models/training/pipeline.py', '--data', data, '--run', join(dir, run), '--ship', join(dir, out), '--skip-train');
  const recover = (model: string, out: string, corpus = data) =>
    py('models/training/recover.py', '--model', join(dir, model), '--data', corpus, '--out', join(dir, out));
  /** Filled by beforeAll; every test reads runs it knows were made. */
  const runs = {} as Record<'continued' | 'otherCorpus' | 'overRun' | 'recovered' | 'reshipped' | 'shipped' | 'tampered' | 'trained', Run>;
  const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
  let runBefore = { last: '', record: '' };

  beforeAll(async () => {
    const gens = await Promise.all([
      exec('node', ['dist/models/training/corpus/generate.js', '--seed', '1', '--out', data, '--small']),
      exec('node', ['dist/models/training/corpus/generate.js', '--seed', '2', '--out', otherData, '--small']),
    ]);
    for (const gen of gens) expect(gen.status, gen.stderr).toBe(0);
    runs.trained = await py('models/training/train.py', '--data', data, '--out', join(dir, 'run'), '--config', 'tiny', '--steps', '20',
      '--batch-tokens', '6000', '--seed', '3');
    runs.shipped = await ship('run', 'shipped');
    runs.recovered = await recover('shipped', 'recovered');
    runs.reshipped = await ship('recovered', 'reshipped');
    // A learning rate of 1e-12 leaves the weights where they start: the continuation must begin on the recovered ones.
    runs.continued = await py('models/training/train.py', '--data', data, '--out', join(dir, 'continued'), '--config', 'tiny', '--steps', '4',
      '--batch-tokens', '6000', '--seed', '3', '--lr', '1e-12', '--init-from', join(dir, 'recovered'));
    runBefore = { last: sha(join(dir, 'run', 'last.pt')), record: sha(join(dir, 'run', 'record.json')) };
    cpSync(join(dir, 'shipped'), join(dir, 'tampered'), { recursive: true });
    const onnxPath = join(dir, 'tampered', 'model.onnx');
    const bytes = readFileSync(onnxPath);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    writeFileSync(onnxPath, bytes);
    [runs.tampered, runs.otherCorpus, runs.overRun] = await Promise.all([
      recover('tampered', 'from-tampered'), recover('shipped', 'from-other', otherData), recover('shipped', 'run'),
    ]);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('recovers weights that quantize back to the shipped int8 tensors', () => {
    for (const k of ['trained', 'shipped', 'recovered', 'reshipped'] as const) expect(runs[k].status, `${k}: ${runs[k].stderr.slice(-1500)}`).toBe(0);
    const check = spawnSync(PY, ['-c', [
      'import onnx, numpy as np', 'from onnx import numpy_helper',
      `a = {i.name: numpy_helper.to_array(i) for i in onnx.load('${join(dir, 'shipped', 'model.onnx')}').graph.initializer}`,
      `b = {i.name: numpy_helper.to_array(i) for i in onnx.load('${join(dir, 'reshipped', 'model.onnx')}').graph.initializer}`,
      'ints = [k for k in a if a[k].dtype == np.int8]',
      // Scales are recomputed from a row or column maximum, so they may move by a float rounding, no more.
      'floats_close = all(np.allclose(a[k], b[k], rtol=1e-6, atol=0) for k in a if a[k].dtype != np.int8)',
      'print(sorted(a) == sorted(b), len(ints) > 0 and all(np.array_equal(a[k], b[k]) for k in ints), floats_close)',
    ].join('\n')], { encoding: 'utf8' });
    expect(check.stdout.trim(), check.stderr).toBe('True True True');
  });

  it('writes a record that continues the shipped lineage: its steps, its corpus, the chain that rebuilds it', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'shipped', 'manifest.json'), 'utf8')) as {
      corpus: { train_sha256: string }; files: { 'model.onnx': { sha256: string } }; training: { reproduce: string; steps: number };
    };
    const record = JSON.parse(readFileSync(join(dir, 'recovered', 'record.json'), 'utf8')) as {
      steps: number; corpus: { train_sha256: string }; reproduce: string; recovered_from: { model_onnx_sha256: string };
    };
    expect(record.steps).toBe(20);
    expect(record.corpus.train_sha256).toBe(manifest.corpus.train_sha256);
    expect(record.recovered_from.model_onnx_sha256).toBe(manifest.files['model.onnx'].sha256);
    const parts = record.reproduce.split(' && ');
    expect(parts[0]).toBe(manifest.training.reproduce);
    expect(parts[1]).toMatch(/pipeline\.py .*--skip-train/);
    expect(parts[2]).toMatch(/recover\.py --model \S+shipped --data \S+ --out \S+recovered$/);
  });

  it('train.py --init-from continues the recovered run from its weights', () => {
    expect(runs.continued.status, runs.continued.stderr.slice(-1500)).toBe(0);
    const close = spawnSync(PY, ['-c', `import torch; a = torch.load('${join(dir, 'recovered', 'last.pt')}')['model']; ` +
      `b = torch.load('${join(dir, 'continued', 'last.pt')}')['model']; print(all(torch.allclose(a[k], b[k], atol=1e-6) for k in a))`],
    { encoding: 'utf8' }).stdout.trim();
    expect(close).toBe('True');
    const record = JSON.parse(readFileSync(join(dir, 'continued', 'record.json'), 'utf8')) as { total_steps: number };
    expect(record.total_steps).toBe(24);
  });

  it('refuses to write over a run\'s weights, in one line', () => {
    expect(runs.overRun.status).not.toBe(0);
    expect(runs.overRun.stderr.trim()).toMatch(/^recover\.py: --out \S+run already holds a last\.pt \(name a new run dir\)$/);
    // The trained run is untouched: its last.pt and record.json are the ones train.py wrote.
    expect(sha(join(dir, 'run', 'last.pt'))).toBe(runBefore.last);
    expect(sha(join(dir, 'run', 'record.json'))).toBe(runBefore.record);
  });

  it('refuses, in one line and writing nothing, a model.onnx its manifest does not name and another corpus', () => {
    for (const [run, out, why] of [
      [runs.tampered, 'from-tampered', /model\.onnx \(sha256 [0-9a-f]{12}…\) is not the file its manifest names/],
      [runs.otherCorpus, 'from-other', /train\.jsonl is [0-9a-f]{12}…, the model was trained on [0-9a-f]{12}…/],
    ] as const) {
      expect(run.status).not.toBe(0);
      const err = run.stderr.trim();
      expect(err.split('\n')).toHaveLength(1);
      expect(err).toMatch(why);
      expect(existsSync(join(dir, out))).toBe(false);
    }
  });
});
