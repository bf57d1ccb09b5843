// Indirect wishes: what people say about how they feel, and the action DESIGN.md maps it to (I'm cold → +2 °C).
import type { CorpusIntent, Template } from '../template.js';
import { en, fill, finish, out, type Ctx } from './common.js';
import { seatRef } from './zones.js';

const COLD = ["I'm cold", "I'm freezing", "it's freezing in here", 'brr', "I'm a bit chilly", "it's cold", 'my hands are cold', "I'm shivering",
  "it's chilly", "it's really cold in here", "I'm so cold", "it's too cold", "I'm getting cold", "it's a bit nippy", 'so cold', 'freezing',
  "I'm frozen", 'my feet are freezing', "it's like a fridge in here", "it's icy in here", 'I feel cold', "I'm kind of cold", 'too cold in here',
  "it's getting chilly", "I can't feel my fingers", "it's cold as hell", 'brrr it’s cold'.replace('’', "'"), "I'm chilly", "it's arctic in here", 'it is cold'];
const HOT = ["I'm hot", "it's stuffy", "it's boiling in here", "I'm sweating", "it's too warm", "it's muggy", "I'm roasting", "it's like an oven in here",
  'too hot', "I'm so hot", "it's really hot in here", "it's sweltering", "I'm overheating", "it's baking in here", "it's way too warm", "I'm burning up",
  "it's stifling", 'so hot', "I'm too warm", "it's a sauna in here", "it's getting hot", 'I feel hot', "I'm kind of warm", 'too warm in here', "I'm melting",
  "it's hot as hell", "it's so stuffy", 'it is hot', "it's warm in here", "I'm sweaty"];
const FOG = ['the windshield is fogged up', "I can't see out the front", 'the windscreen is misting up', 'the front glass is all foggy', "it's fogging up",
  'the windshield is foggy', 'the front window is steamed up', "I can't see through the windshield", 'the windscreen is fogged', 'everything is fogging up in front',
  "there's condensation on the windshield", 'the windshield is all misty', 'the front window is frosted over', 'the windshield is icy', 'my windshield is steaming up',
  "the glass in front of me is fogged, I can't see"];
const REAR_FOG = ['the back window is fogged', "I can't see out the rear window", 'the rear window is misted up', 'the rear glass is all foggy',
  'the back window is steamed up', "I can't see anything in the rear view mirror, the back glass is fogged", 'the rear windscreen is frosted', 'the back window is icy'];
const BACK = ['my back hurts', 'my back is killing me', 'I have a sore back', 'my lower back aches', 'my back is stiff', 'my back is sore', 'my back aches',
  "I've got back pain", 'my shoulders are tense', 'my back is tired', "I'm stiff from driving", 'my lumbar is sore', 'ugh my back', 'my back is so tight',
  "I've been sitting too long, my back hurts", 'I have a backache'];
const DARK = ["it's too dark to read", "I can't see my book", "I can't read my map", 'I need some light to read', "it's dark back here", "I can't read anything",
  "it's too dark to see my phone", "I can't see what I'm reading", 'I need light to read', "I want to read but it's too dark", "I can't find my stuff, it's dark",
  'too dark to read', "I can't see the page", "it's pitch black, I'm trying to read"];
const BRIGHT = ["it's too bright", 'the lights are too bright', 'the lighting is blinding me', "it's too bright in here", 'the lights are blinding', 'too bright',
  'the light is hurting my eyes', "it's way too bright", 'the glare from the lights is annoying', 'the lights are really harsh', "it's so bright in here"];
const DIM = ['the lights are too dim', "it's too dark in the cabin", 'the lighting is too weak', 'the ambient light is too dim', "I can barely see the ambient light",
  "it's too dark in here", "it's a bit dark in here", "it's gloomy in here"];
const SMELL = ['something stinks outside', "there's a bad smell coming in", 'it smells like exhaust', 'the truck in front stinks', "there's smoke outside",
  'it stinks out there', "there's a nasty smell from outside", "the air outside smells awful", 'we are behind a garbage truck', "it smells like a farm out there",
  "there's dust everywhere outside", 'the smell from outside is terrible', "diesel fumes are coming in", "we're in a tunnel and it stinks", "something smells bad outside"];
const SEAT_COLD = ['my seat is cold', 'my butt is cold', 'the seat is freezing', 'my seat is ice cold', 'this seat is so cold', 'the leather is freezing'];
const SEAT_SWEATY = ['my back is sweaty', 'my seat is too hot', "I'm sticking to the seat", 'my back is sweating', 'the seat is making me sweat'];
const LEGROOM = ["I don't have enough legroom", "my knees are hitting the dash", "I'm too close to the wheel", "I'm cramped", 'my legs are squashed'];
const NOISY_FAN = ['the fan is too loud', "I can't hear anything over the fan", "it's too drafty", "it's too windy in here", 'the air is blowing too hard'];
const STUFFY_AIR = ["there's not enough air", "I can't breathe in here", 'the air is not moving', 'I need more air'];

