// British (non-rhotic) pronunciations added beside the CMU dictionary's American ones.
//
// The CMU dictionary spells every word as an American says it, with the R in "start", "four", "heater". Most
// English outside North America drops an R that no vowel follows ("start" S T AA T, "heater" HH IY T AH), and the
// en-us acoustic model then hears a different word ("start the massage" → "stop the massage"). PocketSphinx takes
// several pronunciations per word (`word(2)`), so each word gets its non-rhotic form as an alternative.

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

/**
 * One word's dictionary lines (`word PH ONES`, `word(2) PH ONES`) with each line's non-rhotic form added after
 * them, numbered on, unless the word already has that pronunciation.
 */
export function withNonRhoticVariants(lines: readonly string[]): string[] {
  const parsed = lines.map((l) => {
    const [head, ...phones] = l.trim().split(/\s+/);
    return { word: head!.replace(/\(\d+\)$/, ''), phones };
  });
  if (parsed.length === 0) return [];
  const word = parsed[0]!.word;
  const seen = new Set(parsed.map((p) => p.phones.join(' ')));
  const out = [...lines];
  for (const { phones } of parsed) {
    const variant = nonRhotic(phones).join(' ');
    if (seen.has(variant)) continue;
    seen.add(variant);
    out.push(`${word}(${out.length + 1}) ${variant}`);
  }
  return out;
}
