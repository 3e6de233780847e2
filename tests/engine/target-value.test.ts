import { describe, expect, it } from 'vitest';
import type { CompiledTarget } from '../../src/engine/target-plan.js';
import { meets, ownValue, referencePart } from '../../src/engine/target-value.js';

/** The target's quantity, as the kernel computes it. */
const targetValue = (tg: CompiledTarget, o: Float64Array, T1: number, refOuts: Float64Array[], refT1: number[], x: Float64Array) =>
  ownValue(tg, o, T1) - referencePart(tg, refOuts, refT1, x);

const base: CompiledTarget = {
  id: 't',
  label: 't',
  metric: 'm',
  kind: 'level',
  comparator: '>=',
  value: 0,
  tolerance: 0,
  milestone: true,
  m: 1,
  tFrom: 2,
  tTo: 2,
  tMin: 0,
  ref: { kind: 'none' },
};

// two metrics × 4 years (t = 0 … 3): metric 0 = [0, 1, 2, 3], metric 1 = [10, 20, 40, 70]
const out = Float64Array.of(0, 1, 2, 3, 10, 20, 40, 70);
const refOut = Float64Array.of(5, 6, 8, 11, 0, 0, 0, 0);

describe('ownValue and referencePart', () => {
  it('reads a level in its year', () => {
    expect(targetValue(base, out, 4, [], [], new Float64Array(0))).toBe(40);
  });

  it('sums a flow over its window', () => {
    expect(targetValue({ ...base, kind: 'flow', tFrom: 1, tTo: 3 }, out, 4, [], [], new Float64Array(0))).toBe(130);
  });

  it('takes the average annual gain over the window, minus a fixed reference gain', () => {
    // window = years t 2 … 3: (70 − 20)/2 = 25
    const g = { ...base, kind: 'gain' as const, tFrom: 1, tTo: 3 };
    expect(targetValue(g, out, 4, [], [], new Float64Array(0))).toBe(25);
    expect(targetValue({ ...g, ref: { kind: 'fixed', gain: 5 } }, out, 4, [], [], new Float64Array(0))).toBe(20);
    expect(targetValue({ ...g, ref: { kind: 'input', input: 1 } }, out, 4, [], [], Float64Array.of(0, 7))).toBe(18);
  });

  it("subtracts a reference scenario's gain over the same years", () => {
    const g: CompiledTarget = { ...base, kind: 'gain', tFrom: 1, tTo: 3, ref: { kind: 'scenario', unit: 0, m: 0, tEnd: 3, tBefore: 1 } };
    // own: 25 per year; reference: (11 − 6)/2 = 2.5 per year
    expect(targetValue(g, out, 4, [refOut], [4], new Float64Array(0))).toBe(22.5);
  });
});

describe('meets', () => {
  it.each([
    [1, '>=', 1, 0, true],
    [1, '>', 1, 0, false],
    [1, '<=', 1, 0, true],
    [1, '<', 1, 0, false],
    [0.566, '~', 0.57, 0.005, true],
    [0.5649, '~', 0.57, 0.005, false],
    [0.5745, '=', 0.57, 0.005, true],
    [NaN, '>=', 0, 0, false],
    [NaN, '<', 0, 0, false],
  ] as const)('%d %s %d (±%d) is %s', (x, c, v, tol, ok) => {
    expect(meets(x, c, v, tol)).toBe(ok);
  });
});
