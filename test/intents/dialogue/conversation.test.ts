// Whole conversations against the simulated car: every dialogue rule of DESIGN.md, in English and Mandarin, judged by status frames.
import { describe, expect, it } from 'vitest';
import { testCabin } from './cabin-helpers.js';

describe('requests and defaults', () => {
  it('"on" sets a seat level to 2, the fan to 3, and the reply says what the car reports', async () => {
    const t = await testCabin();
    expect((await t.say('driver', 'heat my seat', { intent: 'seat.heat', zone: 'self', value: 'on' })).reply).toBe('Sure! Your seat heating is now level 2.');
    await t.say('driver', 'fan off', { intent: 'hvac.fan', zone: 'self', value: 'off' });
    const fan = await t.say('driver', 'fan on', { intent: 'hvac.fan', zone: 'self', value: 'on' });
    expect(fan.reply).toBe('Sure! The front fan is now speed 3.');
    expect(t.cabin.state.seats.driver.heat).toBe(2);
    expect(t.cabin.state.hvac.fan.front).toBe(3);
  });

  it('answers in the language the occupant spoke, numbers said in Mandarin', async () => {
    const t = await testCabin();
    const r = await t.say('passenger', '温度调到二十二点五度', { intent: 'hvac.temp', zone: 'self', value: 22.5 });
    expect(r.lang).toBe('zh');
    expect(r.reply).toBe('好嘞！你的温度已调到二十二点五度。');
    expect(t.cabin.state.hvac.temp.passenger).toBe(22.5);
  });

  it('clamps an out-of-range value and says so; relative changes clamp silently', async () => {
    const t = await testCabin();
    const r = await t.say('driver', 'seat heat to 7', { intent: 'seat.heat', zone: 'self', value: 7 });
    expect(r.reply).toBe('Sure! Your seat heating is now level 3. Seat heating goes from 0 to 3, so I set 3 instead of 7.');
    const more = await t.say('driver', 'warmer seat', { intent: 'seat.heat', zone: 'self', delta: 1 });
    expect(more.reply).toBe('Your seat heating is already at level 3.');
    const zh = await t.say('driver', '温度调到四十度', { intent: 'hvac.temp', zone: 'self', value: 40 });
    expect(zh.reply).toContain('温度的范围是十六到三十，所以设成了三十，不是四十。');
    expect(t.cabin.state.hvac.temp.driver).toBe(30);
  });

  it('says a seat motor is moving to its target (the ECU reports the target; the seat takes seconds to get there)', async () => {
    const t = await testCabin();
    const r = await t.say('passenger', 'recline my seat all the way', { intent: 'seat.recline', zone: 'self', value: 100 });
    expect(r.reply).toBe('Sure! Your seat back is moving to 100 percent.');
    expect(t.cabin.state.seats.passenger.recline).toBeLessThan(100);
    const zh = await t.say('rear_left', '座椅往前移到头', { intent: 'seat.slide', zone: 'self', value: 0 });
    expect(zh.reply).toBe('好嘞！你的座椅前后位置正在调到百分之零。');
    await t.cabin.settleMotors();
    expect(t.cabin.state.seats.passenger.recline).toBe(100);
    expect(t.cabin.state.seats.rear_left.slide).toBe(0);
  });

  it('"a bit more" while the seat still moves steps from where it is heading, and undo goes back to where it started', async () => {
    const t = await testCabin();
    await t.say('passenger', 'recline my seat a bit', { intent: 'seat.recline', zone: 'self', delta: 10 });
    expect(t.cabin.state.seats.passenger.recline).toBeLessThan(30); // still moving: 20 % of travel a second
    const more = await t.say('passenger', 'a bit more', { intent: 'followup', more: true });
    expect(more.reply).toBe('Sure! Your seat back is moving to 40 percent.');
    await t.cabin.settleMotors();
    expect(t.cabin.state.seats.passenger.recline).toBe(40);
    await t.say('passenger', 'slide my seat back', { intent: 'seat.slide', zone: 'self', delta: 10 });
    const undo = await t.say('passenger', 'undo', { intent: 'dialog.undo' });
    expect(undo.reply).toBe('Sure! Undone: your seat position is moving to 50 percent.');
  });

  it('says a percentage at 0 as a value and a fan or level at 0 as off', async () => {
    const t = await testCabin();
    const dim = await t.say('driver', 'ambient brightness zero', { intent: 'light.ambient_brightness', zone: 'cabin', value: 0 });
    expect(dim.reply).toBe('Sure! The ambient brightness is now 0 percent.');
    const fan = await t.say('driver', 'fan to zero', { intent: 'hvac.fan', zone: 'self', value: 0 });
    expect(fan.reply).toBe('Sure! The front fan is off.');
    await t.say('driver', 'heat my seat', { intent: 'seat.heat', zone: 'self', value: 'on' });
    const heat = await t.say('driver', 'seat heat to 0', { intent: 'seat.heat', zone: 'self', value: 0 });
    expect(heat.reply).toBe('Sure! Your seat heating is off.');
    const asked = await t.say('driver', 'how bright is the ambient light', { intent: 'query', zone: 'cabin', feature: 'light.ambient_brightness' });
    expect(asked.reply).toBe('The ambient brightness is 0 percent.');
  });

  it('a change sync spreads to every seat is said once, as it is asked; a group going to different values is said per seat', async () => {
    const t = await testCabin();
    await t.say('driver', 'sync on', { intent: 'hvac.sync', zone: 'cabin', value: 'on' });
    const synced = await t.say('driver', 'set it to 21', { intent: 'hvac.temp', zone: 'self', value: 21 });
    expect(synced.reply).toBe("Sure! Everyone's temperature is now 21 degrees.");
    await t.say('passenger', 'my side to 25', { intent: 'hvac.temp', zone: 'self', value: 25 });
    const apart = await t.say('driver', 'a bit warmer for everyone', { intent: 'hvac.temp', zone: 'all', delta: 1 });
    expect(apart.reply).toBe("Sure! Your temperature is now 22 degrees. The passenger's temperature is now 26 degrees. The rear left temperature is now 22 degrees. The rear right temperature is now 22 degrees.");
    const formal = await testCabin({ style: 'formal' });
    await formal.say('driver', 'sync on', { intent: 'hvac.sync', zone: 'cabin', value: 'on' });
    await formal.say('driver', 'yes', { intent: 'dialog.yes' });
    expect((await formal.say('driver', 'set it to 21', { intent: 'hvac.temp', zone: 'self', value: 21 })).reply).toBe("May I set everyone's temperature to 21 degrees?");
    await formal.say('driver', 'no', { intent: 'dialog.no' });
    await formal.say('passenger', 'my side to 25', { intent: 'hvac.temp', zone: 'self', value: 25 });
    await formal.say('passenger', 'yes', { intent: 'dialog.yes' });
    expect((await formal.say('driver', 'a bit warmer for everyone', { intent: 'hvac.temp', zone: 'all', delta: 1 })).reply).toBe(
      "May I set your temperature to 23 degrees and set the passenger's temperature to 26 degrees and set the rear left temperature to 23 degrees and set the rear right temperature to 23 degrees?",
    );
  });

  it('a group already where it was asked to be is said once, a level at 0 is "already off", and nothing opens with "Sure!"', async () => {
    const t = await testCabin();
    const all = await t.say('driver', 'seat ventilation off for everyone', { intent: 'seat.vent', zone: 'all', value: 'off' });
    expect(all.reply).toBe("Everyone's seat ventilation is already off.");
    const zh = await t.say('driver', '后排阅读灯都关掉', { intent: 'light.reading', zone: 'rear', value: 'off' });
    expect(zh.reply).toBe('后排阅读灯本来就是关闭。');
    const one = await t.say('passenger', 'seat heat off', { intent: 'seat.heat', zone: 'self', value: 'off' });
    expect(one.reply).toBe('Your seat heating is already off.');
  });

  it('says a switch that was already on is "already on", not "already at on"', async () => {
    const t = await testCabin();
    await t.say('driver', 'ambient light on', { intent: 'light.ambient', zone: 'cabin', value: 'on' });
    const again = await t.say('driver', 'ambient light on', { intent: 'light.ambient', zone: 'cabin', value: 'on' });
    expect(again.reply).toMatch(/ is already on\.$/);
  });

  it('with sync on, a driver temperature change reaches every zone', async () => {
    const t = await testCabin();
    await t.say('driver', 'sync on', { intent: 'hvac.sync', zone: 'cabin', value: 'on' });
    await t.say('driver', "I'm cold", { intent: 'hvac.temp', zone: 'self', delta: 2 });
    expect(t.cabin.state.hvac.temp).toEqual({ driver: 24, passenger: 24, rear_left: 24, rear_right: 24 });
  });

  it('a chained request is served in order', async () => {
    const t = await testCabin();
    const r = await t.say('passenger', 'heat my seat and lights blue', { intent: 'seat.heat', zone: 'self', value: 'on' }, { intent: 'light.ambient_color', zone: 'cabin', value: 'blue' });
    expect(r.reply).toBe('Sure! Your seat heating is now level 2. The ambient light colour is now blue.');
    expect(t.cabin.state.lights.ambient.color).toBe('blue');
  });

  it('spoken input the recogniser is unsure of gets "say again" and moves nothing', async () => {
    const t = await testCabin();
    const [r] = await t.cabin.say([{ speaker: 'driver', text: 'heat my seat', intents: [{ intent: 'seat.heat', zone: 'self', value: 'on' }], confidence: 0.1 }]);
    expect(r!.reply).toBe("Sorry, I didn't catch that. Could you say it again?");
    const [ok] = await t.cabin.say([{ speaker: 'driver', text: 'heat my seat', intents: [{ intent: 'seat.heat', zone: 'self', value: 'on' }], confidence: 0.9 }]);
    expect(ok!.reply).toBe('Sure! Your seat heating is now level 2.');
    expect(t.cabin.frames).toBe(1);
  });

  it('out-of-catalog requests send nothing and say what the assistant can do', async () => {
    const t = await testCabin();
    const en = await t.say('driver', 'open the window');
    const zh = await t.say('driver', '打开车窗');
    expect(en.reply).toContain('seats, lights and climate');
    expect(zh.reply).toContain('座椅、灯光和空调');
    expect(t.cabin.frames).toBe(0);
  });
});

