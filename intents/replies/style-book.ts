// The styles a session can use, by name: shipped presets plus any user style files.
import { CabinError } from '../../vehicle-bus/errors.js';
import { loadBasePhrases, loadStyleFile, presetFiles } from './style-files.js';
import type { Phrasebook, Style } from './style.js';

export const DEFAULT_STYLE = 'friendly';

export class StyleBook {
  private readonly byName = new Map<string, Style>();

  constructor(
    readonly base: Phrasebook,
    styles: readonly Style[],
  ) {
    for (const s of styles) this.byName.set(s.name, s); // a user file may replace a preset of the same name
  }

  /** The shipped presets, plus extra style files (later ones win on a name clash). */
  static load(extraFiles: readonly string[] = []): StyleBook {
    const base = loadBasePhrases();
    const files = [...presetFiles(), ...extraFiles];
    return new StyleBook(base, files.map((f) => loadStyleFile(f, base)));
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string): Style {
    const s = this.byName.get(name);
    if (!s) throw new CabinError('E_STYLE', `unknown style "${name}" (known: ${this.names().join(', ')})`);
    return s;
  }

  all(): Style[] {
    return [...this.byName.values()];
  }
}
