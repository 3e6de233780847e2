import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import urgd from '../../../models/urgd/index.js';
import { urgdAt } from '../../../models/urgd/runner.js';
import type { UrgdAssumptions } from '../../../models/urgd/schema.js';
import { DrawError } from '../../../src/engine/model.js';
import { compileParams } from '../../../src/params/compile.js';
import { context, logisticOf, logitOf, pathsOf, runPaths } from './helpers.js';

const PLAIN: UrgdAssumptions = { urgd: 0, growth: 0 };
const DRIFT: UrgdAssumptions = { urgd: 0, growth: 0, drift: { target: 0, speed: 0 } };

const share = fc.double({ min: 0.01, max: 0.99, noNaN: true });
const rate = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true });
const years = fc.integer({ min: 1, max: 60 });
const pathOf = (H: number, lo: number, hi: number) => fc.array(rate(lo, hi), { minLength: H, maxLength: H });

describe('urgd runner: baseline', () => {
  it('echoes the scenario baseline at t = 0, with no URGD', () => {
    // Arrange
    const ctx = context({ population: 8_683_200, urbanShare: 0.5273, steps: 3 });
    // Act
    const p = runPaths(PLAIN, pathsOf([0.03, 0.03, 0.03], [0, 0, 0]), ctx);
    // Assert
    expect(p.series('total')[0]).toBe(8_683_200);
    expect(p.series('urban')[0]).toBe(8_683_200 * 0.5273);
    expect(p.series('rural')[0]).toBe(8_683_200 * (1 - 0.5273));
    expect(p.series('urbanShare')[0]).toBe(0.5273);
    expect(p.series('urgd')[0]).toBe(0);
  });
});

describe('urgd runner: the logit step', () => {
  it('with a constant URGD d equals the closed form u_t = logistic(logit(u0) + t·d)', () => {
    fc.assert(
      fc.property(share, rate(-0.2, 0.2), years, (u0, d, H) => {
        const ctx = context({ urbanShare: u0, steps: H });
        const p = runPaths(PLAIN, pathsOf(Array(H).fill(d), Array(H).fill(0)), ctx);
        const u = p.series('urbanShare');
        for (let t = 0; t <= H; t++) expect(Math.abs(u[t] - logisticOf(logitOf(u0) + t * d))).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it('moves logit(urban share) by exactly that year\'s URGD, for any path', () => {
    fc.assert(
      fc.property(
        share.filter((u) => u > 0.05 && u < 0.95),
        fc.integer({ min: 1, max: 30 }).chain((H) => fc.tuple(fc.constant(H), pathOf(H, -0.1, 0.1))),
        (u0, [H, d]) => {
          const p = runPaths(PLAIN, pathsOf(d, Array(H).fill(0)), context({ urbanShare: u0, steps: H }));
          const u = p.series('urbanShare');
          const applied = p.series('urgd');
          for (let t = 0; t < H; t++) {
            expect(applied[t + 1]).toBe(d[t]);
            expect(Math.abs(logitOf(u[t + 1]) - logitOf(u[t]) - d[t])).toBeLessThanOrEqual(1e-9);
          }
        },
      ),
    );
  });

  it('makes the URGD the difference of the urban and rural exponential growth rates', () => {
    // Arrange: any growth of the total, so the identity is not an artefact of a constant total.
    const H = 5;
    const d = [0.04, 0.03, -0.01, 0.02, 0];
    const g = [0.01, -0.02, 0.005, 0, 0.03];
    // Act
    const p = runPaths(PLAIN, pathsOf(d, g), context({ steps: H }));
    // Assert
    const U = p.series('urban');
    const R = p.series('rural');
    for (let t = 0; t < H; t++) expect(Math.log(U[t + 1] / U[t]) - Math.log(R[t + 1] / R[t])).toBeCloseTo(d[t], 12);
  });
});

describe('urgd runner: the total', () => {
  it('grows as T_{t+1} = T_t·(1 + g_t), independently of the URGD', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }).chain((H) => fc.tuple(fc.constant(H), pathOf(H, -0.5, 0.5), pathOf(H, -0.3, 0.3))), ([H, g, d]) => {
        const ctx = context({ steps: H });
        const T = runPaths(PLAIN, pathsOf(d, g), ctx).series('total');
        let expected = ctx.population;
        for (let t = 0; t < H; t++) {
          expected *= 1 + g[t];
          expect(T[t + 1]).toBe(expected);
        }
      }),
    );
  });
});

