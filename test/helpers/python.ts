// The training scripts' interpreter for tests that drive them, and an asynchronous runner for their long commands.
import { spawn, spawnSync } from 'node:child_process';
import { repoRoot } from './cli.js';

export const PY = process.env.CABIN_PYTHON ?? '/usr/bin/python3';

/** Whether PY imports every module named (Debian's python3-torch, python3-onnx). */
export const pythonHas = (...modules: string[]): boolean =>
  spawnSync(PY, ['-c', `import ${modules.join(', ')}`], { stdio: 'ignore' }).status === 0;

export interface Run { status: number | null; stdout: string; stderr: string }

/** Runs a command in the repo root (in `env`, if given, instead of this process's environment). Asynchronous: a
 * worker blocked for minutes in spawnSync misses vitest's own messages and fails the run. */
export const execAsync = (cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<Run> =>
  new Promise<Run>((resolve) => {
    const p = spawn(cmd, args, { cwd: repoRoot, ...(env ? { env } : {}) });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (status) => resolve({ status, stdout, stderr }));
  });
