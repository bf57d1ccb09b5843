// Table rows for the `dialogue` section: latency to the first CAN frame against its target, and the soak's memory.
import { benchDialogue, DIALOGUE_TARGETS as T } from './dialogue.bench.js';
import type { BenchRow, BenchSection } from './sections.js';
import { round } from './stats.js';

export const dialogueSection: BenchSection = {
  name: 'dialogue',
  summary: 'typed utterance → first CAN frame latency (language model + dialogue) and a 10,000-turn memory soak',
  async run() {
    const { loadLanguageModel } = await import('../models/runtime/onnx-language-model.js');
    const { defaultModelDir } = await import('../models/runtime/model-config.js');
    const lm = await loadLanguageModel(process.env.CABIN_MODEL ?? defaultModelDir());
    try {
      const r = await benchDialogue({ lm, log: (l) => process.stderr.write(`bench: ${l}\n`) });
      const s = r.soak;
      const growth = s.heapAfterMb - s.heapBeforeMb;
      const rows: BenchRow[] = [
        { section: 'dialogue', metric: 'utterance → first frame p50', value: `${round(r.latency.p50, 2)} ms` },
        { section: 'dialogue', metric: 'utterance → first frame p95', value: `${round(r.latency.p95, 2)} ms`, target: `<= ${T.p95Ms} ms`, ok: r.latency.p95 <= T.p95Ms ? 'yes' : 'NO' },
        { section: 'dialogue', metric: 'dialogue only (intents → frame) p50 / p95', value: `${round(r.dialogueLatency.p50, 2)} / ${round(r.dialogueLatency.p95, 2)} ms` },
        { section: 'dialogue', metric: `soak ${s.turns} turns: heap before → after`, value: `${s.heapBeforeMb} → ${s.heapAfterMb} MB`, target: `growth <= ${T.soakGrowthMb} MB`, ok: growth <= T.soakGrowthMb ? 'yes' : 'NO' },
        { section: 'dialogue', metric: 'soak: resident memory before → after', value: `${s.rssBeforeMb} → ${s.rssAfterMb} MB (${s.seconds} s)` },
      ];
      return { figures: { ...r, targets: T }, rows };
    } finally {
      await lm.close();
    }
  },
};
