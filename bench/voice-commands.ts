// Spoken commands for the voice benchmark, written for it (never taken from ../shared/benchmarks), with the intents they mean.
import type { Intent } from '../intents/catalog.js';
import type { Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';

export interface SpokenCommand {
  seat: Seat;
  text: string;
  intents: Intent[];
}

const one = (seat: Seat, text: string, intent: Intent): SpokenCommand => ({ seat, text, intents: [intent] });

export const SPOKEN_COMMANDS: readonly SpokenCommand[] = [
  one('driver', 'turn on my seat heating', { intent: 'seat.heat', zone: 'self', value: 'on' }),
  one('passenger', 'seat heating to level three', { intent: 'seat.heat', zone: 'self', value: 3 }),
  one('rear_left', 'turn on the seat ventilation', { intent: 'seat.vent', zone: 'self', value: 'on' }),
  one('rear_right', 'start the massage', { intent: 'seat.massage', zone: 'self', value: 'on' }),
  one('driver', 'turn on my reading light', { intent: 'light.reading', zone: 'self', value: 'on' }),
  one('rear_left', 'reading light on please', { intent: 'light.reading', zone: 'self', value: 'on' }),
  one('passenger', 'make the ambient light blue', { intent: 'light.ambient_color', zone: 'cabin', value: 'blue' }),
  one('driver', 'change the ambient light to red', { intent: 'light.ambient_color', zone: 'cabin', value: 'red' }),
  one('rear_right', 'turn on the dome light', { intent: 'light.dome', zone: 'cabin', value: 'on' }),
  one('driver', 'turn off the ambient light', { intent: 'light.ambient', zone: 'cabin', value: 'off' }),
  one('passenger', 'set the temperature to twenty four degrees', { intent: 'hvac.temp', zone: 'self', value: 24 }),
  one('driver', 'set my temperature to nineteen', { intent: 'hvac.temp', zone: 'self', value: 19 }),
  one('rear_left', 'i am cold', { intent: 'hvac.temp', zone: 'self', delta: 2 }),
  one('passenger', 'it is too hot in here', { intent: 'hvac.temp', zone: 'self', delta: -2 }),
  one('driver', 'set the fan to five', { intent: 'hvac.fan', zone: 'self', value: 5 }),
  one('rear_right', 'turn the fan off', { intent: 'hvac.fan', zone: 'self', value: 'off' }),
  one('driver', 'turn off the air conditioning', { intent: 'hvac.ac', zone: 'cabin', value: 'off' }),
  one('passenger', 'turn on recirculation', { intent: 'hvac.recirc', zone: 'cabin', value: 'on' }),
  one('driver', 'defrost the windscreen', { intent: 'hvac.defrost_front', zone: 'cabin', value: 'on' }),
  one('driver', 'turn on the rear window heater', { intent: 'hvac.defrost_rear', zone: 'cabin', value: 'on' }),
  one('passenger', 'heat the driver seat', { intent: 'seat.heat', zone: 'driver', value: 'on' }),
  one('driver', 'turn on the seat heating for everyone', { intent: 'seat.heat', zone: 'all', value: 'on' }),
  one('driver', 'set the ambient brightness to eighty percent', { intent: 'light.ambient_brightness', zone: 'cabin', value: 80 }),
  one('passenger', 'air to the feet please', { intent: 'hvac.airflow', zone: 'self', value: 'feet' }),
];

export const BENCH_VOICES = ['en-us', 'en-gb', 'en-us+f3'] as const;

/**
 * espeak-ng's other English accents (Scottish, received pronunciation, Lancaster, West Midlands, Caribbean, and
 * another American voice): only measured, never tuned on, so they show how far the bench voices' figures carry.
 */
export const OTHER_ACCENTS = ['en-gb-scotland', 'en-gb-x-rp', 'en-gb-x-gbclan', 'en-gb-x-gbcwmd', 'en-029', 'en-us+m3'] as const;

/**
 * Things said in a moving car that are not cabin commands, some near the cabin's words (red, cold, window, music):
 * each should leave the car as it was. Acting on one is the cost of a looser recogniser or a lower confidence bar.
 */
export const SPOKEN_CHATTER: readonly string[] = [
  'look at that red car over there',
  'did you remember to call your mother',
  'we should stop for coffee soon',
  'what time does the game start tonight',
  'i think we took a wrong turn back there',
  'can you pass me the water bottle',
  'the kids have swimming lessons after school',
  'grandpa keeps his whole house freezing in summer',
  'that restaurant was way too hot for me',
  'my phone battery is almost dead',
  'how far is it to the hotel',
  'that was a great movie',
  'the traffic is terrible today',
  'we need to buy milk on the way back',
  'she said the meeting moved to friday',
];

/**
 * Spoken requests about the conversation itself — another dialogue style, thanks — written for the bench in other
 * words than the n-gram's own sentences (models/speech/dialogue-sentences.ts), some with words that list lacks
 * (friendlier, politely said in other frames). Each should end as the same words typed do: the style changed or
 * thanks answered, and the car as it was.
 */
export const SPOKEN_CONVERSATION: readonly string[] = [
  'could you talk a little more formally',
  'speak more politely please',
  'go to concise mode',
  'answer briefly from now on',
  'please switch to the playful style',
  'kids mode please',
  'be a little more casual',
  'please sound friendlier',
  'thanks so much',
  'okay thank you very much',
  'cheers thanks',
  'thank you that is great',
];
