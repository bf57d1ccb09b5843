// Test helper: whether an intent lies inside the catalog and the action grammar's domains.
import { INTENTS, ZONES_BY_KIND, FEATURES, type Intent } from '../../../intents/catalog.js';

/** Problems with one intent ([] when it is valid): unknown intent, zone of the wrong kind, value outside its domain. */
export function intentProblems(it: Intent): string[] {
  const out: string[] = [];
  const spec = INTENTS.find((i) => i.name === it.intent);
  if (!spec) return [`unknown intent ${it.intent}`];
  if (spec.zone === 'none') {
    if (it.zone !== undefined && spec.name !== 'followup') out.push(`${it.intent} takes no zone`);
  } else if (!it.zone || !ZONES_BY_KIND[spec.zone].includes(it.zone)) out.push(`${it.intent}: zone ${String(it.zone)}`);
  if (it.value !== undefined) {
    if (typeof it.value === 'number') {
      // The grammar carries 0–100 (temperatures then converted from °F); the dialogue clamps to the catalog range.
      // A whole number above 100 is one said in digits that the runtime put back (models/runtime/said-numbers.ts).
      const said = Number.isInteger(it.value) && it.value > 100;
      const ok = said || (it.intent === 'hvac.temp' ? it.value >= -18 && it.value <= 100 : it.value >= 0 && it.value <= 100.5);
      if (!ok || (spec.value && !spec.value.numeric && spec.name !== 'followup')) out.push(`${it.intent}: value ${it.value}`);
    } else if (spec.name === 'followup' ? !['on', 'off', 'max'].includes(it.value) : !spec.value?.keywords.includes(it.value)) {
      out.push(`${it.intent}: value ${it.value}`);
    }
  }
  if (it.delta !== undefined && (spec.deltaStep === undefined || it.delta === 0 || Math.abs(it.delta) > 100.5)) out.push(`${it.intent}: delta ${it.delta}`);
  if (it.feature !== undefined && (spec.name !== 'query' || !FEATURES.includes(it.feature))) out.push(`${it.intent}: feature ${it.feature}`);
  if (spec.name === 'query' && it.feature === undefined) out.push('query without feature');
  return out;
}
