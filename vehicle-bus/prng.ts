// One small seeded PRNG for everything that must reproduce: fault injection, fuzz tests, benchmark sampling.

/** mulberry32: tiny, seedable, statistically good enough for picking frames, fuzz inputs and samples. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
