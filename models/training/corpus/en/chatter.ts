// Talk that is not a request, composed from parts so the model meets thousands of different sentences instead of a
// short list: greetings, questions about the world, remarks about a film or the day, plans between occupants. An
// always-listening cabin hears far more of this than commands, and every such sentence must yield no intent.
// Nothing here may be a wish the catalog serves (cold, hot, stuffy, tired back) or name a cabin feature as a request.
import { drawSlots } from '../template.js';
import { sight } from './sights.js';
import { addressName, composedName, fill, finish, NAMES, type Ctx } from './common.js';

const GREETING = ['hi', 'hello', 'hey there', 'good morning', 'good afternoon', 'good evening', 'morning', 'hiya', 'howdy', 'yo', 'hey buddy',
  'greetings', 'hello again', 'hi there', 'evening'];
const SOCIAL = ["how are you", "how's it going", 'how are you doing today', 'how was your day', 'nice to meet you', "what's up", 'long time no see',
  'see you later', 'bye', 'goodbye', 'how have you been', 'are you doing okay', 'what are you up to', 'how do you feel today', 'are you awake',
  'talk to you later', 'have a nice day', "how's your morning been", 'you doing alright', 'good to see you', 'who are you', 'are you a robot',
  'do you have feelings', 'can you hear me', 'are you still there', 'what should I call you'];

const WH = ["what's", 'what is', 'tell me', 'do you know', 'any idea', 'can you tell me', 'I wonder', 'look up', 'search for', 'find out'];
const TOPIC = ['the score of the game', 'the capital of Japan', 'the population of Canada', "tomorrow's forecast", 'the date today', 'the exchange rate',
  'the price of gold', 'the meaning of life', 'the tallest building in the world', "who's playing tonight", 'the best pizza place around here',
  'the news in sport', 'how the stock market did', 'when the museum opens', 'how old the universe is', 'the recipe for pancakes',
  'the name of that song', 'what happened in the election', 'the lyrics to this song', 'how far the moon is', 'a good book to read',
  "what's on TV tonight", 'the phone number of the dentist', 'how many people live in London', "the day of the week", 'what a black hole is'];
const Q = ['who won the {sport} game', 'who wrote {work}', 'who sang {work}', 'when was {work} released', 'how long is {work}', 'is {work} any good',
  'have you seen {work}', 'did you like {work}', 'who directed {work}', 'where was {work} filmed', 'how many {things} are there in the world',
  'why is the sky blue', 'how do planes fly', 'what does {word} mean', 'how do you say {word} in French', 'spell {word}', 'what rhymes with {word}'];
const SPORT = ['football', 'basketball', 'baseball', 'hockey', 'soccer', 'tennis', 'cricket', 'rugby'];
const WORK = ['that movie', 'the new album', 'this song', 'the book we read', 'that show', 'the last episode', 'the play', 'that documentary', 'the podcast'];
const THINGS = ['countries', 'languages', 'birds', 'cars', 'stars', 'oceans', 'islands'];
const WORD = ['serendipity', 'ubiquitous', 'ephemeral', 'banana', 'algorithm', 'nostalgia', 'quarantine', 'necessary'];

const REMARK = ['that was {a} {thing}', 'this is {a} {thing}', 'what {a} {thing}', 'it was {a} {thing}, honestly', 'such {a} {thing}',
  'I think that was {a} {thing}', 'that was honestly {a} {thing}', 'we had {a} {thing}', 'today was {a} {thing}'];
const ADJ = ['a great', 'an awful', 'a boring', 'a funny', 'a long', 'a weird', 'a lovely', 'a terrible', 'an amazing', 'a strange', 'a sad', 'a fun',
  'a crazy', 'a good', 'a bad', 'an interesting', 'a nice', 'a silly'];
const THING = ['movie', 'game', 'day', 'drive', 'meeting', 'show', 'trip', 'book', 'song', 'concert', 'party', 'dinner', 'week', 'match', 'story', 'joke',
  'wedding', 'lecture', 'interview', 'holiday'];
const OPINION = ['I {feel} {obj}', 'she {feel3} {obj}', 'he {feel3} {obj}', 'they {feel} {obj}', 'we {feel} {obj}', 'do you {feel} {obj}',
  'my sister {feel3} {obj}', 'everyone {feel3} {obj}'];
const FEEL = ['love', 'hate', 'like', 'miss', 'really enjoy', "can't stand", 'prefer'];
const FEEL3 = ['loves', 'hates', 'likes', 'misses', 'really enjoys', "can't stand", 'prefers'];
const OBJ = ['this song', 'that restaurant', 'the new neighbours', 'pizza', 'the beach', 'rainy days', 'Mondays', 'jazz', 'that actor', 'the mountains',
  'your jacket', 'old cars', 'board games', 'spicy food', 'the city', 'our teacher', 'coffee', 'this town', 'horror films', 'long drives'];
