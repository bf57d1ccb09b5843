// The languages of the corpus: each one's templates, chaining connectors and speech-recogniser noise.
import { enAsrNoise, enConnectors, enTemplates } from './en/index.js';
import type { Lang, Template, TemplateContext } from './template.js';
import { zhAsrNoise, zhConnectors, zhTemplates } from './zh/index.js';

export interface LanguagePack {
  lang: Lang;
  templates: readonly Template[];
  /** Words placed between two chained requests, spaces included where the language uses them. */
  connectors: readonly string[];
  noise(text: string, ctx: TemplateContext): string;
}

export const LANGUAGES: readonly LanguagePack[] = [
  { lang: 'en', templates: enTemplates, connectors: enConnectors, noise: enAsrNoise },
  { lang: 'zh', templates: zhTemplates, connectors: zhConnectors, noise: zhAsrNoise },
];
