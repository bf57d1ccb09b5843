// Checks a template's output against the catalog before it reaches the corpus (a template bug fails loudly).
import { FEATURES, ZONES_BY_KIND, intentSpec, type Zone } from '../../../intents/catalog.js';
import type { CorpusIntent } from './template.js';

const FOLLOWUP_VALUES = new Set(['on', 'off', 'max']);

/** Returns why an intent is malformed, or null when it is a valid training target. */
export function intentProblem(it: CorpusIntent): string | null {
  const spec = intentSpec(it.intent);
  if (!spec) return `unknown intent ${it.intent}`;
  if (spec.zone === 'none') {
    if (spec.name !== 'followup') {
      return it.zone || it.value !== undefined || it.delta !== undefined || it.more !== undefined ? `${it.intent} takes no fields` : null;
    }
    const n = [it.zone, it.value, it.more].filter((x) => x !== undefined).length;
    if (n === 0) return 'followup needs a zone, a value or more';
    if (it.zone && !ZONES_BY_KIND['seat-or-group'].includes(it.zone)) return `followup zone ${it.zone}`;
    if (it.value !== undefined && it.more !== undefined) return 'followup takes value or more, not both';
    if (typeof it.value === 'string' && !FOLLOWUP_VALUES.has(it.value)) return `followup value ${it.value}`;
    return null;
  }
  if (!it.zone) return `${it.intent} needs a zone`;
  if (!ZONES_BY_KIND[spec.zone].includes(it.zone as Zone)) return `${it.intent} cannot take zone ${it.zone}`;
  if (spec.name === 'query') {
    if (!it.feature || !FEATURES.includes(it.feature)) return `query feature ${String(it.feature)}`;
    const target = intentSpec(it.feature)!;
    if (target.zone === 'cabin' && it.zone !== 'cabin') return `query of cabin feature ${it.feature} needs zone cabin`;
    if (target.zone !== 'cabin' && it.zone === 'cabin') return `query of ${it.feature} cannot take zone cabin`;
    return null;
  }
  const hasValue = it.value !== undefined;
  const hasDelta = it.delta !== undefined;
  if (hasValue === hasDelta) return `${it.intent} needs exactly one of value and delta`;
  if (it.fahrenheit && (spec.name !== 'hvac.temp' || typeof it.value !== 'number')) return 'fahrenheit only on a hvac.temp value';
  if (hasDelta) {
    if (spec.deltaStep === undefined) return `${it.intent} takes no delta`;
    if (Math.abs(it.delta!) < 1) return 'a delta must be at least 1 (the action language has no smaller step)';
    return null;
  }
  const v = it.value!;
  const dom = spec.value!;
  if (typeof v === 'string') return dom.keywords.includes(v) ? null : `${it.intent} value ${v}`;
  if (!dom.numeric) return `${it.intent} takes no number`;
  if (v < 0 || v > 100) return `${it.intent} value ${v} cannot be expressed`;
  if (!Number.isInteger(v * 2) || (!Number.isInteger(v) && spec.name !== 'hvac.temp')) return `${it.intent} value ${v}`;
  return null;
}
