// bench/stats.ts: the sign test lm:compare pairs models with.
import { describe, expect, it } from 'vitest';
import { signTestP } from '../../bench/stats.js';

describe('signTestP', () => {
  it('the sign test is the exact two-sided binomial tail', () => {
    expect(signTestP(0, 0)).toBe(1);
    expect(signTestP(3, 0)).toBeCloseTo(0.25, 12); // 2 × (1/2)^3
    expect(signTestP(13, 0)).toBeCloseTo(2 / 8192, 12);
    expect(signTestP(2, 8)).toBeCloseTo((2 * (1 + 10 + 45)) / 1024, 12);
    expect(signTestP(8, 2)).toBeCloseTo(signTestP(2, 8), 12);
    expect(signTestP(5, 5)).toBe(1);
    expect(signTestP(900, 1100)).toBeGreaterThan(0); // 2,000 differing rows: no overflow to NaN
    expect(signTestP(900, 1100)).toBeLessThan(1e-4);
  });
});
