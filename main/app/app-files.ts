// Where the renderer's files are, for Electron's loadFile and the headless host; the only files either will ever serve.
import { existsSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found upwards (this module runs from main/app/ under vitest and dist/main/app/ when built). */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'renderer', 'index.html'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`cannot find the package root (renderer/index.html) above ${dirname(fileURLToPath(import.meta.url))}`);
}

export const INDEX_PAGE = 'renderer/index.html';
/** Built renderer entry; its absence means `npm run build` has not run. */
export const RENDERER_ENTRY = 'dist/renderer/main.js';

/**
 * URL paths the host serves, mapped to files under the root. Everything else is 404: the host must not
 * become a way to read the user's files, so there is no directory serving, only these prefixes.
 */
const SERVED = [
  { prefix: 'renderer/', exts: ['.html', '.css', '.svg'] },
  { prefix: 'dist/renderer/', exts: ['.js'] },
  { prefix: 'dist/main/app/ipc-contract.js', exts: ['.js'] },
  { prefix: 'dist/vehicle-bus/cabin/vehicle-state-types.js', exts: ['.js'] },
];

export function servedFile(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return null;
  }
  const norm = normalize(rel);
  if (norm.startsWith('..') || norm.includes(`${sep}..`) || norm.includes('\0')) return null;
  const posix = norm.split(sep).join('/');
  const ok = SERVED.some((s) => (s.prefix.endsWith('/') ? posix.startsWith(s.prefix) : posix === s.prefix) && s.exts.some((e) => posix.endsWith(e)));
  return ok ? join(root, posix) : null;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The page's Content-Security-Policy: only its own scripts and styles, no inline code, no eval, no
 * plugins; connections only back to the host. The same policy is in index.html's meta tag for Electron.
 */
export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