const PLAN = ["let's {act}", 'we should {act}', 'we could {act}', 'we need to {act}', 'maybe we can {act} later', 'did you {act} yet',
  'remember to {act}', 'I forgot to {act}', "don't let me forget to {act}", 'are we going to {act}', 'I want to {act} this weekend',
  'after this we {act}', 'mom said we have to {act}', 'can we {act} tomorrow'];
const ACT = ['stop for gas', 'get some coffee', 'pick up the kids', 'call grandma', 'leave early tomorrow', 'grab lunch', 'go to the beach',
  'watch a movie tonight', 'buy groceries', 'visit uncle Joe', 'book the hotel', 'pay the bills', 'walk the dog', 'clean the garage',
  'see the doctor', 'get a haircut', 'return the library books', 'pack for the trip', 'order pizza', 'water the plants', 'feed the cat',
  'wash the car', 'fill up the tank', 'check the mail'];
// An occasion after a plan: "we should grab lunch after the game". ("after this we …" frames read oddly with some; harmless.)
const PLAN_TAIL = ['after work', 'on the way home', 'tonight', 'before we get there', 'after school', 'first thing tomorrow', 'before the game',
  'after the appointment', 'before it gets dark', 'this afternoon', 'on Saturday', 'before the party', 'after lunch', 'when we land'];
const TALK = ['{who} said {what}', '{who} told me {what}', 'I heard {what}', 'guess what, {what}', 'did you know {what}', 'apparently {what}',
  "I can't believe {what}", 'it turns out {what}', '{who} thinks {what}'];
const WHO = ['my boss', 'your brother', 'the teacher', 'Lisa', 'Tom', 'my friend', 'the doctor', 'grandpa', 'our neighbour', 'the mechanic'];
// Half the people talked about are named from the requests' pool of names (common/NAMES), so that a name is no sign of
// talk either way: "Priya said the bridge is closed" talks, "Priya, turn the fan up" asks.
const PEOPLE = NAMES.filter((n) => /^[A-Z][a-z]+$/.test(n));
// Made-up names too (common/composedName), as often as requests get them: "Bralo said the bridge is closed" talks.
const who = (ctx: Ctx) => (ctx.chance(0.5) ? ctx.pick(WHO) : ctx.chance(0.4) ? cap(composedName(ctx)) : ctx.pick(PEOPLE));
const cap = (n: string) => n.charAt(0).toUpperCase() + n.slice(1);
const WHAT = ['the shop closes early today', 'the concert was sold out', 'the bridge is closed', 'they are moving to Texas', 'the game went to overtime',
  'the flight got delayed', 'the new cafe is really good', 'school starts next week', 'the baby is walking now', 'the meeting was cancelled',
  'prices went up again', 'it might snow next week', 'the team won again', 'the museum is free on Sundays', 'he finally passed his test',
  'the road is being repaved', 'she got the job'];
const ASIDE = ['wow', 'oh my god', 'seriously?', 'ha ha', 'oh well', 'whatever', 'I see', 'hold on a second',
  'look over there', 'did you see that', 'watch out for that cyclist', 'careful', 'oops', 'sorry', 'that is so funny', 'I know, right',
  'you are kidding', 'oh really', 'interesting', 'huh'];

// Talk that names what the car controls (cold, lights, a seat, a colour) but about another place or time, or about
// things: "it was freezing at the beach yesterday", "I left my glasses at home". The words alone must not move the car.
const ELSEWHERE = ['it was so {adj} {where} {when}', 'it was {adj} {where} {when}, remember', '{who} said it was really {adj} {where}',
  'the {device} {where} was broken {when}', 'I left my {item} at {place}', 'did you bring my {item} from {place}', '{who} bought a new {device} for {place}',
  'remember how {adj} it was {where}', 'the {device} at {place} is way too loud', 'my {item} is {colour}', '{who} painted the kitchen {colour}',
  'the sky was so {colour} {when}', 'I want to buy a {colour} {item}', "{who}'s new car has {colour} seats", 'the {device} at {place} never works',
  '{who} was {adj} {where} {when}', 'they turned the {device} off {where} {when}', 'we sat in the back row at the cinema {when}',
  'the {device} {where} were so {adj} {when}', '{where} {when} the {device} was way too {adj}', 'it got really {adj} {where} {when}',
  '{when} {where} it was so {adj} I could barely stand it'];