describe('follow-ups, undo, cancel', () => {
  it('"a bit more" repeats the step in the direction moved; "too much" steps back', async () => {
    const t = await testCabin();
    await t.say('driver', 'much warmer', { intent: 'hvac.temp', zone: 'self', delta: 3 });
    await t.say('driver', 'a bit more', { intent: 'followup', more: true });
    expect(t.cabin.state.hvac.temp.driver).toBe(28);
    await t.say('driver', 'too much', { intent: 'followup', more: false });
    expect(t.cabin.state.hvac.temp.driver).toBe(27);
  });

  it('"same for the passenger" and "turn it off" apply to the speaker\'s last action', async () => {
    const t = await testCabin();
    await t.say('driver', 'massage on', { intent: 'seat.massage', zone: 'self', value: 'on' });
    await t.say('driver', 'same for the passenger', { intent: 'followup', zone: 'passenger' });
    expect(t.cabin.state.seats.passenger.massage).toBe(2);
    // The driver's last action is now the passenger's massage: that is what "it" is.
    const off = await t.say('driver', 'turn it off', { intent: 'followup', value: 'off' });
    expect(off.reply).toBe("Sure! The passenger's seat massage is off.");
    expect(t.cabin.state.seats.passenger.massage).toBe(0);
    expect(t.cabin.state.seats.driver.massage).toBe(2);
  });

  it('"me too" from another seat applies the most recent action to that seat (我也要)', async () => {
    const t = await testCabin();
    await t.say('rear_left', 'heat my seat', { intent: 'seat.heat', zone: 'self', value: 'on' });
    const r = await t.say('rear_right', '我也要', { intent: 'followup', zone: 'self' });
    expect(t.cabin.state.seats.rear_right.heat).toBe(2);
    expect(r.reply).toBe('好嘞！你的座椅加热已调到二档。');
  });

  it('undo restores the speaker\'s own last change, not someone else\'s', async () => {
    const t = await testCabin();
    await t.say('driver', 'lights red', { intent: 'light.ambient_color', zone: 'cabin', value: 'red' });
    await t.say('passenger', 'seat heat 3', { intent: 'seat.heat', zone: 'self', value: 3 });
    const r = await t.say('driver', 'undo', { intent: 'dialog.undo' });
    expect(r.reply).toBe('Sure! Undone: the ambient light colour is now white.');
    expect(t.cabin.state.lights.ambient.color).toBe('white');
    expect(t.cabin.state.seats.passenger.heat).toBe(3);
    expect((await t.say('rear_left', '撤销', { intent: 'dialog.undo' })).reply).toBe('你还没有可以撤销的操作。');
  });

  it('undo restores the whole last request, newest change first; the next undo goes one request further back', async () => {
    const t = await testCabin();
    await t.say('passenger', 'seat heat 1', { intent: 'seat.heat', zone: 'self', value: 1 });
    await t.say('passenger', 'heat my seat more and lights blue', { intent: 'seat.heat', zone: 'self', value: 3 }, { intent: 'light.ambient_color', zone: 'cabin', value: 'blue' });
    const first = await t.say('passenger', 'undo that', { intent: 'dialog.undo' });
    expect(first.reply).toBe('Sure! Undone: the ambient light colour is now white. Your seat heating is now level 1.');
    expect([t.cabin.state.seats.passenger.heat, t.cabin.state.lights.ambient.color]).toEqual([1, 'white']);
    const second = await t.say('passenger', '撤销', { intent: 'dialog.undo' });
    expect(second.reply).toBe('好嘞！已撤销：你的座椅加热已关闭。');
    expect(t.cabin.state.seats.passenger.heat).toBe(0);
  });

  it('a follow-up with nothing before it asks what to change', async () => {
    const t = await testCabin();
    expect((await t.say('driver', 'more', { intent: 'followup', more: true })).reply).toBe("I'm not sure what that refers to. Tell me what to change.");
  });
});

