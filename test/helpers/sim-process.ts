// Starts `cabin sim` as a separate process for end-to-end tests and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { cliPath, repoRoot } from './cli.js';

export interface SimProcess {
  child: ChildProcess;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `cabin sim ARGS` and resolves with the port of the first "PROTOCOL listening on HOST:PORT" line. */
export function startSim(args: string[], protocol = 'slcan'): Promise<SimProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'sim', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    };
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = new RegExp(`${protocol} listening on 127\\.0\\.0\\.1:(\\d+)`).exec(out);
      if (m) resolve({ child, port: Number(m[1]), output: () => out, stop });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`cabin sim exited with ${code}: ${out}`)));
  });
}

/** Resolves once `check()` holds, polling every 10 ms; rejects naming `what` after `timeoutMs`. */
export function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(poll);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const poll = setInterval(() => {
      if (check()) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 10);
  });
}
