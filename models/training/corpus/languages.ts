// The languages of the corpus: each one's templates, chaining connectors, speech-recogniser noise and distractor words.
import { enAsrNoise, enConnectors, enDistract, enTemplates } from './en/index.js';
import type { Lang, Template, TemplateContext } from './template.js';
import { zhAsrNoise, zhConnectors, zhDistract, zhTemplates } from './zh/index.js';

export interface LanguagePack {
  lang: Lang;
  templates: readonly Template[];
  /** Words placed between two chained requests, spaces included where the language uses them. */
  connectors: readonly string[];
  noise(text: string, ctx: TemplateContext): string;
  /** Inserts words the request does not need (fillers, unrelated nouns); the labels stay as they are. */
  distract(text: string, ctx: TemplateContext): string;
}

export const LANGUAGES: readonly LanguagePack[] = [
  { lang: 'en', templates: enTemplates, connectors: enConnectors, noise: enAsrNoise, distract: enDistract },
  { lang: 'zh', templates: zhTemplates, connectors: zhConnectors, noise: zhAsrNoise, distract: zhDistract },
];
