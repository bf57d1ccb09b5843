// `cabin styles`: lists the dialogue styles, previews their replies side by side, validates a style file.
import { stringOpt, type Command, type CommandIO } from '../command.js';
import { UsageError } from '../../vehicle-bus/errors.js';
import { StyleBook } from '../../intents/replies/style-book.js';
import { loadBasePhrases, readStyleJson } from '../../intents/replies/style-files.js';
import { styleProblems } from '../../intents/replies/style.js';
import { LANGS, type Lang } from '../../intents/dialogue/language.js';
import { previewStyle } from '../run/style-preview.js';

function list(styles: StyleBook, io: CommandIO): number {
  const width = Math.max(...styles.names().map((n) => n.length));
  for (const s of styles.all()) {
    io.stdout.write(`${s.name.padEnd(width)}  ${s.persona.en} / ${s.persona.zh}; ${s.verbosity}; confirm ${s.confirm.mode}${s.confirm.features.length ? ` + ${s.confirm.features.join(', ')}` : ''}; voice ${s.voice.en.voice}@${s.voice.en.rate}, ${s.voice.zh.voice}@${s.voice.zh.rate}\n`);
    if (s.description) io.stdout.write(`${' '.repeat(width)}  ${s.description}\n`);
  }
  return 0;
}

async function preview(styles: StyleBook, names: string[], langs: readonly Lang[], io: CommandIO): Promise<number> {
  if (!names.length) throw new UsageError('preview needs at least one style name (see `cabin styles`)');
  for (const n of names) styles.get(n);
  for (const lang of langs) {
    const columns = await Promise.all(names.map((n) => previewStyle(styles, n, lang)));
    const width = Math.max(...names.map((n) => n.length));
    columns[0]!.forEach((line, i) => {
      io.stdout.write(`[${lang}] ${line.situation}\n`);
      names.forEach((n, j) => io.stdout.write(`  ${n.padEnd(width)}  ${columns[j]![i]!.reply}\n`));
    });
  }
  return 0;
}

function validate(files: string[], io: CommandIO): number {
  if (!files.length) throw new UsageError('validate needs a style file');
  const base = loadBasePhrases();
  let bad = 0;
  for (const f of files) {
    const problems = styleProblems(readStyleJson(f), base);
    if (problems.length === 0) {
      io.stdout.write(`${f}: ok\n`);
      continue;
    }
    bad++;
    for (const p of problems) io.stderr.write(`${f}: ${p}\n`);
  }
  return bad ? 1 : 0;
}

export const stylesCommand: Command = {
  name: 'styles',
  summary: 'List dialogue styles, preview their replies side by side, or validate a style file.',
  usage: '[list] | preview STYLE [STYLE ...] [--lang en|zh] | validate FILE ...',
  details: [
    'Styles are JSON files: the presets live in intents/styles/*.json, the phrases they override in',
    'intents/styles/base/{en,zh}.json. A style sets persona, verbosity (brief, normal, full), confirmation',
    '(never, others, always, plus features that always need a yes), espeak-ng voice and rate per language,',
    'and phrase overrides per language; "KEY:INTENT" overrides a phrase for one intent only.',
    'preview plays the same situations (a simple request, clamping, refusals, a silent ECU, overlapping',
    'seats, a question) on the simulated car for each style and prints the replies one under the other.',
    'Use a new style with `cabin run --style-file FILE --style NAME`.',
  ].join('\n'),
  positionals: true,
  options: {
    lang: { type: 'string', arg: 'en|zh', description: 'Preview in one language only (default both).' },
    'style-file': { type: 'string', multiple: true, arg: 'FILE', description: 'Load an extra style file for list/preview (repeatable).' },
  },
  async run(args, io) {
    const [verb = 'list', ...rest] = args.positionals;
    if (verb === 'validate') return validate(rest, io);
    const styles = StyleBook.load((args.values['style-file'] as string[] | undefined) ?? []);
    if (verb === 'list') {
      if (rest.length) throw new UsageError('list takes no arguments');
      return list(styles, io);
    }
    if (verb === 'preview') {
      const lang = stringOpt(args, 'lang');
      if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) throw new UsageError('--lang expects en or zh');
      return preview(styles, rest, lang ? [lang as Lang] : LANGS, io);
    }
    throw new UsageError(`unknown action "${verb}" (list, preview, validate)`);
  },
};
