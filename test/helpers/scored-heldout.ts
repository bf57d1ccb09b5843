// The held-out split the shipped model is scored on, for tests that check train extras never leak into it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, parseArgs } from '../../models/training/corpus/generate.js';

/**
 * `npm run corpus`'s held-out rows (seed 1, pinned phrases), drawn here because models/training/data is not committed;
 * the split is the same whatever the train size, so 100 train rows suffice.
 */
export function scoredHeldout(): { text: string; lang: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'cabin-heldout-'));
  try {
    generate({ ...parseArgs(['--train', '100']), out: dir });
    return readFileSync(join(dir, 'heldout.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; lang: string });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
