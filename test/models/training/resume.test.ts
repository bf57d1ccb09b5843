// A training run cut short continues with --resume and ends exactly where one unbroken run would: the small model's
// run takes longer than a working sitting on this machine, so a run that cannot resume is a run thrown away. A
// finished run trained further with --init-from starts from its weights and carries its provenance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/cli.js';
import { execAsync, PY, pythonHas, type Run } from '../../helpers/python.js';

const hasTorch = pythonHas('torch');
if (!hasTorch && !process.env.CI) {
  console.warn(`resume.test: skipping: ${PY} lacks torch (apt-get install python3-torch libopenblas0-pthread)`);
}

describe.skipIf(!hasTorch && !process.env.CI)('train.py --stop-after / --resume / --init-from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cabin-resume-'));
  const data = join(dir, 'data');
  const otherData = join(dir, 'data-other');
  const exec = execAsync;
  // The small corpus makes ~10 batches of 6,000 tokens: a pause at step 12 of 24 falls in the second epoch, so the
  // third epoch's shuffle is drawn after the resume and needs the restored random state, not just the weights.
  const train = (out: string, ...extra: string[]) =>
    exec(PY, ['models/training/train.py', '--data', data, '--out', join(dir, out), '--config', 'tiny', '--steps', '24', '--batch-tokens', '6000', ...extra]);
  const sameWeights = (a: string, b: string) =>
    spawnSync(PY, ['-c', `import torch; a = torch.load('${a}')['model']; b = torch.load('${b}')['model']; ` +
      "print('same' if a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a) else 'differ')"], { encoding: 'utf8' }).stdout.trim();
  /** Filled by beforeAll; every test reads runs it knows were made. */
  const runs = {} as Record<'averageStrangers' | 'averageUnfinished' | 'averaged' | 'averagedFresh' | 'child' | 'childFresh' | 'childOfUnfinished' | 'childOtherCorpus' | 'childTrained' | 'first' | 'freshAlone' | 'other' | 'second' | 'stranger' | 'whole' | 'wrongSeed', Run>;
  let pausedWithFile = false;

  beforeAll(async () => {
    const gens = await Promise.all([
      exec('node', ['dist/models/training/corpus/generate.js', '--seed', '1', '--out', data, '--small']),
      exec('node', ['dist/models/training/corpus/generate.js', '--seed', '2', '--out', otherData, '--small']),
    ]);
    for (const gen of gens) expect(gen.status, gen.stderr).toBe(0);
    [runs.whole, runs.first, runs.other] = await Promise.all([
      train('whole', '--seed', '3'),
      train('split', '--seed', '3', '--stop-after', '12'),
      train('other', '--seed', '3', '--stop-after', '12'),
    ]);
    pausedWithFile = existsSync(join(dir, 'split', 'resume.pt'));
    // A learning rate of 1e-12 leaves the weights where they start: the child must end on its parent's weights.
    const child = (out: string, from: string, ...extra: string[]) =>
      exec(PY, ['models/training/train.py', '--data', data, '--out', join(dir, out), '--config', 'tiny', '--steps', '6', '--batch-tokens', '6000',
        '--seed', '3', '--init-from', join(dir, from), ...extra]);
    const onOther = (out: string, ...extra: string[]) =>
      exec(PY, ['models/training/train.py', '--data', otherData, '--out', join(dir, out), '--config', 'tiny', '--steps', '6',
        '--batch-tokens', '6000', '--seed', '3', ...extra]);
    [runs.second, runs.wrongSeed, runs.child, runs.childOfUnfinished, runs.childOtherCorpus, runs.childTrained, runs.childFresh, runs.freshAlone,
      runs.stranger] =
      await Promise.all([
        train('split', '--seed', '3', '--resume'),
        train('other', '--seed', '4', '--resume'),
        child('child', 'whole', '--lr', '1e-12'),
        child('child-unfinished', 'other'),
        onOther('child-other', '--init-from', join(dir, 'whole')),
        child('child-trained', 'whole', '--show-misses'),
        onOther('child-fresh', '--init-from', join(dir, 'whole'), '--fresh-corpus'),
        onOther('fresh-alone', '--fresh-corpus'),
        onOther('stranger'),
      ]);
    const average = (out: string, ...from: string[]) =>
      exec(PY, ['models/training/average.py', '--out', join(dir, out), ...from.map((r) => join(dir, r))]);
    [runs.averaged, runs.averageUnfinished, runs.averagedFresh, runs.averageStrangers] = await Promise.all([
      average('averaged', 'whole', 'child-trained'), average('averaged-bad', 'whole', 'other'),
      average('averaged-fresh', 'whole', 'child-fresh'), average('averaged-strangers', 'whole', 'stranger'),
    ]);
  }, 400_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pauses with a resume.pt and ends with the weights of the unbroken run', () => {
    for (const k of ['whole', 'first', 'second'] as const) expect(runs[k].status, `${k}: ${runs[k].stderr.slice(-1500)}`).toBe(0);
    expect(pausedWithFile, 'resume.pt written at the pause').toBe(true);
    expect(runs.first.stdout).toMatch(/paused at step 12\/24/);
    expect(sameWeights(join(dir, 'whole', 'last.pt'), join(dir, 'split', 'last.pt'))).toBe('same');
    const record = JSON.parse(readFileSync(join(dir, 'split', 'record.json'), 'utf8')) as { resumed_at: number[]; steps: number; command: string };
    expect(record).toMatchObject({ resumed_at: [12], steps: 24 });
    expect(record.command).toContain('--stop-after 12');  // the first sitting's command, as the record's provenance
    expect(existsSync(join(dir, 'split', 'resume.pt')), 'a finished run drops its resume.pt').toBe(false);
  });

  it('refuses to resume a different run with a one-line reason and leaves its resume.pt alone', () => {
    expect(runs.wrongSeed.status).not.toBe(0);
    const err = runs.wrongSeed.stderr.trim();
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/different run \(seed 3 → 4\)/);
    expect(existsSync(join(dir, 'other', 'resume.pt'))).toBe(true);
    expect(existsSync(join(dir, 'other', 'last.pt'))).toBe(false);
  });

  it('--init-from starts from the finished run\'s weights and records the chain that reproduces it', () => {
    expect(runs.child.status, runs.child.stderr.slice(-1500)).toBe(0);
    const close = spawnSync(PY, ['-c', `import torch; a = torch.load('${join(dir, 'whole', 'last.pt')}')['model']; ` +
      `b = torch.load('${join(dir, 'child', 'last.pt')}')['model']; print(all(torch.allclose(a[k], b[k], atol=1e-6) for k in a))`],
    { encoding: 'utf8' }).stdout.trim();
    expect(close, 'weights after 6 steps at lr 1e-12 are the parent\'s').toBe('True');
    const parent = JSON.parse(readFileSync(join(dir, 'whole', 'record.json'), 'utf8')) as { reproduce: string };
    const record = JSON.parse(readFileSync(join(dir, 'child', 'record.json'), 'utf8')) as {
      steps: number; total_steps: number; reproduce: string; init_from: { steps: number; sha256: string; reproduce: string };
    };
    expect(record).toMatchObject({ steps: 6, total_steps: 30, init_from: { steps: 24, reproduce: parent.reproduce } });
    expect(record.init_from.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.reproduce.startsWith(`${parent.reproduce} && `), record.reproduce).toBe(true);
    expect(record.reproduce).toMatch(/--init-from \S+whole --lr 1e-12 --steps 6$/);
  });

  it('--init-from refuses a run that is not finished, or trained on another corpus, in one line', () => {
    for (const [run, why] of [[runs.childOfUnfinished, /no \S+last\.pt \(name a finished run\)/], [runs.childOtherCorpus, /trained on another corpus/]] as const) {
      expect(run.status).not.toBe(0);
      const err = run.stderr.trim();
      expect(err.split('\n')).toHaveLength(1);
      expect(err).toMatch(why);
    }
    expect(existsSync(join(dir, 'child-other', 'last.pt'))).toBe(false);
  });

  it('--fresh-corpus trains a finished run further on another draw, with the parent\'s tokenizer, and says which corpus each read', () => {
    expect(runs.childFresh.status, runs.childFresh.stderr.slice(-1500)).toBe(0);
    const tokenizer = (r: string) => readFileSync(join(dir, r, 'tokenizer.json'), 'utf8');
    expect(tokenizer('child-fresh') === tokenizer('whole'), 'the vocabulary the weights were trained with').toBe(true);
    const corpusOf = (r: string) => (JSON.parse(readFileSync(join(dir, r, 'record.json'), 'utf8')) as { corpus: { train_sha256: string } }).corpus.train_sha256;
    const record = JSON.parse(readFileSync(join(dir, 'child-fresh', 'record.json'), 'utf8')) as { init_from: { corpus_sha256: string } };
    expect(corpusOf('child-fresh')).not.toBe(corpusOf('whole'));
    expect(record.init_from.corpus_sha256).toBe(corpusOf('whole'));
    // Only a run and its own fresh-draw continuation average; two unrelated runs on two corpora still do not.
    expect(runs.averagedFresh.status, runs.averagedFresh.stderr.slice(-1500)).toBe(0);
    const averaged = JSON.parse(readFileSync(join(dir, 'averaged-fresh', 'record.json'), 'utf8')) as { averaged_from: { corpus_sha256: string }[] };
    expect(averaged.averaged_from.map((r) => r.corpus_sha256)).toEqual([corpusOf('whole'), corpusOf('child-fresh')]);
    expect(runs.stranger.status, runs.stranger.stderr.slice(-1500)).toBe(0);
    expect(runs.averageStrangers.status).not.toBe(0);
    expect(runs.averageStrangers.stderr.trim()).toMatch(/^average\.py: \S+ was trained on another corpus than \S+whole$/);
  });

  it('--fresh-corpus without --init-from is refused in one line', () => {
    expect(runs.freshAlone.status).not.toBe(0);
    expect(runs.freshAlone.stderr.trim()).toBe('train.py: --fresh-corpus needs --init-from (it says the parent read another corpus)');
    expect(existsSync(join(dir, 'fresh-alone'))).toBe(false);
  });

  it('logs how many held-out rows it misses, and their texts only with --show-misses', () => {
    // Texts in a log get read by whoever widens the generator next, and then the split no longer measures generalisation.
    expect(runs.whole.stdout).toMatch(/\d+ held-out rows missed \(texts: --show-misses\)/);
    expect(runs.whole.stdout).not.toMatch(/ miss: /);
    expect(readFileSync(join(dir, 'whole', 'progress.log'), 'utf8')).not.toMatch(/ miss: /);
    expect(runs.childTrained.stdout).toMatch(/ miss: \{'text': /);
  });

  it('average.py writes the mean of the runs\' weights as a run pipeline.py can ship, with the chain that rebuilds it', async () => {
    expect(runs.childTrained.status, runs.childTrained.stderr.slice(-1500)).toBe(0);
    expect(runs.averaged.status, runs.averaged.stderr.slice(-1500)).toBe(0);
    const [a, b, m] = ['whole', 'child-trained', 'averaged'].map((r) => join(dir, r, 'last.pt'));
    const check = spawnSync(PY, ['-c', `import torch; a = torch.load('${a}')['model']; b = torch.load('${b}')['model']; ` +
      `m = torch.load('${m}')['model']; print(any(not torch.equal(a[k], b[k]) for k in a), ` +
      `all(torch.allclose(m[k], (a[k] + b[k]) / 2, atol=1e-7) for k in a))`], { encoding: 'utf8' }).stdout.trim();
    expect(check, 'the two runs differ, and the average is their mean').toBe('True True');
    const child = JSON.parse(readFileSync(join(dir, 'child-trained', 'record.json'), 'utf8')) as { reproduce: string };
    const record = JSON.parse(readFileSync(join(dir, 'averaged', 'record.json'), 'utf8')) as {
      reproduce: string; averaged_from: { run: string; steps: number; sha256: string; seed: number }[]; best: { step: null };
    };
    expect(record.averaged_from.map((r) => r.steps)).toEqual([24, 30]);
    expect(record.averaged_from.map((r) => r.seed), 'each member says its seed').toEqual([3, 3]);
    expect(record.best.step).toBeNull();
    // The child's reproduce already runs its parent: the chain says each command once, then the average.
    expect(record.reproduce.startsWith(`${child.reproduce} && `), record.reproduce).toBe(true);
    expect(record.reproduce.split(' && ')).toHaveLength(3);
    expect(record.reproduce).toMatch(/average\.py --out \S+averaged \S+whole \S+child-trained$/);
    const ship = await exec(PY, ['models/training/pipeline.py', '--data', data, '--run', join(dir, 'averaged'), '--ship', join(dir, 'ship'), '--skip-train']);
    expect(ship.status, ship.stderr.slice(-1500)).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'ship', 'manifest.json'), 'utf8')) as { training: { averaged_from: unknown[] } };
    expect(manifest.training.averaged_from).toHaveLength(2);
  });

  it('average.py refuses a run that is not finished, in one line', () => {
    expect(runs.averageUnfinished.status).not.toBe(0);
    const err = runs.averageUnfinished.stderr.trim();
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/other: no last\.pt \(name finished runs\)/);
    expect(existsSync(join(dir, 'averaged-bad'))).toBe(false);
  });
});
