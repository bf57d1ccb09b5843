// The style tuner's core: the live style book (presets + user styles), side-by-side previews of a draft, and saving it as a user style file.
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StyleBook } from '../../intents/replies/style-book.js';
import { loadBasePhrases, loadStyleFile, presetFiles } from '../../intents/replies/style-files.js';
import { styleProblems, type Style } from '../../intents/replies/style.js';
import type { Lang } from '../../intents/dialogue/language.js';
import { CabinError } from '../../vehicle-bus/errors.js';
import { previewStyle } from '../run/style-preview.js';
import type { PreviewRow, StyleDraft } from './ipc-contract.js';

/** A style book that grows when the tuner saves; the dialogue holds this one, so a saved style is usable at once. */
export class LiveStyleBook extends StyleBook {
  private readonly added = new Map<string, Style>();

  add(style: Style): void {
    this.added.set(style.name, style);
  }

  override has(name: string): boolean {
    return this.added.has(name) || super.has(name);
  }

  override get(name: string): Style {
    const own = this.added.get(name);
    if (own) return own;
    if (!super.has(name)) throw new CabinError('E_STYLE', `unknown style "${name}" (known: ${this.names().join(', ')})`);
    return super.get(name);
  }

  override names(): string[] {
    return [...new Set([...super.names(), ...this.added.keys()])];
  }

  override all(): Style[] {
    return this.names().map((n) => this.get(n));
  }
}

export class StyleInvalidError extends CabinError {
  constructor(readonly problems: string[]) {
    super('E_STYLE_INVALID', `the style has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.join('\n')}`);
  }
}

/** The name a draft is previewed under, so it never shadows the style it is compared with. */
const DRAFT_NAME = 'draft-preview';

export class StyleTuner {
  readonly book: LiveStyleBook;
  private readonly presets: ReadonlySet<string>;

  /** Loads presets and every valid user style file; a broken user file is skipped with a log line, not fatal in the car. */
  constructor(
    readonly userDir: string,
    log: (line: string) => void = () => {},
  ) {
    const base = loadBasePhrases();
    const presets = presetFiles().map((f) => loadStyleFile(f, base));
    this.presets = new Set(presets.map((s) => s.name));
    this.book = new LiveStyleBook(base, presets);
    for (const file of userFiles(userDir)) {
      try {
        this.book.add(loadStyleFile(file, base));
      } catch (err) {
        log(`style tuner: skipped ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /** A style as plain JSON for the editor. */
  draftOf(name: string): StyleDraft {
    return structuredClone(this.book.get(name)) as unknown as StyleDraft;
  }

  problems(draft: StyleDraft): string[] {
    return styleProblems(draft, this.book.base);
  }

  /** Replies of the draft and of `compare` for the fixed preview situations; problems instead when the draft is invalid. */
  async preview(draft: StyleDraft, compare: string, lang: Lang): Promise<{ problems: string[]; rows: PreviewRow[] }> {
    const problems = this.problems(draft);
    if (problems.length) return { problems, rows: [] };
    this.book.get(compare);
    const style = { ...(draft as unknown as Style), name: DRAFT_NAME, description: String(draft.description ?? '') };
    const book = new StyleBook(this.book.base, [...this.book.all(), style]);
    const [mine, theirs] = await Promise.all([previewStyle(book, DRAFT_NAME, lang), previewStyle(book, compare, lang)]);
    return { problems: [], rows: mine.map((m, i) => ({ situation: m.situation, draft: m.reply, compare: theirs[i]?.reply ?? '' })) };
  }

  /** Writes `<userDir>/<name>.json` (never over a preset) and makes it selectable at once. */
  save(draft: StyleDraft): { path: string; styleNames: string[] } {
    const problems = this.problems(draft);
    if (problems.length) throw new StyleInvalidError(problems);
    const name = draft.name as string;
    if (this.presets.has(name)) throw new StyleInvalidError([`name: "${name}" is a shipped preset; save under a new name`]);
    mkdirSync(this.userDir, { recursive: true });
    const path = join(this.userDir, `${name}.json`);
    // Write then rename, so a crash mid-write never leaves a half file that the next start would skip.
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(draft, null, 2) + '\n');
    renameSync(tmp, path);
    this.book.add(loadStyleFile(path, this.book.base));
    return { path, styleNames: this.book.names() };
  }
}

function userFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}
