// Finds a runnable Electron for `cabin start`: the npm package's downloaded binary, or one named by $CABIN_ELECTRON.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronLookup = { ok: true; path: string } | { ok: false; reason: string };

/** Why not is part of the answer: `cabin start` prints it when it falls back to the headless host. */
export function findElectron(env: NodeJS.ProcessEnv = process.env): ElectronLookup {
  if (env.CABIN_ELECTRON) {
    return existsSync(env.CABIN_ELECTRON) ? { ok: true, path: env.CABIN_ELECTRON } : { ok: false, reason: `$CABIN_ELECTRON (${env.CABIN_ELECTRON}) does not exist` };
  }
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed (it is a devDependency; packaged builds ship their own runtime)' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, reason: 'the Electron binary was never downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline)' };
  const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { ok: false, reason: `the Electron binary is missing at ${binary}` };
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { ok: false, reason: 'no display ($DISPLAY and $WAYLAND_DISPLAY are unset)' };
  return { ok: true, path: binary };
}