const ELSE_SLOTS = {
  adj: ['cold', 'freezing', 'hot', 'boiling', 'warm', 'dark', 'bright', 'windy', 'humid', 'chilly', 'sunny', 'stuffy'],
  where: ['at the beach', 'in the office', 'at the cinema', "at grandma's", 'in the hotel', 'on the train', 'at school', 'in the mountains',
    'at the restaurant', 'at the gym', 'at the stadium', 'in the museum', 'at the airport', 'at the party',
    'outside', 'in the park', 'at the station', 'at the market', 'on the platform', 'in the parking garage', 'on the walk over', 'at the game',
    'at the dentist', 'at the library', 'at the supermarket', 'at the zoo', 'at the pool', 'at the office party', 'on the ferry', 'at the tram stop',
    'at the lake', 'at the campsite', 'at the theatre', 'at the wedding', 'in the hospital', 'at the bakery', 'at the bank', 'at the playground',
    'at the bowling alley', 'in the subway', 'at the football match', "at my cousin's place", 'in the waiting room', 'on the plane'],
  when: ['yesterday', 'last night', 'this morning', 'last week', 'last winter', 'on Sunday', 'all weekend', 'the other day'],
  device: ['heater', 'air conditioning', 'fan', 'lights', 'lamp', 'massage chair', 'coffee machine', 'window', 'radiator', 'seat warmer'],
  item: ['glasses', 'glass', 'phone', 'jacket', 'scarf', 'keys', 'charger', 'blanket', 'sunglasses', 'wallet', 'umbrella', 'water bottle'],
  place: ['home', 'the office', 'work', 'the hotel', 'the gym', "my mom's place", 'the restaurant', 'school'],
  colour: ['blue', 'red', 'green', 'purple', 'pink', 'white', 'orange', 'yellow'],
};

/** A sentence about another place, time or object that uses the cabin's words ("cold", "lights", "blue"). */
export function elsewhere(ctx: Ctx): string {
  const frame = ctx.phrase(ELSEWHERE);
  const slots = drawSlots(ctx, ELSE_SLOTS);
  return fill(frame, { ...slots, who: who(ctx) });
}

function greeting(ctx: Ctx): string {
  const r = ctx.random();
  if (r < 0.35) return ctx.phrase(GREETING);
  if (r < 0.7) return ctx.phrase(SOCIAL);
  return `${ctx.phrase(GREETING)}, ${ctx.phrase(SOCIAL)}`;
}

function question(ctx: Ctx): string {
  if (ctx.chance(0.45)) return `${ctx.phrase(WH)} ${ctx.phrase(TOPIC)}`;
  return fill(ctx.phrase(Q), { sport: ctx.pick(SPORT), work: ctx.phrase(WORK), things: ctx.pick(THINGS), word: ctx.pick(WORD) });
}

function remark(ctx: Ctx): string {
  const r = ctx.random();
  if (r < 0.35) return fill(ctx.phrase(REMARK), { a: ctx.pick(ADJ), thing: ctx.pick(THING) });
  if (r < 0.6) return fill(ctx.phrase(OPINION), { feel: ctx.pick(FEEL), feel3: ctx.pick(FEEL3), obj: ctx.phrase(OBJ) });
  if (r < 0.85) return fill(ctx.phrase(TALK), { who: who(ctx), what: ctx.phrase(WHAT) });
  return ctx.phrase(ASIDE);
}

/** A finished sentence of talk that is no request; its own kind each time (greeting, question, remark, story about elsewhere, plan). */
export function chatter(ctx: Ctx): string {
  const [text, asks] = talk(ctx);
  // Talk said to someone by name is still talk ("Priya, guess what, …"), as a request after a name is the request.
  const name = ctx.chance(0.1) ? `${ctx.pick(['', 'hey '])}${addressName(ctx)}, ` : '';
  return finish(ctx, name + text, asks);
}

/** The talk and whether it is a question. */
function talk(ctx: Ctx): [string, boolean] {
  if (ctx.sights()) {
    const t = sight(ctx);
    return [t, /^(did|is|how)\b/.test(t)];
  }
  const r = ctx.random();
  if (r < 0.22) return [greeting(ctx), ctx.chance(0.6)];
  if (r < 0.5) return [question(ctx), true];
  if (r < 0.72) return [remark(ctx), false];
  if (r < 0.82) {
    const t = elsewhere(ctx);
    return [t, /^(did|remember)\b/.test(t)];
  }
  const frame = ctx.phrase(PLAN);
  const tail = ctx.chance(0.35) ? ` ${ctx.pick(PLAN_TAIL)}` : '';
  return [fill(frame, { act: ctx.phrase(ACT) }) + tail, /^(did|are|can)\b/.test(frame)];
}