describe('confirmation', () => {
  it('a style that asks waits for yes, then acts; no leaves everything as it was', async () => {
    const t = await testCabin({ style: 'formal' });
    const ask = await t.say('driver', 'recline my seat to 40', { intent: 'seat.recline', zone: 'self', value: 40 });
    expect(ask.reply).toBe('May I set your seat back to 40 percent?');
    expect(t.cabin.frames).toBe(0);
    const yes = await t.say('driver', 'yes', { intent: 'dialog.yes' });
    expect(yes.reply).toBe('Certainly. Your seat back is being adjusted to 40 percent.');
    await t.cabin.wait(2000);
    expect(t.cabin.state.seats.driver.recline).toBe(40);
    await t.say('driver', 'slide back', { intent: 'seat.slide', zone: 'self', value: 80 });
    const no = await t.say('driver', '不用了', { intent: 'dialog.no' });
    expect(no.reply).toBe('明白，未做任何更改。');
    await t.cabin.wait(2000);
    expect(t.cabin.state.seats.driver.slide).toBe(50);
  });

  it('cancel drops a pending question; with none it says so', async () => {
    const t = await testCabin({ style: 'playful' });
    const ask = await t.say('driver', 'heat everyone', { intent: 'seat.heat', zone: 'all', value: 'on' });
    expect(ask.reply).toBe("Should I set everyone's seat heating to level 2?");
    expect(t.cabin.dialogue.awaitingAnswer('driver')).toBe(true);
    expect((await t.say('driver', 'cancel', { intent: 'dialog.cancel' })).reply).toContain('OK, cancelled.');
    expect((await t.say('driver', 'cancel', { intent: 'dialog.cancel' })).reply).toContain("There's nothing to cancel.");
    expect(t.cabin.frames).toBe(0);
  });
});

