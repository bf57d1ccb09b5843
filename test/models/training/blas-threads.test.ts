// train.py sizes OpenBLAS's thread pool from --threads before torch loads it. Debian's torch does its matrix products
// in OpenBLAS, whose pool torch.set_num_threads does not reach; unpinned it starts a worker per core, and two runs
// side by side on 2 cores spin against each other (session 37 measured 3,438 against 2,489 ms a step).
import { beforeAll, describe, expect, it } from 'vitest';
import { execAsync, PY, pythonHas } from '../../helpers/python.js';

const hasTorch = pythonHas('torch');
if (!hasTorch && !process.env.CI) {
  console.warn(`blas-threads.test: skipping: ${PY} lacks torch (apt-get install python3-torch libopenblas0-pthread)`);
}

/** What OpenBLAS reports as its pool size after `import train` with these arguments, in an environment without the
 * pins (or with `env`'s). */
async function poolAfterImport(args: string[], env: Record<string, string> = {}): Promise<string> {
  const probe = [
    'import ctypes, sys',
    "sys.path.insert(0, 'models/training')",
    `sys.argv = ['train.py'] + ${JSON.stringify(args)}`,
    'import train',
    "print(ctypes.CDLL('libblas.so.3').openblas_get_num_threads())",
  ].join('\n');
  const base = { ...process.env };
  delete base.OPENBLAS_NUM_THREADS;
  delete base.OMP_NUM_THREADS;
  const r = await execAsync(PY, ['-c', probe], { ...base, ...env });
  return r.status === 0 ? r.stdout.trim() : `exit ${r.status}: ${r.stderr}`;
}

describe.skipIf(!hasTorch && !process.env.CI)('train.py: OpenBLAS threads follow --threads', () => {
  const pools: Record<'byDefault' | 'spaced' | 'joined' | 'fromEnv', string> = { byDefault: '', spaced: '', joined: '', fromEnv: '' };

  beforeAll(async () => {
    pools.byDefault = await poolAfterImport(['--data', 'd', '--out', 'o']);
    pools.spaced = await poolAfterImport(['--threads', '2']);
    pools.joined = await poolAfterImport(['--threads=2']);
    pools.fromEnv = await poolAfterImport([], { OPENBLAS_NUM_THREADS: '2' });
  }, 300_000);

  it('uses one BLAS thread by default, as torch does', () => {
    expect(pools.byDefault).toBe('1');
  });

  it('uses the --threads count, in either spelling', () => {
    expect(pools.spaced).toBe('2');
    expect(pools.joined).toBe('2');
  });

  it('leaves a pool size already in the environment alone', () => {
    expect(pools.fromEnv).toBe('2');
  });
});
