// The style tuner's core: drafts are validated with every problem listed, previews differ where the style differs, saves land in the user dir.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StyleInvalidError, StyleTuner } from '../../main/app/style-tuner.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cabin-tuner-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('StyleTuner', () => {
  it('saves a valid draft as <name>.json and makes it usable at once', () => {
    const tuner = new StyleTuner(join(dir, 'styles'));
    const draft = { ...tuner.draftOf('friendly'), name: 'night-drive', description: 'quiet' };
    const saved = tuner.save(draft);
    expect(saved.path).toBe(join(dir, 'styles', 'night-drive.json'));
    expect(JSON.parse(readFileSync(saved.path, 'utf8')).name).toBe('night-drive');
    expect(saved.styleNames).toContain('night-drive');
    expect(tuner.book.get('night-drive').description).toBe('quiet');
    // A new tuner (the next start) loads it from the user dir.
    expect(new StyleTuner(join(dir, 'styles')).book.has('night-drive')).toBe(true);
  });

  it('lists every problem of an invalid draft and writes nothing', () => {
    const tuner = new StyleTuner(dir);
    const draft = { ...tuner.draftOf('friendly'), name: 'Bad Name', verbosity: 'chatty', phrases: { en: { 'no.such.key': 'x', ack: 'Hi {nobody}' }, zh: {} } };
    let err: unknown;
    try {
      tuner.save(draft);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StyleInvalidError);
    const problems = (err as StyleInvalidError).problems;
    expect(problems.some((p) => p.startsWith('name:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('verbosity:'))).toBe(true);
    expect(problems.some((p) => p.includes('unknown phrase key'))).toBe(true);
    expect(problems.some((p) => p.includes('unknown placeholder {nobody}'))).toBe(true);
    expect(existsSync(join(dir, 'Bad Name.json'))).toBe(false);
  });

  it('refuses to shadow a shipped preset', () => {
    const tuner = new StyleTuner(dir);
    expect(() => tuner.save(tuner.draftOf('concise'))).toThrow(/shipped preset/);
  });

  it('skips a broken user file at start instead of failing the head unit', () => {
    writeFileSync(join(dir, 'broken.json'), '{ nope');
    const lines: string[] = [];
    const tuner = new StyleTuner(dir, (l) => lines.push(l));
    expect(tuner.book.has('broken')).toBe(false);
    expect(lines[0]).toContain('broken.json');
  });

  it('previews the draft next to the compared style, situation by situation', async () => {
    const tuner = new StyleTuner(dir);
    const draft = tuner.draftOf('friendly');
    (draft.phrases as Record<string, Record<string, string>>).en!['change.on:seat.heat'] = 'Toasty {where} seat, coming up.';
    const r = await tuner.preview(draft, 'friendly', 'en');
    expect(r.problems).toEqual([]);
    const simple = r.rows.find((x) => x.situation === 'a simple request')!;
    expect(simple.draft).toContain('Toasty');
    expect(simple.compare).not.toContain('Toasty');
    // Only the seat-heat situations change; every other reply is the compared style's.
    for (const row of r.rows.filter((x) => x.draft !== x.compare)) expect(row.draft).toContain('Toasty');
  });

  it('returns problems instead of a preview for an invalid draft', async () => {
    const tuner = new StyleTuner(dir);
    const r = await tuner.preview({ ...tuner.draftOf('friendly'), confirm: { mode: 'sometimes', features: [] } }, 'friendly', 'en');
    expect(r.rows).toEqual([]);
    expect(r.problems[0]).toContain('confirm.mode');
  });
});
