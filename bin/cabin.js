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
// A reader that stops early (`cabin dump | head`) closes the pipe; that ends the output, not in a crash.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
