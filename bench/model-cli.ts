// What the side-by-side model tools (`lm:sizes`, `lm:latency`) share: reading their arguments and running as a script.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface NamedModel {
  label: string;
  dir: string;
}

/**
 * Reads `--flag N` options (whole numbers ≥ 1, into `counts`) and LABEL=MODEL_DIR pairs; throws a one-line message
 * for anything else, or when no model is named.
 */
export function parseModelArgs<K extends string>(argv: readonly string[], counts: Record<K, number>): { models: NamedModel[] } & Record<K, number> {
  const models: NamedModel[] = [];
  const out = { ...counts };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.slice(2) as K;
    if (a.startsWith('--') && Object.hasOwn(counts, name)) {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${a} needs a whole number ≥ 1, got "${argv[i] ?? ''}"`);
      out[name] = v;
    } else if (a.includes('=') && !a.startsWith('-')) {
      const [label, dir] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)];
      if (!label || !dir) throw new Error(`"${a}": expected LABEL=MODEL_DIR`);
      models.push({ label, dir: resolve(dir) });
    } else throw new Error(`unknown argument "${a}"`);
  }
  if (models.length === 0) throw new Error('no models given');
  return { ...out, models };
}

/** Runs `main` with the command line when `moduleUrl` is the script node was started with; its result is the exit code. */
export function runAsScript(moduleUrl: string, tool: string, main: (argv: readonly string[]) => Promise<number>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
    process.stderr.write(`${tool}: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
