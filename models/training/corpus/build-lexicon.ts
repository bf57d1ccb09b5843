// CLI: writes lexicon.json (the runtime's word lexicon) for a model from the corpus draw it was trained on.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LEXICON_DEFAULTS, buildLexicon, wordCounts } from './lexicon.js';
import { WordNet, wordNetSource } from './wordnet.js';
import type { LexiconFile } from '../../runtime/word-lexicon.js';

const USAGE = `Usage: node dist/models/training/corpus/build-lexicon.js --data DIR --out FILE

Writes the word lexicon the runtime applies before tokenizing: English words the corpus in DIR (train.jsonl) says
fewer than ${LEXICON_DEFAULTS.unknownBelow} times, each mapped by WordNet to a word it says at least ${LEXICON_DEFAULTS.knownFrom} times.
pipeline.py runs it when it ships a model.`;

function main(): void {
  const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void console.log(USAGE);
  if (!values.data || !values.out) {
    console.error(`build-lexicon: --data and --out are required\n${USAGE}`);
    process.exit(2);
  }
  const file = join(values.data, 'train.jsonl');
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`build-lexicon: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    process.exit(1);
  }
  const texts = raw
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; lang: string })
    .filter((r) => r.lang === 'en')
    .map((r) => r.text);
  const counts = wordCounts(texts);
  const entries = buildLexicon(new WordNet(), counts);
  const lexicon: LexiconFile = {
    source: `${wordNetSource()}; ${texts.length} English train rows of ${values.data}; unknown below ${LEXICON_DEFAULTS.unknownBelow}, known from ${LEXICON_DEFAULTS.knownFrom}`,
    entries: [...entries].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
  writeFileSync(values.out, `${JSON.stringify(lexicon)}\n`);
  console.log(`lexicon: ${entries.size} entries from ${texts.length} English rows → ${values.out}`);
}

main();
