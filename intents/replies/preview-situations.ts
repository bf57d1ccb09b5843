// The fixed situations `cabin styles preview` plays for each style, so styles can be compared line by line.
import type { Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import type { Intent } from '../catalog.js';
import type { Lang } from '../dialogue/language.js';

export interface PreviewSituation {
  title: string;
  /** Set-up: simulated car faults (`cabin sim --fault` syntax) and speed. */
  faults?: string[];
  speedKph?: number;
  /** One or more utterances said at once; the reply shown is the last speaker's. */
  say: { speaker: Seat; text: Record<Lang, string>; intents: Intent[] }[];
  /** Said afterwards by the same speaker as the last utterance (an answer to a question, if any). */
  then?: { text: Record<Lang, string>; intents: Intent[] };
}

export const PREVIEW_SITUATIONS: readonly PreviewSituation[] = [
  {
    title: 'a simple request',
    say: [{ speaker: 'driver', text: { en: 'heat my seat', zh: '打开座椅加热' }, intents: [{ intent: 'seat.heat', zone: 'self', value: 'on' }] }],
  },
  {
    title: 'out of range, partly not allowed',
    say: [{ speaker: 'passenger', text: { en: "set everyone's temperature to 35", zh: '所有人温度调到三十五度' }, intents: [{ intent: 'hvac.temp', zone: 'all', value: 35 }] }],
  },
  {
    title: 'not allowed from the back',
    say: [{ speaker: 'rear_left', text: { en: 'turn off the AC', zh: '把空调制冷关掉' }, intents: [{ intent: 'hvac.ac', zone: 'cabin', value: 'off' }] }],
  },
  {
    title: 'thanks (no question waiting)',
    say: [{ speaker: 'driver', text: { en: 'thank you', zh: '谢谢' }, intents: [] }],
  },
  {
    title: 'a seat motor (it takes seconds; the reply says where it is going)',
    say: [{ speaker: 'rear_left', text: { en: 'recline my seat all the way', zh: '靠背放到底' }, intents: [{ intent: 'seat.recline', zone: 'self', value: 100 }] }],
    then: { text: { en: 'yes', zh: '好的' }, intents: [{ intent: 'dialog.yes' }] },
  },
  {
    title: 'unsafe while moving',
    speedKph: 80,
    say: [{ speaker: 'driver', text: { en: 'recline my seat', zh: '靠背往后放一点' }, intents: [{ intent: 'seat.recline', zone: 'self', delta: 10 }] }],
  },
  {
    title: 'another seat (asks first where the style says so)',
    say: [{ speaker: 'driver', text: { en: 'heat the passenger seat', zh: '打开副驾座椅加热' }, intents: [{ intent: 'seat.heat', zone: 'passenger', value: 'on' }] }],
    then: { text: { en: 'yes', zh: '好的' }, intents: [{ intent: 'dialog.yes' }] },
  },
  {
    title: 'the light module is silent',
    faults: ['light:silent'],
    say: [{ speaker: 'driver', text: { en: 'make the lights blue', zh: '氛围灯换成蓝色' }, intents: [{ intent: 'light.ambient_color', zone: 'cabin', value: 'blue' }] }],
  },
  {
    title: 'the climate module clamps the fan at 5',
    faults: ['climate:fan_max=5'],
    say: [{ speaker: 'driver', text: { en: 'fan to 7', zh: '风量调到七档' }, intents: [{ intent: 'hvac.fan', zone: 'self', value: 7 }] }],
  },
  {
    title: 'two seats at once, the passenger loses',
    say: [
      { speaker: 'driver', text: { en: 'lights red', zh: '氛围灯红色' }, intents: [{ intent: 'light.ambient_color', zone: 'cabin', value: 'red' }] },
      { speaker: 'passenger', text: { en: 'lights blue', zh: '氛围灯蓝色' }, intents: [{ intent: 'light.ambient_color', zone: 'cabin', value: 'blue' }] },
    ],
  },
  {
    title: 'a question',
    say: [{ speaker: 'rear_right', text: { en: "what's the temperature in the back?", zh: '后排温度是多少？' }, intents: [{ intent: 'query', zone: 'rear', feature: 'hvac.temp' }] }],
  },
  {
    title: 'outside the catalog',
    say: [{ speaker: 'passenger', text: { en: 'open the sunroof', zh: '打开天窗' }, intents: [] }],
  },
];