describe('permissions and safety', () => {
  it('a refused request sends nothing and the reply names the rule', async () => {
    const t = await testCabin();
    const p = await t.say('passenger', "heat the driver's seat", { intent: 'seat.heat', zone: 'driver', value: 'on' });
    const r = await t.say('rear_right', '把空调关掉', { intent: 'hvac.power', zone: 'cabin', value: 'off' });
    expect(p.reply).toBe("Only the driver can change the driver's seat.");
    expect(r.reply).toBe('空调系统需要由前排控制。');
    expect(t.cabin.frames).toBe(0);
  });

  it('says a rule once when two requests of one turn break it', async () => {
    const t = await testCabin();
    const r = await t.say('rear_left', 'passenger 21 and the driver 24', { intent: 'hvac.temp', zone: 'passenger', value: 21 }, { intent: 'hvac.temp', zone: 'driver', value: 24 });
    expect(r.reply).toBe('From the back you can change only your own temperature.');
    expect(t.cabin.frames).toBe(0);
  });

  it('a partly allowed group request is served where allowed and names the rest', async () => {
    const t = await testCabin();
    const r = await t.say('rear_left', 'reading lights on for everyone', { intent: 'light.reading', zone: 'all', value: 'on' });
    expect(r.reply).toBe('Sure! Your reading light is on. From the back you can switch only your own reading light.');
    expect(t.cabin.state.lights.reading).toEqual({ driver: false, passenger: false, rear_left: true, rear_right: false });
  });

  it('refuses driver seat moves while the car moves and allows them when it stops', async () => {
    const t = await testCabin();
    await t.cabin.setSpeed(60);
    expect((await t.say('driver', 'slide my seat back', { intent: 'seat.slide', zone: 'self', delta: 10 })).reply).toBe(
      "I can't move the driver's seat while the car is moving.",
    );
    expect((await t.say('driver', '座椅往后', { intent: 'seat.slide', zone: 'self', delta: 10 })).reply).toBe('行驶中不能调整主驾座椅的位置和靠背。');
    expect(t.cabin.frames).toBe(0); // the test bench's speed frame is not the assistant's
    await t.cabin.setSpeed(0);
    const ok = await t.say('driver', 'slide my seat back', { intent: 'seat.slide', zone: 'self', delta: 10 });
    expect(ok.reply).toBe('Sure! Your seat position is moving to 60 percent.');
  });
});

