// The recogniser's command grammar (JSGF): the plain ways to say each intent of the catalog, as a finite set of
// word sequences. It complements the n-gram model, which covers open phrasing: on a command the grammar's
// constrained search recovers words the n-gram search lets drift ("set the fan to five" heard as "set flip on
// the volume"). A grammar forces any sound onto its sentences, so its reading is used only where the open search
// was unsure and one of the open search's own alternatives means the same (main/voice/understand-heard.ts).
// Written from DESIGN.md's catalog, never from benchmark sentences.
import { AMBIENT_COLORS } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { numberWords } from './asr-words.js';

const alt = (items: readonly string[]) => `(${items.join(' | ')})`;
const opt = (item: string) => `[${item}]`;
const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => numberWords(from + i));

/** Seat and group references after "for" / "on": "for the driver", "for everyone", "in the back". */
const ZONE_FOR = [
  'me', 'myself', 'the driver', 'the passenger', 'the front passenger', 'everyone', 'everybody', 'all seats', 'the front', 'the back', 'the rear',
  'the rear left', 'the rear right', 'the back left', 'the back right', 'the kids', 'the front seats', 'the rear seats', 'the back seats',
  'the person behind me', 'the driver and passenger', 'both front seats',
];
const ZONE_POSS = ['my', 'the driver', "the driver's", 'the passenger', "the passenger's", 'the front', 'the rear', 'the back', 'the rear left', 'the rear right', 'all the', 'every'];

const SEAT_FEATURES = [
  'seat heating', 'seat heater', 'seat heaters', 'heated seat', 'heated seats', 'seat warmer', 'seat ventilation', 'seat cooling', 'seat fan',
  'ventilated seat', 'cooled seat', 'massage', 'seat massage', 'massager', 'reading light', 'reading lights', 'reading lamp',
];
const CABIN_SWITCHES = [
  'ambient light', 'ambient lights', 'ambient lighting', 'mood lighting', 'mood lights', 'dome light', 'ceiling light', 'interior light', 'cabin light',
  'air conditioning', 'a c', 'air conditioner', 'recirculation', 'air recirculation', 'recirc', 'front defrost', 'defroster', 'windscreen defrost',
  'windshield defrost', 'rear defrost', 'rear window heater', 'rear window heating', 'rear demister', 'auto mode', 'auto climate', 'automatic climate',
  'sync', 'sync mode', 'temperature sync', 'climate', 'climate control', 'fan', 'fans', 'blower',
];
const LEVEL_WORDS = [...numbers(0, 7), 'low', 'medium', 'high', 'max', 'maximum', 'full', 'minimum'];
const TEMPS = [...numbers(16, 30), ...numbers(60, 86)];
const PERCENTS = [...new Set([...numbers(0, 20), ...[30, 40, 50, 60, 70, 80, 90].flatMap((t) => numbers(t, t + 9)), 'one hundred'])];
const COLOR_WORDS = AMBIENT_COLORS.map((c) => c.replace('_', ' '));

