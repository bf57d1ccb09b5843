// Requests the assistant cannot serve (windows, media, navigation, calls, …): they must yield no intent at all.
import type { Template } from '../template.js';
import { cmd, en, fill, finish, out, type Ctx } from './common.js';
import { chatter } from './chatter.js';
import { num } from './numbers.js';

const WINDOW_WHICH = ['the window', 'my window', 'the windows', 'all the windows', "the driver's window", 'the passenger window', 'the back windows',
  'the rear left window', 'the window behind me', 'the kids’ windows'.replace('’', "'"), 'the rear windows', 'your window'];
const WINDOW_DO = ['open {w}', 'close {w}', 'roll down {w}', 'roll up {w}', 'crack {w}', 'put {w} down', 'put {w} up', 'lower {w}', 'raise {w}',
  'open {w} a bit', 'close {w} all the way', 'open {w} halfway', 'wind down {w}', '{w} down', '{w} up', 'shut {w}', 'lock {w}', 'open {w} 20 percent'];
const ARTISTS = ['Taylor Swift', 'the Beatles', 'some jazz', 'Beyonce', 'Coldplay', 'some rock', 'classical music', 'my playlist', 'Drake', 'lo-fi beats',
  'something relaxing', 'the news', 'a podcast', 'Queen', 'some country music', 'my road trip mix', 'an audiobook', 'Adele', 'hip hop', 'the radio'];
const MEDIA = ['play {a}', 'put on {a}', 'can you play {a}', 'I want to listen to {a}', 'next song', 'skip this track', 'pause the music', 'resume playback',
  'turn up the volume', 'turn the volume down', 'louder', 'quieter please', 'mute the audio', 'set the volume to {n}', 'volume {n}', 'shuffle my songs',
  'previous track', 'what song is this', 'play the next episode', 'stop the music', 'turn on the radio', 'switch to FM', 'change the radio station',
  'tune to {n}.{d} FM', 'bluetooth audio', 'connect my phone', 'repeat this song', 'turn the bass up', 'more treble', 'volume up', 'volume down',
  'make it louder', 'turn it down, the music is too loud', 'play something else'];
const PLACES = ['home', 'work', 'the airport', 'the nearest gas station', 'a charging station', 'downtown', 'the hospital', 'my mom’s house'.replace('’', "'"),
  'the mall', 'a coffee shop', 'the train station', 'the office', 'a parking garage', 'the closest pharmacy', 'Main Street'];
const NAV = ['navigate {p}', 'navigate to {p}', 'take me {p}', 'take me to {p}', 'directions to {p}', 'how far is it to {p}', 'find {p}', 'route to {p}',
  'how long until we get to {p}', 'avoid tolls', 'show me the map', 'where am I', "what's the traffic like", 'cancel navigation', 'find a restaurant nearby',
  'is there a faster route', "what's our ETA", 'find parking near {p}', 'zoom in on the map'];
const CONTACTS = ['mom', 'dad', 'John', 'my wife', 'the office', 'Sarah', 'my boss', 'grandma', 'Alex', 'the dentist'];
const CALLS = ['call {c}', 'phone {c}', 'dial {c}', 'text {c}', 'send a message to {c}', 'read my messages', 'answer the call', 'hang up', 'decline the call',
  'call {c} on speaker', 'tell {c} I’m running late'.replace('’', "'"), 'any new messages', 'redial', 'send {c} my location', 'reply to {c}'];