describe('overlapping speech', () => {
  it('serves every occupant; a shared feature goes to the higher-priority seat and the other is told', async () => {
    const t = await testCabin();
    const [rear, driver, passenger] = await t.together(
      ['rear_right', 'lights red', { intent: 'light.ambient_color', zone: 'cabin', value: 'red' }],
      ['driver', 'lights blue', { intent: 'light.ambient_color', zone: 'cabin', value: 'blue' }],
      ['passenger', 'heat my seat', { intent: 'seat.heat', zone: 'self', value: 'on' }],
    );
    expect(t.cabin.state.lights.ambient.color).toBe('blue');
    expect(t.cabin.state.seats.passenger.heat).toBe(2);
    expect(rear!.reply).toBe('The driver asked at the same time to set the ambient light colour to blue, and goes first.');
    expect(driver!.reply).toBe('Sure! The ambient light colour is now blue.');
    expect(passenger!.reply).toBe('Sure! Your seat heating is now level 2.');
  });

  it('the same value asked at once is no conflict; row features conflict per row', async () => {
    const t = await testCabin();
    const [a, b] = await t.together(
      ['passenger', 'fan 5', { intent: 'hvac.fan', zone: 'self', value: 5 }],
      ['rear_left', 'fan 5 for the front', { intent: 'hvac.fan', zone: 'rear', value: 5 }],
    );
    expect(a!.reply).toBe('Sure! The front fan is now speed 5.');
    expect(b!.reply).toBe('Sure! The rear fan is now speed 5.');
  });

  it('requests that do not overlap: the later wins', async () => {
    const t = await testCabin();
    await t.say('driver', 'lights blue', { intent: 'light.ambient_color', zone: 'cabin', value: 'blue' });
    await t.say('rear_left', 'lights pink', { intent: 'light.ambient_color', zone: 'cabin', value: 'pink' });
    expect(t.cabin.state.lights.ambient.color).toBe('pink');
  });
});

