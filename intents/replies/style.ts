// Dialogue styles as data: the shape of a style file, its validation, and the phrase lookup replies use.
import { CabinError } from '../../vehicle-bus/errors.js';
import { FEATURE_DEFS } from '../features.js';
import type { ConfirmPolicy } from '../dialogue/interpret.js';
import { LANGS, type Lang } from '../dialogue/language.js';

export type Verbosity = 'brief' | 'normal' | 'full';
export const VERBOSITIES: readonly Verbosity[] = ['brief', 'normal', 'full'];

export interface Voice {
  /** espeak-ng voice name, e.g. `en-us`, `en-gb`, `cmn`. */
  voice: string;
  /** Words per minute (espeak-ng `-s`). */
  rate: number;
}

export interface Style {
  name: string;
  description: string;
  persona: Record<Lang, string>;
  verbosity: Verbosity;
  confirm: ConfirmPolicy;
  voice: Record<Lang, Voice>;
  /** Overrides of the base phrases, per language; `key:feature` overrides a key for one intent. */
  phrases: Record<Lang, Record<string, string>>;
}

export type Phrasebook = Record<Lang, Record<string, string>>;

export const PLACEHOLDERS = ['where', 'what', 'value', 'requested', 'applied', 'actual', 'device', 'winner', 'min', 'max', 'summary', 'persona', 'n'];

export class StyleError extends CabinError {
  constructor(message: string) {
    super('E_STYLE', message);
  }
}

const NAME = /^[a-z][a-z0-9_-]{0,31}$/;

/** Every problem with a style file, each as `path: reason`; empty when it is valid. */
export function styleProblems(raw: unknown, base: Phrasebook): string[] {
  const errs: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return ['the file must hold one JSON object'];
  const s = raw as Record<string, unknown>;
  const known = new Set(['name', 'description', 'persona', 'verbosity', 'confirm', 'voice', 'phrases']);
  for (const k of Object.keys(s)) if (!known.has(k)) errs.push(`${k}: unknown field (expected ${[...known].join(', ')})`);
  if (typeof s.name !== 'string' || !NAME.test(s.name)) errs.push('name: a lower-case word (letters, digits, - or _), at most 32 characters');
  if (s.description !== undefined && typeof s.description !== 'string') errs.push('description: text');
  perLang(s.persona, 'persona', errs, (v, p) => (typeof v === 'string' && v.trim() ? null : `${p}: a non-empty name`));
  if (!VERBOSITIES.includes(s.verbosity as Verbosity)) errs.push(`verbosity: one of ${VERBOSITIES.join(', ')}`);
  const c = s.confirm as Record<string, unknown> | undefined;
  if (typeof c !== 'object' || c === null) errs.push('confirm: an object {"mode", "features"}');
  else {
    if (!['never', 'others', 'always'].includes(c.mode as string)) errs.push('confirm.mode: one of never, others, always');
    if (!Array.isArray(c.features)) errs.push('confirm.features: a list of intent names');
    else for (const f of c.features) if (!FEATURE_DEFS.has(f as string)) errs.push(`confirm.features: "${String(f)}" is not an actuating intent`);
  }
  perLang(s.voice, 'voice', errs, (v, p) => {
    const x = v as Record<string, unknown> | null;
    if (typeof x !== 'object' || x === null || typeof x.voice !== 'string' || !x.voice) return `${p}.voice: an espeak-ng voice name`;
    if (typeof x.rate !== 'number' || x.rate < 80 || x.rate > 450) return `${p}.rate: words per minute, 80–450`;
    return null;
  });
  perLang(s.phrases, 'phrases', errs, (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p}: an object of phrase overrides`;
    const bad: string[] = [];
    for (const [key, text] of Object.entries(v)) bad.push(...phraseProblems(key, text, base, `${p}."${key}"`));
    return bad.length ? bad.join('\n') : null;
  });
  return errs.flatMap((e) => e.split('\n'));
}

function perLang(v: unknown, path: string, errs: string[], check: (v: unknown, path: string) => string | null): void {
  if (typeof v !== 'object' || v === null) {
    errs.push(`${path}: an object with "en" and "zh"`);
    return;
  }
  for (const lang of LANGS) {
    const e = check((v as Record<string, unknown>)[lang], `${path}.${lang}`);
    if (e) errs.push(e);
  }
}

function phraseProblems(key: string, text: unknown, base: Phrasebook, path: string): string[] {
  const [baseKey, feature] = key.split(':') as [string, string | undefined];
  if (!(baseKey in base.en)) return [`${path}: unknown phrase key (see intents/styles/base/en.json)`];
  if (feature !== undefined && !FEATURE_DEFS.has(feature)) return [`${path}: "${feature}" is not an actuating intent`];
  if (typeof text !== 'string') return [`${path}: text`];
  const out: string[] = [];
  for (const m of text.matchAll(/\{([^}]*)\}/g)) if (!PLACEHOLDERS.includes(m[1]!)) out.push(`${path}: unknown placeholder {${m[1]}} (known: ${PLACEHOLDERS.join(', ')})`);
  return out;
}

/** A validated style; throws one line naming the first problem (and how many more). */
export function parseStyle(raw: unknown, source: string, base: Phrasebook): Style {
  const errs = styleProblems(raw, base);
  if (errs.length) throw new StyleError(`${source}: ${errs[0]}${errs.length > 1 ? ` (and ${errs.length - 1} more; run "cabin styles validate ${source}")` : ''}`);
  const s = raw as Style;
  return { ...s, description: s.description ?? '' };
}

/** The phrase for `key` in one language: style for the intent, style, base for the intent, base. */
export function phrase(style: Style, base: Phrasebook, lang: Lang, key: string, feature?: string): string {
  const own = style.phrases[lang];
  const b = base[lang];
  if (feature !== undefined) {
    const k = `${key}:${feature}`;
    if (own[k] !== undefined) return own[k];
    if (own[key] === undefined && b[k] !== undefined) return b[k];
  }
  return own[key] ?? b[key] ?? key;
}

/** `{name}` placeholders filled; unknown ones left visible so a broken phrase shows in a preview. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{([a-z]+)\}/g, (m, k: string) => vars[k] ?? m);
}