function say(ctx: Ctx, text: string): string {
  const pre = ctx.chance(0.2) ? ctx.phrase(['ugh, ', 'man, ', 'oh, ', 'hmm, ', 'wow, ', 'hey car, ', 'honestly, ', 'gosh, ', 'um, ', 'jeez, ']) : '';
  const post = ctx.chance(0.1) ? ctx.phrase([', do something', ', help', ', can you fix that', ', please help', ', any ideas']) : '';
  return finish(ctx, `${pre}${text}${post}`);
}

const wish = (id: string, bank: string[], intent: CorpusIntent, weight = 1): Template =>
  en(`wish.${id}`, (ctx) => out(say(ctx, ctx.phrase(bank)), { ...intent }), weight);

export const indirectTemplates: Template[] = [
  wish('cold', COLD, { intent: 'hvac.temp', zone: 'self', delta: 2 }, 1.5),
  wish('hot', HOT, { intent: 'hvac.temp', zone: 'self', delta: -2 }, 1.5),
  // Someone else is cold or hot: the zone follows the person.
  en('wish.other_temp', (ctx) => {
    const ref = seatRef(ctx, true, 0);
    const cold = ctx.chance(0.5);
    const plural = ref.plural || /kids|people|folks|guys|everyone|everybody|all|both|row|passengers|backseat|car/.test(ref.who);
    const be = plural ? 'are' : 'is';
    const t = cold ? ctx.phrase(['{w} {be} cold', '{w} {be} freezing', '{w} {be} chilly', '{w} says it is too cold', '{w} {be} shivering', '{w} feels cold'])
      : ctx.phrase(['{w} {be} hot', '{w} {be} too warm', '{w} {be} sweating', '{w} says it is too hot', '{w} {be} roasting', '{w} feels hot']);
    const text = fill(t, { w: ref.who, be }).replace(/\b(\w+) feels/, plural ? '$1 feel' : '$1 feels').replace(/ says/, plural ? ' say' : ' says');
    return out(say(ctx, text), { intent: 'hvac.temp', zone: ref.zone, delta: cold ? 2 : -2 });
  }),
  en('wish.place_temp', (ctx) => {
    const rear = ctx.chance(0.6);
    const cold = ctx.chance(0.5);
    const place = rear ? ctx.pick(['in the back', 'back here', 'back there', 'in the rear', 'in the back seat']) : ctx.pick(['up front', 'in the front', 'in front']);
    const feel = cold ? ctx.pick(['cold', 'freezing', 'chilly']) : ctx.pick(['hot', 'stuffy', 'warm', 'boiling']);
    if (ctx.chance(0.3)) {
      // "I'm freezing back here": the speaker names themself, so the zone is theirs; the place only says where they sit.
      const me = `${ctx.pick(["I'm", 'I am', "I'm really", "I'm a bit", "I'm getting"])} ${feel.replace('stuffy', 'hot')} ${place}`;
      return out(say(ctx, me), { intent: 'hvac.temp', zone: 'self', delta: cold ? 2 : -2 });
    }
    const t = `${ctx.pick(["it's", 'it is', "it's really", "it's a bit"])} ${feel} ${place}`;
    // "back here" from a rear seat is the speaker's own zone... and the rear row; the row is what the words name.
    return out(say(ctx, t), { intent: 'hvac.temp', zone: rear ? 'rear' : 'front', delta: cold ? 2 : -2 });
  }, 0.6),
  wish('fog', FOG, { intent: 'hvac.defrost_front', zone: 'cabin', value: 'on' }, 1.2),
  wish('rear_fog', REAR_FOG, { intent: 'hvac.defrost_rear', zone: 'cabin', value: 'on' }, 0.8),
  wish('sore_back', BACK, { intent: 'seat.massage', zone: 'self', value: 'on' }, 1.2),
  en('wish.other_back', (ctx) => {
    const ref = seatRef(ctx, false, 0);
    const t = ctx.phrase(["{w}'s back hurts", '{w} has a sore back', "{w}'s back is killing them", '{w} has back pain', "{w}'s back is stiff"]);
    return out(say(ctx, fill(t, { w: ref.who })), { intent: 'seat.massage', zone: ref.zone, value: 'on' });
  }, 0.6),
  wish('dark_read', DARK, { intent: 'light.reading', zone: 'self', value: 'on' }, 1.2),
  wish('too_bright', BRIGHT, { intent: 'light.ambient_brightness', zone: 'cabin', delta: -20 }, 1.2),
  wish('too_dim', DIM, { intent: 'light.ambient_brightness', zone: 'cabin', delta: 20 }, 0.6),
  wish('smell', SMELL, { intent: 'hvac.recirc', zone: 'cabin', value: 'on' }, 1.2),
  wish('seat_cold', SEAT_COLD, { intent: 'seat.heat', zone: 'self', value: 'on' }, 0.7),
  wish('seat_sweaty', SEAT_SWEATY, { intent: 'seat.vent', zone: 'self', value: 'on' }, 0.6),
  wish('legroom', LEGROOM, { intent: 'seat.slide', zone: 'self', delta: 10 }, 0.5),
  wish('noisy_fan', NOISY_FAN, { intent: 'hvac.fan', zone: 'self', delta: -1 }, 0.5),
  wish('need_air', STUFFY_AIR, { intent: 'hvac.fan', zone: 'self', delta: 1 }, 0.4),
];
