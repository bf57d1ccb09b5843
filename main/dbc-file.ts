// Reads user-named DBC files from disk for the CLI and the app; the parser itself never touches the file system.
import { readFileSync } from 'node:fs';
import { parseDbc } from '../vehicle-bus/dbc/parser.js';
import type { Dbc } from '../vehicle-bus/dbc/model.js';
import { UsageError } from '../vehicle-bus/errors.js';
import { loadCabinDbc } from '../vehicle-bus/cabin/cabin-dbc-file.js';

/** The named DBC, or the cabin network shipped with the package when no path is given. */
export function readDbcFile(path?: string): Dbc {
  if (!path) return loadCabinDbc();
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`no such DBC file: ${path}`);
    if (code === 'EISDIR') throw new UsageError(`${path} is a directory, not a DBC file`);
    if (code === 'EACCES') throw new UsageError(`cannot read ${path}: permission denied`);
    throw err;
  }
  return parseDbc(decodeText(bytes), path);
}

/** DBC files are often Windows-1252 rather than UTF-8; fall back to Latin-1 so such text still reads. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}
