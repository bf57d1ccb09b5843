#!/usr/bin/env node
// Entry point installed as `cabin`; the CLI itself is compiled TypeScript under dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'dist', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('cabin: not built yet; run `npm run build` (or `npm install`) in ' + root + '\n');
  process.exit(1);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
