/**
 * The cohort model's `pyramid` hook (models/cohort/index.ts): the state's 404 cells by area, sex
 * and single year of age, summing to the model's own totals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import cohort, { cohortPyramid } from '../../../models/cohort/index.js';
import { CELLS, RF, RM, UF, UM } from '../../../models/cohort/kernel.js';
import { baseAssumptions, kernelTrajectory, medianPaths, relDiff, run, setup, sum } from './helpers.js';

describe('cohort.pyramid', () => {
  it('is the model definition’s hook', () => {
    expect(cohort.pyramid).toBe(cohortPyramid);
  });

  it('puts each block of the state in its area and sex, ages 0 … 100 (100+ last)', () => {
    const state = Float64Array.from({ length: CELLS }, (_, i) => i);

    const p = cohortPyramid(state);

    expect(p.ages).toEqual(Array.from({ length: 101 }, (_, a) => a));
    const at = (area: string, sex: string) => p.groups.find((g) => g.area === area && g.sex === sex)!.values;
    expect(at('urban', 'female')[0]).toBe(UF);
    expect(at('urban', 'male')[100]).toBe(UM + 100);
    expect(at('rural', 'female')[7]).toBe(RF + 7);
    expect(at('rural', 'male')[42]).toBe(RM + 42);
    expect(p.groups).toHaveLength(4);
  });

  it('copies the state (the runner’s scratch may change after the call)', () => {
    const state = new Float64Array(CELLS).fill(1);

    const p = cohortPyramid(state);
    state.fill(2);

    expect(p.groups[0].values[0]).toBe(1);
  });

  it('rejects a state of the wrong size', () => {
    expect(() => cohortPyramid(new Float64Array(10))).toThrow(/404 cells/);
  });

  it('sums, by area, to the urban and rural populations of every year of a projection', () => {
    const s = setup(baseAssumptions());
    const paths = medianPaths(s);
    const out = run(s, paths);
    const traj = kernelTrajectory(s.compiled.data, s.H, paths);

    traj.cells.forEach((cells, t) => {
      const p = cohortPyramid(cells);
      const area = (a: string) => sum(p.groups.filter((g) => g.area === a).flatMap((g) => g.values));
      expect(relDiff(area('urban'), out.series('urban')[t])).toBeLessThan(1e-12);
      expect(relDiff(area('rural'), out.series('rural')[t])).toBeLessThan(1e-12);
      expect(relDiff(area('urban') + area('rural'), out.series('total')[t])).toBeLessThan(1e-12);
    });
  });

  it('keeps every person of any state (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: CELLS, maxLength: CELLS }), (cells) => {
        const p = cohortPyramid(Float64Array.from(cells));
        const total = p.groups.reduce((s, g) => s + sum(g.values), 0);
        return relDiff(total, sum(cells)) < 1e-12 || Math.abs(total - sum(cells)) < 1e-6;
      }),
      { numRuns: 100 },
    );
  });
});
