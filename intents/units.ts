// Temperature units: the model keeps a number as said; these rules turn it into the °C the car uses.

/** °F to °C rounded to the nearest 0.5, the climate ECU's resolution. */
export function fahrenheitToCelsius(f: number): number {
  return Math.round(((f - 32) * 5) / 9 * 2) / 2;
}

/**
 * DESIGN.md: a temperature of 60–90 with no unit, or said in Fahrenheit, is °F. Anything else without a
 * unit is °C (a value outside 16–30 °C is kept so the dialogue can clamp it and say so).
 */
export function temperatureToCelsius(value: number, saidFahrenheit: boolean): number {
  if (saidFahrenheit || (value >= 60 && value <= 90)) return fahrenheitToCelsius(value);
  return value;
}