describe('closed loop against faults', () => {
  it('a silent ECU: one resend after 300 ms, then the reply names the device', async () => {
    const t = await testCabin({ fault: ['climate:silent'] });
    const r = await t.say('driver', 'AC off', { intent: 'hvac.ac', zone: 'cabin', value: 'off' });
    expect(r.reply).toBe('The climate module did not respond, so the air conditioning may not have changed.');
    expect(t.cabin.frames).toBe(2);
    expect(t.events.filter((e) => e.includes(' sent#'))).toHaveLength(2);
    const zh = await t.say('driver', '关闭内循环', { intent: 'hvac.recirc', zone: 'cabin', value: 'off' });
    expect(zh.reply).toBe('空调控制器没有响应，内循环可能没有改变。');
  });

  it('a late ECU is confirmed after the resend', async () => {
    const t = await testCabin({ fault: ['light:late=400'] });
    const r = await t.say('driver', 'dome light on', { intent: 'light.dome', zone: 'cabin', value: 'on' });
    expect(r.reply).toBe('Sure! The dome light is on.');
    expect(r.outcomes[0]).toMatchObject({ result: 'confirmed', attempts: 2 });
  });

  it('an ECU that clamps differently is reported as it is', async () => {
    const t = await testCabin({ fault: ['climate:temp_max=26'] });
    const r = await t.say('passenger', 'temperature 28', { intent: 'hvac.temp', zone: 'self', value: 28 });
    expect(r.reply).toBe('Your temperature reports 26 degrees, not 28 degrees.');
    expect(t.cabin.state.hvac.temp.passenger).toBe(26);
  });

  it('a seat motor that stops short is reported as it is, at once, not as "did not change"', async () => {
    const t = await testCabin({ fault: ['seat_row1:recline_max=60'] });
    const r = await t.say('passenger', 'recline all the way', { intent: 'seat.recline', zone: 'self', value: 100 });
    expect(r.reply).toBe('Your seat back reports 60 percent, not 100 percent.');
    expect(r.outcomes[0]).toMatchObject({ result: 'differs', actual: 60, attempts: 1 });
    await t.cabin.settleMotors();
    expect(t.cabin.state.seats.passenger.recline).toBe(60);
  });

  it('only the silent ECU is named when a request spans two', async () => {
    const t = await testCabin({ fault: ['seat_row2:silent'] });
    const r = await t.say('driver', 'heat all seats', { intent: 'seat.heat', zone: 'all', value: 1 });
    expect(r.reply).toContain('The rear seat module did not respond, so the rear left seat heating may not have changed.');
    expect(r.reply).toContain("Your seat heating is now level 1. The passenger's seat heating is now level 1.");
  });
});

describe('queries and styles', () => {
  it('answers queries from the reported state', async () => {
    const t = await testCabin();
    await t.say('rear_left', 'warmer', { intent: 'hvac.temp', zone: 'self', delta: 1 });
    const r = await t.say('driver', "what's the temperature in the back?", { intent: 'query', zone: 'rear', feature: 'hvac.temp' });
    expect(r.reply).toBe('The rear left temperature is 23 degrees. The rear right temperature is 22 degrees.');
    expect(r.outcomes).toEqual([]);
  });

  it('a style per seat, and a seat changes its own by voice in either language', async () => {
    const t = await testCabin({ seatStyles: { rear_left: 'playful' } });
    const kid = await t.say('rear_left', 'lights blue', { intent: 'light.ambient_color', zone: 'cabin', value: 'blue' });
    expect(kid.reply).toBe("Woohoo! Ta-da, the lights are blue now! What's next, captain?");
    expect((await t.say('driver', 'please be more formal')).reply).toBe('Very well. You are speaking with the cabin assistant.');
    expect(t.cabin.dialogue.styleOf('driver')).toBe('formal');
    expect((await t.say('passenger', '说话简洁一点')).reply).toBe('已切换为简洁模式。');
    expect(t.cabin.dialogue.styleOf('passenger')).toBe('concise');
    expect(t.cabin.dialogue.styleOf('rear_left')).toBe('playful');
  });

  it('a style request the model misreads as a car request changes the style and nothing in the car', async () => {
    const t = await testCabin();
    const r = await t.say('driver', 'be more formal', { intent: 'seat.massage', zone: 'self', value: 'on' });
    expect(r.reply).toBe('Very well. You are speaking with the cabin assistant.');
    // The turn says what it was: a style request, not the seat massage the model read.
    expect([r.about, r.intents]).toEqual(['style', []]);
    const zh = await t.say('passenger', '切换到简洁模式', { intent: 'hvac.airflow', zone: 'self', value: 'face' });
    expect(zh.reply).toBe('已切换为简洁模式。');
    expect([t.cabin.dialogue.styleOf('driver'), t.cabin.dialogue.styleOf('passenger'), t.cabin.frames]).toEqual(['formal', 'concise', 0]);
    // A style word inside a car request is the car request: "the kids" are people, not the playful style.
    const kids = await t.say('rear_left', 'the kids want to be warm', { intent: 'hvac.temp', zone: 'self', delta: 2 });
    expect(kids.reply).toBe('Sure! Your temperature is now 24 degrees.');
    expect(t.cabin.dialogue.styleOf('rear_left')).toBe('friendly');
  });
});

