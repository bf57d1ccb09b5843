// The language an occupant spoke, so the reply comes back in it.
export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

const HAN = /\p{Script=Han}/u;

/** Any Han character makes it Mandarin: code-switched speech (把AC关掉) is answered in Mandarin. */
export function languageOf(text: string): Lang {
  return HAN.test(text) ? 'zh' : 'en';
}
