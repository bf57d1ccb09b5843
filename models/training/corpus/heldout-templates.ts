// The templates held out whole, frozen at corpus v13 (chosen then by a stable hash of the id, ~12 % per language).
// A frozen list keeps the held-out template set — and so the held-out score — comparable across corpus versions:
// with a share of the count, adding one template moved another into the held-out set. Templates added later
// train; the corpus checks that every listed template still exists and is safe to hold out.
export const HELD_OUT_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  en: [
    'en.combo.two_temps', 'en.generic.lights_level', 'en.house.fan.delta', 'en.house.fan.speed', 'en.house.light.color',
    'en.house.light.dimmer', 'en.hvac.defrost_rear.phrase', 'en.hvac.defrost_rear.want', 'en.hvac.power.want', 'en.hvac.sync.want',
    'en.light.ambient_brightness.ambient', 'en.light.ambient_color.generic', 'en.light.dome.want', 'en.light.reading.for_who',
    'en.seat.heat.terse', 'en.seat.vent.want',
  ],
  zh: [
    'zh.combo.two_features', 'zh.hvac.ac.direct', 'zh.hvac.auto.ba', 'zh.hvac.defrost_front.topic', 'zh.hvac.fan.ba', 'zh.hvac.sync.ba',
    'zh.hvac.temp.ba', 'zh.hvac.temp.want', 'zh.light.ambient.direct', 'zh.light.dome.topic', 'zh.query.yesno', 'zh.seat.heat.direct',
    'zh.seat.heat.trailing', 'zh.seat.massage.terse', 'zh.seat.recline.person', 'zh.seat.recline.topic', 'zh.seat.slide.topic',
    'zh.seat.vent.ba', 'zh.seat.vent.trailing',
  ],
};
