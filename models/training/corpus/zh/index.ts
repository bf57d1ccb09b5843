// The Mandarin half of the training corpus: every template, the words that chain two requests, and ASR noise.
import type { Template } from '../template.js';
import { climateTemplates } from './climate.js';
import { comboTemplates } from './combos.js';
import { dialogTemplates } from './dialog.js';
import { houseTemplates } from './house.js';
import { lightTemplates } from './lights.js';
import { outOfCatalogTemplates } from './out-of-catalog.js';
import { queryTemplates } from './queries.js';
import { seatTemplates } from './seats.js';
import { wishTemplates } from './wishes.js';

export { zhDistract } from './distract.js';
export { zhAsrNoise } from './noise.js';

export const zhTemplates: Template[] = [
  ...seatTemplates,
  ...lightTemplates,
  ...climateTemplates,
  ...queryTemplates,
  ...wishTemplates,
  ...dialogTemplates,
  ...outOfCatalogTemplates,
  ...comboTemplates,
  ...houseTemplates,
];

/** Joins two requests in one utterance: 打开座椅加热，然后把温度调到二十二度. */
export const zhConnectors: string[] = [
  '然后', '顺便', '再', '并且', '还有', '同时', '，', '，再', '，然后', '，顺便', '，还有', '，同时', '，另外', '，并且',
  '然后再', '，然后再', '。再', '以后', '之后', '，之后', '，接着', '接着', '，也', '，还要', '，再帮我', '，对了，', '，另外帮我',
];
