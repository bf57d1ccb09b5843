// `cabin bench`: runs the measured sections side by side in one process and prints a table or JSON.
import { boolOpt, stringOpt, type Command } from '../command.js';
import { UsageError } from '../../vehicle-bus/errors.js';
import { benchSections, type BenchRow } from '../../bench/sections.js';

export const benchCommand: Command = {
  name: 'bench',
  summary: 'Measure codec, bus, language-model, dialogue and voice performance on this machine.',
  usage: '[--only SECTION,...] [--seconds N] [--json]',
  details: [
    'Sections: ' + benchSections.map((s) => `${s.name} (${s.summary})`).join('; ') + '.',
    'Each figure is the median of several repetitions in this one run; the machine is shared, so compare',
    'figures from the same run rather than across runs.',
  ].join('\n'),
  options: {
    only: { type: 'string', arg: 'LIST', description: 'Comma-separated sections to run (default: all).' },
    seconds: { type: 'string', arg: 'N', description: 'Approximate seconds per measurement repetition.', default: '0.5' },
    json: { type: 'boolean', description: 'Print one JSON object instead of a table.' },
  },
  async run(args, io) {
    const seconds = Number(stringOpt(args, 'seconds') ?? '0.5');
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 60) throw new UsageError('--seconds expects a number in (0, 60]');
    const wanted = stringOpt(args, 'only')?.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = wanted?.filter((w) => !benchSections.some((s) => s.name === w)) ?? [];
    if (unknown.length) {
      throw new UsageError(`unknown section "${unknown[0]}" (sections: ${benchSections.map((s) => s.name).join(', ')})`);
    }
    const sections = benchSections.filter((s) => !wanted || wanted.includes(s.name));
    const json = boolOpt(args, 'json');
    const results: Record<string, unknown> = {};
    const rows: BenchRow[] = [];
    for (const section of sections) {
      io.stderr.write(`bench: ${section.name}…\n`);
      const result = await section.run({ seconds });
      results[section.name] = result.figures;
      rows.push(...result.rows);
    }
    if (json) {
      io.stdout.write(JSON.stringify({ machine: machineSummary(), results }) + '\n');
    } else {
      io.stdout.write(formatTable(rows));
    }
    return 0;
  },
};

function machineSummary(): Record<string, unknown> {
  return { node: process.version, platform: `${process.platform}-${process.arch}` };
}

function formatTable(rows: BenchRow[]): string {
  const header: BenchRow = { section: 'section', metric: 'metric', value: 'value', target: 'target', ok: 'ok' };
  const all = [header, ...rows];
  const cols = ['section', 'metric', 'value', 'target', 'ok'] as const;
  const widths = cols.map((c) => Math.max(...all.map((r) => String(r[c] ?? '').length)));
  const line = (r: BenchRow) => cols.map((c, i) => String(r[c] ?? '').padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}
