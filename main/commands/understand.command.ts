// `cabin understand`: runs the on-device language model on typed text (or JSON lines on stdin) and prints the intents.
import { createInterface } from 'node:readline';
import { boolOpt, stringOpt, type Command, type CommandIO } from '../command.js';
import { UsageError } from '../../vehicle-bus/errors.js';
import { SEATS, type Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import type { LanguageModel, Understanding } from '../../models/language-model.js';

function seatOf(value: unknown, where: string): Seat {
  if (typeof value === 'string' && (SEATS as readonly string[]).includes(value)) return value as Seat;
  throw new UsageError(`${where}: unknown speaker ${JSON.stringify(value)} (one of ${SEATS.join(', ')})`);
}

function output(u: Understanding, withTokens: boolean): string {
  return JSON.stringify(withTokens ? { intents: u.intents, tokens: u.tokens, ...(u.swapped ? { swapped: u.swapped } : {}) } : u.intents);
}

export const understandCommand: Command = {
  name: 'understand',
  summary: 'Turn typed text into intents with the on-device language model (JSON).',
  usage: '[--speaker SEAT] [--model DIR] [--json-tokens] "text" | --batch',
  details: [
    `Seats: ${SEATS.join(', ')}. The model directory defaults to the shipped models/cabin-lm/ (or $CABIN_MODEL).`,
    '--batch reads JSON lines {"text": ..., "speaker": ...} on stdin and writes one JSON line of intents per',
    'input line, in order (blank lines are skipped). A malformed line gets [] and a warning on stderr naming it.',
  ].join('\n'),
  positionals: true,
  options: {
    speaker: { type: 'string', arg: 'SEAT', description: 'Who is speaking (in --batch: for lines that name no speaker).', default: 'driver' },
    model: { type: 'string', arg: 'DIR', description: 'Model directory (config.json, tokenizer.json, model.onnx).' },
    batch: { type: 'boolean', description: 'Read JSON lines on stdin, write one line of intents per line.' },
    'json-tokens': { type: 'boolean', description: 'Print {"intents": [...], "tokens": [...]} with the action tokens the model emitted (and "swapped": the words its lexicon replaced).' },
  },
  async run(args, io) {
    const speaker = seatOf(stringOpt(args, 'speaker') ?? 'driver', '--speaker');
    const batch = boolOpt(args, 'batch');
    const withTokens = boolOpt(args, 'json-tokens');
    const text = args.positionals.join(' ');
    if (batch && args.positionals.length) throw new UsageError('--batch reads stdin; give no text arguments');
    if (!batch && !args.positionals.length) throw new UsageError('nothing to understand: give the text as an argument, or use --batch (see `cabin understand --help`)');
    // onnxruntime is loaded only by the commands that need it.
    const { loadLanguageModel } = await import('../../models/runtime/onnx-language-model.js');
    const { defaultModelDir } = await import('../../models/runtime/model-config.js');
    const model = await loadLanguageModel(stringOpt(args, 'model') ?? process.env.CABIN_MODEL ?? defaultModelDir());
    try {
      if (!batch) {
        const u = await model.understand(text, speaker);
        for (const w of u.warnings) io.stderr.write(`cabin understand: warning: ${w}\n`);
        io.stdout.write(output(u, withTokens) + '\n');
        return 0;
      }
      return await runBatch(model, speaker, withTokens, io);
    } finally {
      await model.close();
    }
  },
};

async function runBatch(model: LanguageModel, defaultSpeaker: Seat, withTokens: boolean, io: CommandIO): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let n = 0;
  const warn = (msg: string) => io.stderr.write(`cabin understand: line ${n}: ${msg}\n`);
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let u: Understanding | undefined;
    try {
      const item: unknown = JSON.parse(line);
      if (!item || typeof item !== 'object' || Array.isArray(item)) throw new UsageError('expected a JSON object {"text", "speaker"}');
      const rec = item as Record<string, unknown>;
      if (typeof rec.text !== 'string') throw new UsageError('"text" must be a string');
      const seat = rec.speaker === undefined ? defaultSpeaker : seatOf(rec.speaker, '"speaker"');
      u = await model.understand(rec.text, seat);
      for (const w of u.warnings) warn(`warning: ${w}`);
    } catch (err) {
      warn(`${err instanceof SyntaxError ? 'not JSON' : (err as Error).message}; wrote []`);
    }
    io.stdout.write((u ? output(u, withTokens) : withTokens ? '{"intents":[],"tokens":[]}' : '[]') + '\n');
  }
  return 0;
}