export function cabinGrammar(): string {
  const rules: Record<string, string> = {
    pre: alt(['please', 'can you', 'could you', 'can you please', 'could you please', 'would you', 'hey', 'okay', 'i want to', "i'd like to", "let's", 'now']),
    post: alt(['please', 'thanks', 'thank you', 'for me', 'now', 'please thanks', 'for me please']),
    the: alt(['the', 'my', 'our', 'all the']),
    on: alt(['on', 'off']),
    turn: alt(['turn', 'switch', 'put', 'set', 'get']),
    toggle: alt(['turn on', 'turn off', 'switch on', 'switch off', 'start', 'stop', 'enable', 'disable', 'activate', 'deactivate', 'open', 'close']),
    zone: `${alt(['for', 'on', 'in', 'at'])} ${alt(ZONE_FOR)} ${opt(alt(['seat', 'seats', 'side']))}`,
    seatfeat: `${opt(alt(ZONE_POSS))} ${opt('seat')} ${alt(SEAT_FEATURES)}`,
    cabinfeat: alt(CABIN_SWITCHES),
    feature: `${opt('<the>')} ${alt(['<seatfeat>', '<cabinfeat>'])}`,
    level: `${opt(alt(['level', 'setting', 'speed', 'position', 'number']))} ${alt(LEVEL_WORDS)}`,
    temp: `${alt(TEMPS)} ${opt(alt(['point five', 'and a half']))} ${opt(alt(['degrees', 'degrees celsius', 'celsius', 'degrees fahrenheit', 'fahrenheit']))}`,
    switching: alt([
      '<toggle> <feature> [<zone>]',
      '<turn> <feature> [<zone>] <on>',
      '<feature> [<zone>] <on>',
      '<turn> <on> <feature> [<zone>]',
      alt(['heat', 'warm up', 'cool', 'cool down', 'ventilate', 'massage']) + ` ${alt(['my seat', 'the driver seat', "the driver's seat", 'the passenger seat', "the passenger's seat", 'the rear seats', 'the back seats', 'all seats', 'the seats', 'my back'])}`,
    ]),
    levels: alt([
      `${alt(['set', 'put', 'turn', 'change', 'make', 'bring', 'adjust'])} <feature> [<zone>] ${alt(['to', 'on', 'at'])} <level>`,
      '<feature> [<zone>] [to | on | at] <level>',
      `${alt(['turn up', 'turn down', 'increase', 'decrease', 'raise', 'lower', 'reduce', 'boost'])} <feature> [<zone>]`,
      `${alt(['turn', 'make'])} <feature> [<zone>] ${alt(['up', 'down', 'higher', 'lower', 'stronger', 'weaker', 'warmer', 'cooler', 'brighter', 'dimmer'])} [a bit | a little | a lot]`,
      `<feature> [<zone>] ${alt(['up', 'down', 'higher', 'lower', 'stronger', 'weaker'])} [a bit | a little]`,
      '<the> fan [speed] [<zone>] [to | on | at] <level>',
      `${alt(['max', 'max out', 'crank up'])} <feature> [<zone>]`,
    ]),
    temperature: alt([
      `${alt(['set', 'put', 'change', 'make', 'turn', 'bring', 'adjust'])} ${opt('<the>')} ${alt(['temperature', 'temp', 'climate', 'heat', 'heating'])} [<zone>] ${alt(['to', 'at'])} <temp>`,
      `${opt('<the>')} ${alt(['temperature', 'temp'])} [<zone>] [to | at] <temp>`,
      `${alt(['make it', 'set it to', "i'd like", 'i want'])} <temp> [<zone>]`,
      '<temp> [<zone>]',
      `${alt(['turn up', 'turn down', 'raise', 'lower', 'increase', 'decrease'])} ${opt('<the>')} ${alt(['temperature', 'temp', 'heat', 'heating'])} [<zone>] [a bit | a little | a lot | by <temp>]`,
      `${alt(['make it', 'a bit', 'a little', 'make it a bit', 'make it a little'])} ${alt(['warmer', 'cooler', 'colder', 'hotter'])} [<zone>] [in here]`,
      `${alt(['warmer', 'cooler', 'colder', 'hotter'])} [<zone>]`,
    ]),
    wish: alt([
      `${alt(["i'm", 'i am', "i'm a bit", 'i am a bit', "i'm a little", "i'm really", "i'm so", 'i feel', "we're", 'we are'])} ${alt(['cold', 'hot', 'warm', 'freezing', 'boiling', 'chilly', 'too hot', 'too cold', 'too warm'])}`,
      `${alt(["it's", 'it is', 'it feels', "it's getting", 'it is getting'])} ${opt(alt(['too', 'so', 'very', 'a bit', 'a little', 'really', 'way too']))} ${alt(['hot', 'cold', 'warm', 'chilly', 'stuffy', 'dark', 'bright', 'freezing'])} ${opt(alt(['in here', 'back here', 'in the back', 'in the car']))}`,
      `${alt(["i can't see", 'i cannot see'])} ${alt(['out the windscreen', 'out the windshield', 'through the windscreen', 'through the windshield', 'anything'])}`,
      `${alt(['the windscreen', 'the windshield', 'the windows', 'the rear window'])} ${alt(['is', 'are'])} ${alt(['fogged up', 'foggy', 'misted up', 'fogging up'])}`,
      `${alt(['my back hurts', 'my back is sore', 'my back is killing me', 'i have a sore back'])}`,
      `${alt(["it's too dark to read", 'it is too dark to read', "i can't read", 'i need light to read', 'i need some light'])}`,
      `${alt(['something smells', 'it smells bad outside', 'there is a bad smell', "there's a bad smell", 'it stinks outside'])}`,
    ]),
    lights: alt([
      `${alt(['set', 'make', 'change', 'turn', 'switch', 'put'])} ${opt('<the>')} ${alt(['ambient light', 'ambient lights', 'ambient lighting', 'mood lighting', 'mood lights', 'lights', 'light', 'ambient color', 'ambient light color', 'light color'])} ${opt(alt(['to', 'in']))} <color>`,
      `${opt('<the>')} ${alt(['ambient light', 'ambient lights', 'ambient lighting', 'lights', 'mood lighting'])} <color>`,
      '<color> [ambient] [light | lights | lighting]',
      `${alt(['set', 'change', 'turn', 'dim', 'put'])} ${opt('<the>')} ${alt(['ambient brightness', 'brightness', 'ambient light brightness', 'brightness of the ambient lights', 'ambient lights', 'ambient light'])} ${alt(['to', 'at'])} <percent>`,
      `${alt(['dim', 'brighten', 'dim down'])} ${opt('<the>')} ${alt(['ambient lights', 'ambient light', 'lights', 'ambient lighting'])} [a bit | a little]`,
      `${alt(['make', 'turn'])} ${opt('<the>')} ${alt(['ambient lights', 'ambient light', 'lights'])} ${alt(['brighter', 'dimmer', 'darker'])} [a bit | a little]`,
    ]),
    color: alt(COLOR_WORDS),
    percent: `${alt(PERCENTS)} [percent]`,
    airflow: alt([
      `${alt(['air', 'the air', 'airflow', 'the airflow', 'blow', 'blow the air', 'point the air', 'direct the air'])} ${alt(['to', 'on', 'at', 'towards'])} ${alt(['the feet', 'my feet', 'the face', 'my face', 'face and feet', 'the windscreen', 'the windshield', 'the windscreen and feet', 'the windshield and feet'])} [<zone>]`,
      `${alt(['set', 'change', 'put'])} ${opt('<the>')} ${alt(['airflow', 'air flow', 'air direction', 'vents'])} [<zone>] to ${alt(['feet', 'face', 'face and feet', 'windscreen', 'windshield', 'windshield and feet', 'windscreen and feet'])}`,
    ]),
    recline: alt([
      `${alt(['recline', 'lean back', 'tilt back', 'move', 'slide', 'push back', 'move back', 'move forward', 'slide forward', 'slide back'])} ${opt(alt(['my seat', 'the seat', 'the driver seat', 'the passenger seat', 'my backrest', 'the backrest']))} ${opt(alt(['a bit', 'a little', 'a lot', 'all the way']))}`,
      `${alt(['sit up', 'make my seat upright', 'seat upright', 'backrest upright', 'lay my seat flat', 'lay the seat flat'])}`,
      `${alt(['set', 'put', 'move'])} ${opt('<the>')} ${alt(['recline', 'backrest', 'seat position', 'seat'])} [<zone>] ${alt(['to', 'at'])} <percent>`,
    ]),
    query: alt([
      `${alt(["what's", 'what is'])} ${opt('<the>')} ${alt(['temperature', 'fan speed', 'fan', 'ambient color', 'ambient light color', 'ambient brightness', 'brightness', 'seat heating', 'seat heater level', 'airflow'])} [<zone>] [set to | now | at]`,
      `${alt(['is', 'are'])} ${opt('<the>')} <feature> [<zone>] ${alt(['on', 'off', 'working', 'running'])}`,
      `${alt(['how warm', 'how hot', 'how cold', 'what temperature'])} ${alt(['is it', 'is it set', 'is it in here', 'is my side', 'is the back'])}`,
    ]),
    followup: alt(['a bit more', 'a little more', 'more', 'even more', 'too much', 'a bit less', 'a little less', 'less', 'that is too much', "that's too much",
      'turn it off', 'turn it on', 'switch it off', 'same for the passenger', 'same for the driver', 'same for the back', 'same for everyone', 'me too', 'same here',
      'the same for me', 'for me too', 'and for the passenger', 'and the passenger', 'warmer', 'cooler', 'higher', 'lower']),
    dialog: alt(['yes', 'yes please', 'yeah', 'yep', 'sure', 'ok', 'okay', 'do it', 'go ahead', 'no', 'no thanks', 'nope', 'no thank you', 'cancel', 'never mind',
      'forget it', 'stop', 'undo', 'undo that', 'put it back', 'change it back', 'go back']),
  };
  const body = `${opt('<pre>')} ${alt(['<switching>', '<levels>', '<temperature>', '<wish>', '<lights>', '<airflow>', '<recline>', '<query>', '<followup>', '<dialog>'])} ${opt('<post>')}`;
  const lines = ['#JSGF V1.0;', 'grammar cabin;', `public <command> = ${body} ${opt(`and ${body}`)};`];
  for (const [name, rhs] of Object.entries(rules)) lines.push(`<${name}> = ${rhs};`);
  return lines.join('\n') + '\n';
}

/** Every word the grammar can output (the dictionary must spell each one). */
export function grammarWords(jsgf: string): string[] {
  const words = new Set<string>();
  for (const line of jsgf.split('\n').slice(2)) {
    const rhs = line.slice(line.indexOf('=') + 1).replace(/<[^>]+>/g, ' ').replace(/[()[\]|;*+]/g, ' ');
    for (const w of rhs.split(/\s+/)) if (w) words.add(w);
  }
  return [...words].sort();
}
