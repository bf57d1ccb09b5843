// The English half of the training corpus: every template, the words that chain two requests, and ASR noise.
import type { Template } from '../template.js';
import { climateTemplates } from './climate.js';
import { comboTemplates } from './combos.js';
import { dialogTemplates } from './dialog.js';
import { genericTemplates } from './generic.js';
import { houseClimateTemplates } from './house-climate.js';
import { houseLightTemplates } from './house-lights.js';
import { indirectTemplates } from './indirect.js';
import { lightTemplates } from './lights.js';
import { outOfCatalogTemplates } from './out-of-catalog.js';
import { queryTemplates } from './queries.js';
import { seatTemplates } from './seats.js';

export { enDistract } from './distract.js';
export { enAsrNoise } from './noise.js';

export const enTemplates: Template[] = [
  ...seatTemplates,
  ...lightTemplates,
  ...climateTemplates,
  ...queryTemplates,
  ...indirectTemplates,
  ...dialogTemplates,
  ...outOfCatalogTemplates,
  ...genericTemplates,
  ...houseLightTemplates,
  ...houseClimateTemplates,
  ...comboTemplates,
];

/** Joins two requests in one utterance: "turn on my seat heater and then set the fan to 3". */
export const enConnectors: string[] = [
  ' and ', ' and ', ' then ', ' and then ', ' and also ', ', and ', ' plus ', ', then ', '. After that, ', ', after that ', ' and after that ', ' also ',
  ', also ', ', oh and ', ' and could you ', ' and can you also ', '. Also, ', ' and please ', ', and then ', '. And ', ', plus ', ' & ', ' and maybe ',
  ', and also ', ' and while you are at it ', '. Then ', ', and afterwards ', ', oh, and ', ' then also ', ' and additionally ',
];