const CAR = ['open the sunroof', 'close the sunroof', 'tilt the sunroof', 'open the sunshade', 'open the trunk', 'pop the boot', 'close the tailgate',
  'turn on the wipers', 'wipers faster', 'stop the wipers', 'turn on the headlights', 'high beams on', 'turn off the fog lights', 'turn on the hazard lights',
  'hazards on', 'lock the doors', 'unlock the car', 'fold the mirrors', 'adjust the mirrors', 'turn on the heated steering wheel', 'heat the steering wheel',
  'turn on cruise control', 'set cruise control to {n}', 'set the speed limiter to {n}', 'start the engine', 'turn off the engine', 'put it in park',
  'turn on lane assist', 'switch to sport mode', 'eco mode on', 'how much fuel do I have', "what's my tire pressure", "what's the battery level",
  'how many miles can I go', 'open the fuel door', 'open the charge port', 'turn on the dash cam', 'honk the horn', 'flash the lights', 'open the glove box',
  'turn on the parking sensors', 'show the backup camera', 'turn on the turn signal', 'release the parking brake', 'open the hood', 'child lock on',
  'close the garage door', 'heat the mirrors', 'turn on the rear wiper', 'raise the suspension'];
const CHAT = ['tell me a joke', "what's the weather like", 'will it rain today', "what's the temperature outside", 'how cold is it outside', 'is it hot outside',
  'what time is it', 'set a timer for {n} minutes', 'remind me to buy milk', "what's on my calendar", 'hello', 'good morning', 'how are you', 'what’s your name'.replace('’', "'"),
  'thank you', 'thanks', 'who won the game last night', 'what can you do', 'are you listening', 'sing a song', "what's the capital of France",
  "I'm hungry", "I'm bored", "I'm tired", 'are we there yet', 'nice', 'cool', 'hmm', 'wait', 'uh', 'okay then', 'how old are you', 'good night',
  "what's the news today", 'set an alarm for {n}', 'how do you spell restaurant', 'translate hello into Spanish', 'what is two plus two', "who's the president",
  'open the calendar', 'take a note', 'shut up', "you're useless", 'what day is it', 'when does the store close', 'do you like music',
  'the weather is nice today', 'look at that car', 'turn left here', 'slow down', "we're almost home", "I can't find my phone", 'did you hear that'];
const OVERHEARD = ['so I told him the meeting was moved to Tuesday', "we'll stop for lunch after the bridge", 'did you remember to lock the front door',
  'the kids have soccer practice at four', "she said she's coming over tonight", 'look at those clouds', "I think we missed the exit",
  'can you pass me the water bottle', 'have you seen my sunglasses', 'the heating bill at home was crazy this month', "my mom's seat at home is so comfy",
  'I love the color blue', "that restaurant's lights were too bright", "it was freezing at the game yesterday", "turn left at the next light"];

export const outOfCatalogTemplates: Template[] = [
  en('none.windows', (ctx) => out(cmd(ctx, fill(ctx.phrase(WINDOW_DO), { w: ctx.phrase(WINDOW_WHICH) }))), 1.2),
  en('none.media', (ctx) => out(cmd(ctx, fill(ctx.phrase(MEDIA), { a: ctx.phrase(ARTISTS), n: num(ctx, ctx.int(1, 30)), d: String(ctx.int(1, 9)) }), 0.4)), 1.2),
  en('none.navigation', (ctx) => out(cmd(ctx, fill(ctx.phrase(NAV), { p: ctx.phrase(PLACES) }).replace(/ to home\b/, ' home'), 0.4)), 1),
  en('none.calls', (ctx) => out(cmd(ctx, fill(ctx.phrase(CALLS), { c: ctx.phrase(CONTACTS) }), 0.4)), 0.8),
  en('none.car', (ctx) => out(cmd(ctx, fill(ctx.phrase(CAR), { n: num(ctx, ctx.pick([30, 50, 55, 60, 65, 70, 75, 80, 100])) }), 0.4)), 1.5),
  // Mostly composed talk (chatter.ts): thousands of sentences rather than one list, in the template that already carries chat.
  en('none.chat', (ctx) => out(ctx.chance(0.3) ? finish(ctx, fill(ctx.phrase(CHAT), { n: num(ctx, ctx.int(1, 30)) })) : chatter(ctx)), 3.5),
  en('none.overheard', (ctx: Ctx) => out(finish(ctx, ctx.phrase(OVERHEARD))), 0.5),
];
