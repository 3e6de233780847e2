/**
 * The lever search's draws (src/engine/lever-draws.ts): the counts at Δ = 0 taken from the main
 * run's values are those of running the draws again unshifted, weighted or not; tallies count
 * exactly the draws that meet a target and weigh only the feasible ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.js';
import { assumedEvaluation, shiftedEvaluation, tallyLever } from '../../src/engine/lever-draws.js';
import { createExecutor } from '../../src/engine/pool.js';
import { toyInput } from '../fixtures/engine/toy-scenario.js';

const input = toyInput({
  draws: 300,
  assumptions: { migration: { dist: 'uniform', min: 0.01, max: 0.03 }, growth: { dist: 'uniform', min: 0, max: 0.01 } },
  targets: [
    { id: 'share', year: 2030, value: 0.62 },
    { id: 'people', metric: 'total', year: 2030, value: 1.05e6, lever: { param: 'growth' } },
    { id: 'share25', year: 2025, value: 0.56 },
  ],
});

describe('assumedEvaluation', () => {
  it.each([1, 2])('counts what running the draws again at Δ = 0 counts (%i worker(s)), unweighted and weighted', async (workers) => {
    // Arrange: the main run's values of draws 0 … n − 1, and arbitrary positive weights
    const cs = compileScenario(input);
    const n = 240;
    const exec = await createExecutor(cs, workers);
    try {
      const main = await exec.run({ start: 0, count: n, full: true });
      const values = Float64Array.from(main.values);
      exec.release(main);
      const weights = Float64Array.from({ length: n }, (_, i) => 0.2 + ((i * 37) % 11) / 10);
      const draws = { n, refParts: null, inputs: null, batchSize: 17, inFlight: 4 };
      for (const lever of cs.levers) {
        for (const w of [null, weights]) {
          // Act
          const assumed = assumedEvaluation(cs, lever, values, n, w);
          const rerun = await shiftedEvaluation(exec, cs, lever, 0, { ...draws, weights: w });
          // Assert
          expect(assumed).toEqual(rerun);
          expect(assumed.failed).toBe(0);
        }
      }
    } finally {
      await exec.close();
    }
  });

  it('differs from a shifted run, so the comparison above can fail', async () => {
    const cs = compileScenario(input);
    const exec = await createExecutor(cs, 1);
    try {
      const lever = cs.levers.find((l) => l.key === 'migration')!;
      const main = await exec.run({ start: 0, count: 200, full: false });
      const assumed = assumedEvaluation(cs, lever, Float64Array.from(main.values), 200, null);
      const moved = await shiftedEvaluation(exec, cs, lever, 0.01, { n: 200, refParts: null, inputs: null, weights: null, batchSize: 50, inFlight: 2 });
      expect(Array.from(moved.met)).not.toEqual(Array.from(assumed.met));
    } finally {
      await exec.close();
    }
  });
});

describe('shiftedEvaluation', () => {
  it('asked for an early target only, counts it exactly as the whole run does, and the later ones not at all', async () => {
    // Arrange: the migration lever's targets: share (2030) and share25 (2025)
    const cs = compileScenario(input);
    const lever = cs.levers.find((l) => l.key === 'migration')!;
    const j25 = lever.targets.findIndex((k) => cs.targets[k].id === 'share25');
    const j30 = lever.targets.findIndex((k) => cs.targets[k].id === 'share');
    const exec = await createExecutor(cs, 1);
    const draws = { n: 240, refParts: null, inputs: null, weights: null, batchSize: 40, inFlight: 2 };
    try {
      // Act
      const whole = await shiftedEvaluation(exec, cs, lever, 0.004, draws);
      const early = await shiftedEvaluation(exec, cs, lever, 0.004, draws, [j25]);
      // Assert
      expect(early.met[j25]).toBe(whole.met[j25]);
      expect(whole.met[j30]).toBeGreaterThan(0);
      expect(early.met[j30]).toBe(0);
      expect(early.failed).toBe(0);
    } finally {
      await exec.close();
    }
  });
});

describe('tallyLever', () => {
  it('counts the draws meeting each of the lever’s targets and weighs only the feasible ones', () => {
    const cs = compileScenario(input);
    const lever = cs.levers.find((l) => l.key === 'migration')!;
    const T = cs.targets.length;
    const value = fc.oneof(fc.constant(Number.NaN), fc.double({ min: 0, max: 2e6, noNaN: true }), fc.constantFrom(0.56, 0.62, 1.05e6));
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: T, maxLength: T }), { maxLength: 30 }), fc.boolean(), (rows, weighted) => {
        // Arrange: a draw is infeasible when its first value is NaN (the kernel fills the whole row)
        const values = Float64Array.from(rows.flat());
        const weights = weighted ? Float64Array.from(rows, (_, i) => 1 + i) : null;
        const met = new Float64Array(lever.targets.length);
        // Act
        const mass = tallyLever(cs, lever, values, 0, rows.length, weights, met, 0, 0);
        // Assert: brute force
        const w = (i: number) => (weights === null ? 1 : weights[i]);
        lever.targets.forEach((k, j) => {
          const t = cs.targets[k];
          const expected = rows.reduce((s, r, i) => s + (r[k] >= t.value ? w(i) : 0), 0);
          expect(met[j]).toBe(expected);
        });
        expect(mass).toBe(rows.reduce((s, r, i) => s + (Number.isNaN(r[0]) ? 0 : w(i)), 0));
      }),
    );
  });
});