describe('urgd runner: identities', () => {
  it('keeps shares in [0, 1], stocks ≥ 0 and finite, urban + rural = total, share = urban / total (any URGD, growth > −1)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.integer({ min: 1, max: 60 }).chain((H) => fc.tuple(fc.constant(H), pathOf(H, -1, 1), pathOf(H, -0.99, 1))),
        (u0, [H, d, g]) => {
          const p = runPaths(PLAIN, pathsOf(d, g), context({ urbanShare: u0, steps: H }));
          const [T, U, R, u] = ['total', 'urban', 'rural', 'urbanShare'].map((n) => p.series(n));
          for (let t = 0; t <= H; t++) {
            expect(Number.isFinite(T[t]) && Number.isFinite(U[t]) && Number.isFinite(R[t])).toBe(true);
            expect(u[t]).toBeGreaterThanOrEqual(0);
            expect(u[t]).toBeLessThanOrEqual(1);
            expect(Math.min(T[t], U[t], R[t])).toBeGreaterThanOrEqual(0);
            expect(Math.abs(U[t] + R[t] - T[t])).toBeLessThanOrEqual(4 * Number.EPSILON * T[t]);
            if (T[t] > 0) expect(Math.abs(U[t] / T[t] - u[t])).toBeLessThanOrEqual(4 * Number.EPSILON);
          }
        },
      ),
    );
  });
});

describe('urgd runner: decomposition and failed draws', () => {
  it('credits the whole change of the share to contrib.urgd, exactly', () => {
    fc.assert(
      fc.property(share, fc.integer({ min: 1, max: 30 }).chain((H) => fc.tuple(fc.constant(H), pathOf(H, -0.3, 0.3))), (u0, [H, d]) => {
        const p = runPaths(PLAIN, pathsOf(d, Array(H).fill(0.01)), context({ urbanShare: u0, steps: H }));
        const u = p.series('urbanShare');
        const c = p.series('contrib.urgd');
        expect(c[0]).toBe(0);
        for (let t = 0; t < H; t++) expect(c[t + 1]).toBe(u[t + 1] - u[t]);
      }),
    );
  });

  it('fails the draw with a DrawError naming the year and growth when the population falls to 0', () => {
    // Arrange: everyone leaves in the third projected year.
    const H = 5;
    let thrown: unknown;
    // Act
    try {
      runPaths(PLAIN, pathsOf(Array(H).fill(0.03), [0, -0.1, -1, 0, 0]), context({ steps: H }));
    } catch (e) {
      thrown = e;
    }
    // Assert
    expect(thrown).toBeInstanceOf(DrawError);
    expect((thrown as DrawError).year).toBe(2024);
    expect((thrown as DrawError).param).toBe(1);
    expect((thrown as DrawError).message).toMatch(/falls to 0 in 2024/);
  });
});

