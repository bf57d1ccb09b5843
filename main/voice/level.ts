// Speech level measures for test signals: SNR is set against the level while someone talks, not against the pauses.

/**
 * Active level in dBFS: mean power over the 10 ms blocks (at 16 kHz) within 30 dB of the loudest block.
 * A plain RMS over a clip would count its leading and trailing silence and understate the speech level.
 */
export function activeLevelDb(x: Float32Array, sampleRate = 16000): number {
  const block = Math.max(1, Math.round(sampleRate / 100));
  const powers: number[] = [];
  for (let s = 0; s < x.length; s += block) {
    let p = 0;
    const e = Math.min(x.length, s + block);
    for (let i = s; i < e; i++) p += x[i]! * x[i]!;
    powers.push(p / (e - s));
  }
  const max = Math.max(0, ...powers);
  if (max === 0) return -120;
  const kept = powers.filter((p) => p >= max * 1e-3);
  return 10 * Math.log10(kept.reduce((a, b) => a + b, 0) / kept.length);
}

/** A copy of x scaled by `db` decibels. */
export function gain(x: Float32Array, db: number): Float32Array {
  const g = 10 ** (db / 20);
  return x.map((v) => v * g);
}
