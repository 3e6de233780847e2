import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledTarget } from '../../src/engine/target-plan.js';
import { firstYearShares, probability, TargetTally, targetProbability } from '../../src/engine/targets.js';

const level = (o: Partial<CompiledTarget>): CompiledTarget => ({
  id: 'lvl',
  label: 'lvl',
  metric: 'x',
  kind: 'level',
  year: 2023,
  comparator: '>=',
  value: 5,
  tolerance: 0,
  milestone: true,
  m: 0,
  tFrom: 3,
  tTo: 3,
  tMin: 0,
  ref: { kind: 'none' },
  ...o,
});

describe('TargetTally', () => {
  it('counts P(met), the joint milestones and first years', () => {
    const targets = [level({}), level({ id: 'b', value: 2, tFrom: 1, tTo: 1, year: 2021 }), level({ id: 'c', value: 100, milestone: false })];
    const tally = new TargetTally(targets, 4);
    // draws: metric 0 by year t = 0 … 3; values = quantities of the three targets
    const draws = [
      [0, 3, 6, 9],
      [0, 1, 2, 3],
      [5, 5, 5, 5],
    ];
    for (const s of draws) tally.add(Float64Array.of(s[3], s[1], s[3]), 0, Float64Array.from(s), 0);

    expect(Array.from(tally.met)).toEqual([2, 2, 0]);
    // milestones a and b: draw 0 meets both, draw 1 meets neither, draw 2 meets both
    expect(tally.jointMet).toBe(2);
    expect(firstYearShares(tally, 0, [2020, 2021, 2022, 2023])).toEqual({ '2020': 1 / 3, '2021': 0, '2022': 1 / 3, '2023': 0, never: 1 / 3 });
    expect(targetProbability(tally, 0)).toMatchObject({ p: 2 / 3, verdict: 'likely' });
  });

  it('first-year shares sum to 1', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 50 }), (rows) => {
        const tally = new TargetTally([level({ tFrom: 5, tTo: 5 })], 6);
        rows.forEach((r) => tally.add(Float64Array.of(r[5]), 0, Float64Array.from(r), 0));
        const shares = firstYearShares(tally, 0, [0, 1, 2, 3, 4, 5])!;
        return Math.abs(Object.values(shares).reduce((a, b) => a + b, 0) - 1) < 1e-12;
      }),
    );
  });

  it('starts a flow metric at the first projected year', () => {
    const tally = new TargetTally([level({ tMin: 1, tFrom: 2, tTo: 2, value: 0, comparator: '<=' })], 3);
    tally.add(Float64Array.of(0), 0, Float64Array.of(0, 0, 0), 0);
    expect(firstYearShares(tally, 0, [2020, 2021, 2022])).toEqual({ '2020': 0, '2021': 1, '2022': 0, never: 0 });
  });

  it('has no first years for flow and gain targets', () => {
    const tally = new TargetTally([level({ kind: 'flow' })], 4);
    tally.add(Float64Array.of(9), 0, Float64Array.of(9, 9, 9, 9), 0);
    expect(firstYearShares(tally, 0, [1, 2, 3, 4])).toBeNull();
  });
});

describe('probability', () => {
  it('has standard error √(p(1 − p)/n)', () => {
    expect(probability(250, 1000)).toEqual({ p: 0.25, se: Math.sqrt((0.25 * 0.75) / 1000) });
  });
});