describe('urgd runner: drift', () => {
  /** Paths for the drift layout: urgd, growth, drift.target, drift.speed. */
  const driftPaths = (H: number, d0: number, target: number[], speed: number[], later: number[] = Array(H - 1).fill(d0)) =>
    pathsOf([d0, ...later], Array(H).fill(0), target, speed);

  it('with constant target τ and speed s follows URGD_t = τ + (URGD_0 − τ)(1 − s)^t', () => {
    fc.assert(
      fc.property(rate(-0.2, 0.2), rate(-0.2, 0.2), rate(0, 1), fc.integer({ min: 1, max: 50 }), (d0, tau, s, H) => {
        const p = runPaths(DRIFT, driftPaths(H, d0, Array(H).fill(tau), Array(H).fill(s)), context({ steps: H }));
        const applied = p.series('urgd');
        for (let t = 0; t < H; t++) expect(Math.abs(applied[t + 1] - (tau + (d0 - tau) * (1 - s) ** t))).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it('never overshoots: the gap to a fixed target shrinks by the factor (1 − s_t) each year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }).chain((H) => fc.tuple(fc.constant(H), pathOf(H, 0, 1))), rate(-0.1, 0.1), rate(-0.1, 0.1), ([H, s], d0, tau) => {
        const applied = runPaths(DRIFT, driftPaths(H, d0, Array(H).fill(tau), s), context({ steps: H })).series('urgd');
        for (let t = 1; t < H; t++) {
          const before = applied[t] - tau;
          const after = applied[t + 1] - tau;
          expect(Math.abs(after - (1 - s[t]) * before)).toBeLessThanOrEqual(1e-15);
          if (Math.abs(after) > 1e-15) expect(Math.sign(after)).toBe(Math.sign(before));
        }
      }),
    );
  });

  it('speed 0 keeps the first-year URGD (the constant closed form); speed 1 jumps to the target in year 2', () => {
    // Arrange
    const H = 10;
    const ctx = context({ steps: H, urbanShare: 0.6 });
    // Act
    const still = runPaths(DRIFT, driftPaths(H, 0.04, Array(H).fill(0.01), Array(H).fill(0)), ctx);
    const jump = runPaths(DRIFT, driftPaths(H, 0.04, Array(H).fill(0.01), Array(H).fill(1)), ctx);
    // Assert
    expect(still.series('urgd').slice(1)).toEqual(Array(H).fill(0.04));
    expect(Math.abs(still.series('urbanShare')[H] - logisticOf(logitOf(0.6) + H * 0.04))).toBeLessThanOrEqual(1e-12);
    expect(jump.series('urgd').slice(1)).toEqual([0.04, ...Array(H - 1).fill(0.01)]);
  });

  it('uses only the first value of the urgd path, and target and speed from the second year on', () => {
    // Arrange
    const H = 6;
    const target = [9, 0.02, 0.02, 0.02, 0.02, 0.02]; // year-1 target and speed must not matter
    const speed = [0.9, 0.5, 0.5, 0.5, 0.5, 0.5];
    // Act
    const a = runPaths(DRIFT, driftPaths(H, 0.04, target, speed), context({ steps: H }));
    const b = runPaths(DRIFT, driftPaths(H, 0.04, [0, ...target.slice(1)], [0, ...speed.slice(1)], [0.5, -0.5, 0.7, 0.1, 0]), context({ steps: H }));
    // Assert
    expect(b.out).toEqual(a.out);
    expect(a.series('urgd').slice(1, 4)).toEqual([0.04, 0.03, 0.025]);
  });

  it('urgdAt reads the path directly without drift', () => {
    const paths = pathsOf([0.01, 0.02, 0.03], [0, 0, 0]);
    expect([0, 1, 2].map((t) => urgdAt(paths, 3, false, t, 99))).toEqual([0.01, 0.02, 0.03]);
  });
});

describe('urgd runner: determinism', () => {
  it('gives bit-identical output for the same paths, whatever ran before and whatever out held', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((H) => fc.tuple(fc.constant(H), pathOf(H, -0.1, 0.1), pathOf(H, -0.05, 0.05), pathOf(H, -0.1, 0.1), pathOf(H, 0, 1))),
        ([H, d, g, tau, s]) => {
          // Arrange
          const ctx = context({ steps: H });
          const params = compileParams(urgd.parameters(DRIFT, ctx), ctx.baseYear, H);
          const compiled = urgd.compile(DRIFT, ctx);
          const runner = urgd.createRunner(compiled, params);
          const paths = pathsOf(d, g, tau, s);
          const first = new Float64Array(compiled.metrics.length * (H + 1));
          const again = new Float64Array(first.length).fill(Number.NaN);
          // Act
          runner.run(paths, first);
          runner.run(pathsOf(g, d, s, tau), new Float64Array(first.length));
          runner.run(paths, again);
          const fresh = runPaths(DRIFT, paths, ctx).out;
          // Assert
          expect(again).toEqual(first);
          expect(fresh).toEqual(first);
        },
      ),
      { numRuns: 50 },
    );
  });
});
