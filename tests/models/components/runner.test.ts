import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import components from '../../../models/components/index.js';
import { DrawError } from '../../../src/engine/model.js';
import { compileParams } from '../../../src/params/compile.js';
import urgd from '../../../models/urgd/index.js';
import { context, HEZE, pathsOf, project, runPaths, wrap, zeros, type Rows } from './helpers.js';

const FLOWS = ['births.U', 'births.R', 'deaths.U', 'deaths.R', 'ruralToUrban', 'urbanToRural', 'reclassification', 'external.U', 'external.R'];
const CONTRIBS = ['contrib.natural', 'contrib.internal', 'contrib.reclassification', 'contrib.external'];

const rate = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true });
const pathOf = (H: number, lo: number, hi: number) => fc.array(rate(lo, hi), { minLength: H, maxLength: H });

/**
 * Feasible random draws: internal rates ≤ ½ and external rates within ±5 %, so every area keeps
 * at least (1 − 0.05)·½·½ of its start-of-year population before external migration.
 */
const draws = fc.integer({ min: 1, max: 40 }).chain((H) =>
  fc.record({
    H: fc.constant(H),
    u0: rate(0, 1),
    rows: fc.record<Rows>({
      cbrU: pathOf(H, 0, 0.05),
      cbrR: pathOf(H, 0, 0.05),
      cdrU: pathOf(H, 0, 0.05),
      cdrR: pathOf(H, 0, 0.05),
      rho: pathOf(H, 0, 0.5),
      ret: pathOf(H, 0, 0.5),
      c: pathOf(H, 0, 0.5),
      extU: pathOf(H, -0.05, 0.05),
      extR: pathOf(H, -0.05, 0.05),
    }),
  }),
);

describe('components runner: baseline', () => {
  it('splits the baseline total by the urban share and reports no flows at t = 0', () => {
    // Act
    const p = runPaths(HEZE, pathsOf(14, { cbrU: 0.01, rho: 0.02 }), context({ population: 8_683_200, urbanShare: 0.5273 }));
    // Assert
    expect(p.series('total')[0]).toBe(8_683_200);
    expect(p.series('urban')[0]).toBe(8_683_200 * 0.5273);
    expect(p.series('urban')[0] + p.series('rural')[0]).toBe(8_683_200);
    expect(p.series('urbanShare')[0]).toBeCloseTo(0.5273, 15);
    for (const m of [...FLOWS, ...CONTRIBS]) expect(p.series(m)[0]).toBe(0);
  });
});

