// Requests said after a name ("mike, turn the fan up", "hey jarvis heat my seat"): people address the assistant by a
// name they gave it, or say a request to another occupant, and the request is still the request. The same requests
// are also scored alone, so the figure isolates what the name does. The names are not in the corpus generator's
// vocative list, and none is a wake word of the external benchmarks (SLURP says "olly" and "alexa").
import type { Intent } from '../intents/catalog.js';
import type { Sample } from './lm-data.js';

const NAMES = ['mike', 'sarah', 'dad', 'computer', 'jarvis', 'buddy', 'grandma', 'olivia', 'peter'];
const REQUESTS: [string, Intent][] = [
  ['turn the fan up', { intent: 'hvac.fan', zone: 'self', delta: 1 }],
  ['make the lights blue', { intent: 'light.ambient_color', zone: 'cabin', value: 'blue' }],
  ['heat my seat', { intent: 'seat.heat', zone: 'self', value: 'on' }],
  ['set the temperature to 21', { intent: 'hvac.temp', zone: 'self', value: 21 }],
  ['turn on the ac', { intent: 'hvac.ac', zone: 'cabin', value: 'on' }],
  ['switch off the reading light', { intent: 'light.reading', zone: 'self', value: 'off' }],
  ['turn on the dome light', { intent: 'light.dome', zone: 'cabin', value: 'on' }],
  ['turn on recirculation', { intent: 'hvac.recirc', zone: 'cabin', value: 'on' }],
  ['massage my back', { intent: 'seat.massage', zone: 'self', value: 'on' }],
  ['turn off the rear defrost', { intent: 'hvac.defrost_rear', zone: 'cabin', value: 'off' }],
];

const sample = (text: string, want: Intent, template: string): Sample => ({
  text,
  speaker: 'driver',
  lang: 'en',
  expected: [want],
  raw: [want],
  template,
});

/** Each request alone, and after each name in three ways ("mike turn …", "mike, turn …", "hey mike turn …"). */
export function addressedRequests(): { alone: Sample[]; named: Sample[] } {
  const alone = REQUESTS.map(([text, want]) => sample(text, want, 'addressed.alone'));
  const named = REQUESTS.flatMap(([text, want]) =>
    NAMES.flatMap((n) => [`${n} ${text}`, `${n}, ${text}`, `hey ${n} ${text}`].map((t) => sample(t, want, 'addressed.named'))),
  );
  return { alone, named };
}
