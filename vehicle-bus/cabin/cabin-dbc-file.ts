// Adapter at the edge: reads vehicle-bus/cabin.dbc from disk and builds the CabinNetwork; the rest of cabin/ stays free of fs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDbc } from '../dbc/parser.js';
import type { Dbc } from '../dbc/model.js';
import { CabinError } from '../errors.js';
import { CabinNetwork } from './cabin-network.js';

const RELATIVE = join('vehicle-bus', 'cabin.dbc');

/**
 * Where cabin.dbc is. The DBC stays a text file (tools such as cantools or SavvyCAN open it as is) rather
 * than being embedded at build time; this module runs from `vehicle-bus/cabin/` under vitest and from
 * `dist/vehicle-bus/cabin/` when built, so look upwards for the first directory that holds it.
 */
export function cabinDbcPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new CabinError('E_CABIN_DBC', `cannot find ${RELATIVE} above ${dirname(fileURLToPath(import.meta.url))}`);
}

export function loadCabinDbc(path = cabinDbcPath()): Dbc {
  return parseDbc(readFileSync(path, 'utf8'), path);
}

let cached: CabinNetwork | undefined;

/** The cabin network from the shipped DBC, parsed once per process (a given path is parsed every time). */
export function loadCabinNetwork(path?: string): CabinNetwork {
  if (path) return new CabinNetwork(loadCabinDbc(path));
  cached ??= new CabinNetwork(loadCabinDbc());
  return cached;
}
