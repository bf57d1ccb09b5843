// Adapter at the edge: reads the style presets and base phrases under intents/styles/ and user style files from disk.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS } from '../dialogue/language.js';
import { parseStyle, StyleError, type Phrasebook, type Style } from './style.js';

const RELATIVE = join('intents', 'styles');

/** intents/styles/, found upwards from this module (it runs from intents/replies/ under vitest, dist/intents/replies/ built). */
export function stylesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(join(candidate, 'base', 'en.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new StyleError(`cannot find ${RELATIVE}/base above ${dirname(fileURLToPath(import.meta.url))}`);
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new StyleError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new StyleError(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

export function loadBasePhrases(dir = stylesDir()): Phrasebook {
  const out = {} as Phrasebook;
  for (const lang of LANGS) out[lang] = readJson(join(dir, 'base', `${lang}.json`)) as Record<string, string>;
  return out;
}

export function readStyleJson(path: string): unknown {
  return readJson(path);
}

export function loadStyleFile(path: string, base: Phrasebook): Style {
  const style = parseStyle(readJson(path), path, base);
  const stem = basename(path, '.json');
  if (stem !== style.name) throw new StyleError(`${path}: name "${style.name}" must match the file name "${stem}.json"`);
  return style;
}

/** The presets shipped with the product: every *.json directly under intents/styles/. */
export function presetFiles(dir = stylesDir()): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}