describe('thanks', () => {
  it('is answered as thanks, in the style and language of the seat, and moves nothing', async () => {
    const t = await testCabin({ seatStyles: { rear_left: 'playful' } });
    expect((await t.say('driver', 'thank you')).reply).toBe("You're welcome.");
    const zh = await t.say('rear_left', '谢谢', { intent: 'dialog.yes' });
    expect([zh.reply, zh.about, zh.intents]).toEqual(['不客气哟！', 'thanks', []]);
    expect(t.cabin.frames).toBe(0);
  });

  it('means yes while a question waits for an answer', async () => {
    const t = await testCabin({ style: 'formal' });
    await t.say('driver', 'recline my seat to 40', { intent: 'seat.recline', zone: 'self', value: 40 });
    const yes = await t.say('driver', 'thanks', { intent: 'dialog.yes' });
    expect(yes.reply).toBe('Certainly. Your seat back is being adjusted to 40 percent.');
  });
});

describe('event stream', () => {
  it('a whole conversation, step by step', async () => {
    const t = await testCabin({ fault: ['seat_row1:late=350'] });
    await t.say('driver', 'heat my seat', { intent: 'seat.heat', zone: 'self', value: 'on' });
    await t.together(['driver', 'lights red', { intent: 'light.ambient_color', zone: 'cabin', value: 'red' }], ['rear_left', '灯光换成绿色', { intent: 'light.ambient_color', zone: 'cabin', value: 'green' }]);
    await t.say('rear_left', 'turn off the AC', { intent: 'hvac.ac', zone: 'cabin', value: 'off' });
    await t.say('driver', 'undo', { intent: 'dialog.undo' });
    expect(t.events).toMatchSnapshot();
    // Finished closed loops are let go and their ids reused (a long drive must not grow the arbiter).
    expect(t.cabin.dialogue.runningLoops()).toBe(0);
    expect(t.events.filter((e) => e.startsWith('job-1 sent#1'))).toHaveLength(3);
  });
});

describe('the same rules answered in Mandarin', () => {
  it('overlap loser, a clamping ECU, a query, "too much" and a refused rear request', async () => {
    const t = await testCabin({ fault: ['climate:fan_max=5'] });
    const [win, lose] = await t.together(
      ['passenger', '风量调到二档', { intent: 'hvac.fan', zone: 'self', value: 2 }],
      ['driver', '风量调到六档', { intent: 'hvac.fan', zone: 'self', value: 6 }],
    );
    expect(lose!.reply).toBe('前排风量显示为五档，不是六档。');
    expect(win!.reply).toBe('主驾同时要求把前排风量设为六档，按优先级以主驾为准。');
    await t.say('rear_left', '温度高一点', { intent: 'hvac.temp', zone: 'self', delta: 1 });
    await t.say('rear_left', '太多了', { intent: 'followup', more: false });
    expect(t.cabin.state.hvac.temp.rear_left).toBe(22);
    const q = await t.say('rear_right', '后排温度是多少', { intent: 'query', zone: 'rear', feature: 'hvac.temp' });
    expect(q.reply).toBe('左后温度是二十二度。你的温度是二十二度。');
    const r = await t.say('rear_right', '把主驾座椅加热打开', { intent: 'seat.heat', zone: 'driver', value: 'on' });
    expect(r.reply).toBe('后排乘客只能调整自己的座椅。');
  });
});