describe('components runner: identities', () => {
  it('reports flows that account exactly for each year\'s change in U and R', () => {
    fc.assert(
      fc.property(draws, ({ H, u0, rows }) => {
        const p = runPaths(HEZE, pathsOf(H, rows), context({ steps: H, urbanShare: u0 }));
        const [U, R, T, u] = ['urban', 'rural', 'total', 'urbanShare'].map((n) => p.series(n));
        const f = Object.fromEntries(FLOWS.map((n) => [n, p.series(n)]));
        for (let t = 1; t <= H; t++) {
          const tol = 64 * Number.EPSILON * (T[t - 1] + T[t]);
          const dU = f['births.U'][t] - f['deaths.U'][t] + f.ruralToUrban[t] - f.urbanToRural[t] + f.reclassification[t] + f['external.U'][t];
          const dR = f['births.R'][t] - f['deaths.R'][t] - f.ruralToUrban[t] + f.urbanToRural[t] - f.reclassification[t] + f['external.R'][t];
          expect(Math.abs(U[t] - U[t - 1] - dU)).toBeLessThanOrEqual(tol);
          expect(Math.abs(R[t] - R[t - 1] - dR)).toBeLessThanOrEqual(tol);
          expect(T[t]).toBe(U[t] + R[t]);
          expect(u[t]).toBe(U[t] / T[t]);
        }
      }),
    );
  });

  it('decomposes the change of the urban share into contributions that add up to it exactly', () => {
    fc.assert(
      fc.property(draws, ({ H, u0, rows }) => {
        const p = runPaths(HEZE, pathsOf(H, rows), context({ steps: H, urbanShare: u0 }));
        const u = p.series('urbanShare');
        const c = CONTRIBS.map((n) => p.series(n));
        for (let t = 1; t <= H; t++) {
          const sum = c[0][t] + c[1][t] + c[2][t] + c[3][t];
          expect(Math.abs(sum - (u[t] - u[t - 1]))).toBeLessThanOrEqual(1e-14);
        }
      }),
    );
  });

  it('keeps shares in [0, 1] and stocks ≥ 0, or stops the draw with a DrawError — over the whole domain', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((H) =>
          fc.tuple(fc.constant(H), rate(0, 1), fc.record<Rows>({
            cbrU: pathOf(H, 0, 1), cbrR: pathOf(H, 0, 1), cdrU: pathOf(H, 0, 1), cdrR: pathOf(H, 0, 1),
            rho: pathOf(H, 0, 1), ret: pathOf(H, 0, 1), c: pathOf(H, 0, 1), extU: pathOf(H, -1, 1), extR: pathOf(H, -1, 1),
          })),
        ),
        ([H, u0, rows]) => {
          let p;
          try {
            p = runPaths(HEZE, pathsOf(H, rows), context({ steps: H, urbanShare: u0 }));
          } catch (e) {
            expect(e).toBeInstanceOf(DrawError);
            return;
          }
          for (const n of ['total', 'urban', 'rural']) expect(Math.min(...p.series(n))).toBeGreaterThanOrEqual(0);
          for (const x of p.series('urbanShare')) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('fails a draw whose rural emigration exceeds the rural population, in the year it happens', () => {
    // Arrange: a large outflow count from year 4 on.
    const A = zeros({ rural: true });
    const extR = [0, 0, 0, -5e6, -5e6];
    // Act / Assert
    expect(() => runPaths(A, pathsOf(5, { extR }), context({ steps: 5, population: 8e6, urbanShare: 0.6 }))).toThrow(DrawError);
    try {
      runPaths(A, pathsOf(5, { extR }), context({ steps: 5, population: 8e6, urbanShare: 0.6 }));
    } catch (e) {
      expect((e as DrawError).year).toBe(2025);
      expect((e as DrawError).param).toBe(8);
    }
  });
});

describe('components runner: closed forms', () => {
  it('with only rural→urban migration at rate m: R_t = R_0(1 − m)^t and the total is constant', () => {
    fc.assert(
      fc.property(rate(0, 1), rate(0, 1), fc.integer({ min: 1, max: 50 }), (u0, m, H) => {
        const ctx = context({ steps: H, urbanShare: u0 });
        const p = runPaths(zeros(), pathsOf(H, { rho: m }), ctx);
        const R = p.series('rural');
        const T = p.series('total');
        for (let t = 0; t <= H; t++) {
          expect(Math.abs(R[t] - R[0] * (1 - m) ** t)).toBeLessThanOrEqual(1e-12 * ctx.population);
          expect(Math.abs(T[t] - ctx.population)).toBeLessThanOrEqual(1e-12 * ctx.population);
        }
      }),
    );
  });

  it('with the same natural increase in both areas and nothing else, keeps the share and credits nothing to any component', () => {
    // Act
    const p = runPaths(zeros(), pathsOf(10, { cbrU: 0.009, cbrR: 0.009, cdrU: 0.007, cdrR: 0.007 }), context({ steps: 10 }));
    // Assert
    const u = p.series('urbanShare');
    for (let t = 1; t <= 10; t++) {
      expect(u[t]).toBeCloseTo(u[0], 14);
      expect(p.series('contrib.natural')[t]).toBeCloseTo(0, 15);
    }
    expect(p.series('total')[10]).toBeCloseTo(8.7e6 * 1.002 ** 10, 4);
  });

  it('credits a higher rural natural increase to contrib.natural as a fall in the share', () => {
    const p = runPaths(zeros(), pathsOf(3, { cbrR: 0.01 }), context({ steps: 3 }));
    expect(p.series('contrib.natural')[1]).toBeLessThan(0);
    expect(p.series('contrib.natural')[1]).toBeCloseTo(p.series('urbanShare')[1] - p.series('urbanShare')[0], 15);
  });
});

describe('components runner: link to urgd', () => {
  it('is reproduced by urgd fed with its implied URGD ln(U′/U) − ln(R′/R) and growth T′/T − 1', () => {
    // Arrange
    const H = 14;
    const ctx = context({ steps: H });
    const c = project(HEZE, ctx);
    const U = c.series('urban');
    const R = c.series('rural');
    const T = c.series('total');
    const d = Array.from({ length: H }, (_, t) => Math.log(U[t + 1] / U[t]) - Math.log(R[t + 1] / R[t]));
    const g = Array.from({ length: H }, (_, t) => T[t + 1] / T[t] - 1);
    const A = { urgd: 0, growth: 0 };
    const params = compileParams(urgd.parameters(A, ctx), ctx.baseYear, H);
    const compiled = urgd.compile(A, ctx);
    const out = new Float64Array(compiled.metrics.length * (H + 1));
    // Act
    urgd.createRunner(compiled, params).run(Float64Array.from([...d, ...g]), out);
    // Assert
    const share = Array.from(out.subarray(3 * (H + 1), 4 * (H + 1)));
    const total = Array.from(out.subarray(0, H + 1));
    for (let t = 0; t <= H; t++) {
      expect(share[t]).toBeCloseTo(c.series('urbanShare')[t], 12);
      expect(total[t] / T[t]).toBeCloseTo(1, 12);
    }
  });
});

describe('components runner: determinism', () => {
  it('gives bit-identical output for the same paths, whatever ran before and whatever out held', () => {
    fc.assert(
      fc.property(draws, (a) => {
        // Arrange
        const ctx = context({ steps: a.H, urbanShare: a.u0 });
        const params = compileParams(components.parameters(HEZE, ctx), ctx.baseYear, a.H);
        const compiled = components.compile(HEZE, ctx);
        const runner = components.createRunner(compiled, params);
        const paths = pathsOf(a.H, a.rows);
        const other = pathsOf(a.H, Object.fromEntries(Object.entries(a.rows).map(([k, v]) => [k, [...(v as number[])].reverse()])));
        const first = new Float64Array(compiled.metrics.length * (a.H + 1));
        const again = new Float64Array(first.length).fill(Number.NaN);
        // Act
        runner.run(paths, first);
        runner.run(other, new Float64Array(first.length));
        runner.run(paths, again);
        // Assert
        expect(again).toEqual(first);
        expect(runPaths(HEZE, paths, ctx).out).toEqual(first);
        expect(wrap(first, a.H).series('urbanShare').every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
