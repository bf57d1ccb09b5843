// British pronunciations added beside the CMU dictionary's American ones.
//
// The CMU dictionary spells every word as an American says it, with the R in "start", "four", "heater", and the
// raised vowel of "fan". Most English outside North America drops an R that no vowel follows ("start" S T AA T,
// "heater" HH IY T AH), and says the vowel of "fan" and "back" open, nearer the en-us model's AA than its AE; the
// en-us acoustic model then hears a different word ("start the massage" → "stop the massage", "turn the fan off"
// → "turn the fog off"). PocketSphinx takes several pronunciations per word (`word(2)`), so each word gets these
// forms as alternatives.

const VOWELS = new Set(['AA', 'AE', 'AH', 'AO', 'AW', 'AY', 'EH', 'ER', 'EY', 'IH', 'IY', 'OW', 'OY', 'UH', 'UW']);

/** Vowels that leave a schwa glide where the R was: "near" N IH AH, "air" EH AH, "tour" T UH AH. */
const CENTRING = new Set(['IH', 'EH', 'UH']);

/** The non-rhotic form of one pronunciation (phones without stress marks), or the same phones where no R drops. */
export function nonRhotic(phones: readonly string[]): string[] {
  const out: string[] = [];
  phones.forEach((p, i) => {
    const next = phones[i + 1];
    const beforeVowel = next !== undefined && VOWELS.has(next);
    if (p === 'R' && !beforeVowel && out.length > 0 && VOWELS.has(out[out.length - 1]!)) {
      if (CENTRING.has(out[out.length - 1]!)) out.push('AH');
      return;
    }
    // The r-coloured vowel of "heater", "turn": without its R it is a plain central vowel.
    out.push(p === 'ER' && !beforeVowel ? 'AH' : p);
  });
  return out;
}

/** The open vowel of "fan", "back" (British [a], and [ɑː] in "half", "fast"), as the en-us model's nearest: AA. */
export function openTrap(phones: readonly string[]): string[] {
  return phones.map((p) => (p === 'AE' ? 'AA' : p));
}

/** The British forms of one pronunciation: without the R, with the open vowel, and with both. */
export function britishForms(phones: readonly string[]): string[][] {
  const r = nonRhotic(phones);
  return [r, openTrap(phones), openTrap(r)];
}

/**
 * One word's dictionary lines (`word PH ONES`, `word(2) PH ONES`) with each line's British forms added after
 * them, numbered on, unless the word already has that pronunciation.
 */
export function withBritishVariants(lines: readonly string[]): string[] {
  const parsed = lines.map((l) => {
    const [head, ...phones] = l.trim().split(/\s+/);
    return { word: head!.replace(/\(\d+\)$/, ''), phones };
  });
  if (parsed.length === 0) return [];
  const word = parsed[0]!.word;
  const seen = new Set(parsed.map((p) => p.phones.join(' ')));
  const out = [...lines];
  for (const { phones } of parsed) {
    for (const form of britishForms(phones)) {
      const variant = form.join(' ');
      if (seen.has(variant)) continue;
      seen.add(variant);
      out.push(`${word}(${out.length + 1}) ${variant}`);
    }
  }
  return out;
}
