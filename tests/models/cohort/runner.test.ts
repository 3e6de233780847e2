/**
 * The cohort runner over random valid scenarios (fast-check): properties the model must have
 * beyond the shared contract (tests/contract), and the `--dump-schedules` format.
 *
 * Generated inputs (see arbitraries.ts): TFR 0–3, e0 40–90, internal rates 0–0.1,
 * reclassification 0–0.05, external rates −0.01…0.01, population 1e3–1e8, share 0.05–0.95, with
 * constant, uncertain and time-varying paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import cohort, { METRICS } from '../../../models/cohort/index.js';
import { CELLS } from '../../../models/cohort/kernel.js';
import { DrawError } from '../../../src/engine/model.js';
import { contractContext, type ContractInput } from '../../contract/model-contract.js';
import { arbCohortInput, arbParam, num } from './arbitraries.js';
import { baseAssumptions, context, kernelTrajectory, medianPaths, project, relDiff, run, setup, sum } from './helpers.js';

const A = (input: ContractInput) => input.assumptions as Record<string, unknown>;

/** Two values lo < hi in [min, max], at least 0.1% of the room above lo apart. */
function rising(min: number, max: number): fc.Arbitrary<[number, number]> {
  return fc.tuple(num(min, max * 0.99), num(0.001, 1)).map(([lo, f]) => [lo, lo + f * (max - lo)]);
}

/** Median projection of a generated input, with assumptions replaced by `over`. */
function projectWith(input: ContractInput, over: Record<string, unknown> = {}, ctxOver: Partial<ContractInput> = {}) {
  const i = { ...input, ...ctxOver };
  return project({ ...A(input), ...over }, contractContext(i));
}

describe('runner: agreement with its own kernel', () => {
  it('outputs the totals and flows of the kernel’s cells, bit for bit (checks the test helper too)', () => {
    fc.assert(
      fc.property(arbCohortInput({ steps: [1, 8] }), (input) => {
        // Arrange
        const s = setup(input.assumptions, contractContext(input));
        const paths = medianPaths(s);
        // Act
        const p = run(s, paths);
        const { cells, flows } = kernelTrajectory(s.compiled.data, s.H, paths);
        // Assert
        const U = p.series('urban');
        const R = p.series('rural');
        for (let t = 0; t <= s.H; t++) {
          expect(U[t]).toBe(sum(cells[t], 0, 202));
          expect(R[t]).toBe(sum(cells[t], 202, CELLS));
        }
        METRICS.slice(4, 13).forEach((m, f) => {
          const x = p.series(m.name);
          for (let t = 1; t <= s.H; t++) expect(x[t], `${m.name}[${t}]`).toBe(flows[t][f]);
        });
      }),
      { numRuns: 15 },
    );
  });
});

describe('runner: properties of the model', () => {
  it('keeps the urban share constant (1e-12) when both areas have the same vital rates and shape and nobody moves', () => {
    // With the same age–sex shape, TFR and e0 by sex in both areas and no migration of any kind,
    // each area's population is the same linear map of its start, so P_U,t = u0·X_t, P_R,t = (1−u0)·X_t.
    fc.assert(
      fc.property(
        arbCohortInput({ steps: [1, 15] }).chain((input) => {
          const p = (lo: number, hi: number) => arbParam(lo, hi, input.baseYear, input.steps);
          return fc.record({ input: fc.constant(input), tfr: p(0, 3), e0F: p(40, 90), e0M: p(40, 90) });
        }),
        ({ input, tfr, e0F, e0M }) => {
          // Act
          const u = projectWith(input, {
            tfr: { urban: tfr, rural: tfr },
            e0: { urban: { female: e0F, male: e0M }, rural: { female: e0F, male: e0M } },
            ruralToUrban: 0,
            urbanToRural: 0,
            reclassification: 0,
            external: { urban: { rate: 0 }, rural: { rate: 0 } },
          }).series('urbanShare');
          // Assert
          for (let t = 1; t < u.length; t++) expect(Math.abs(u[t] - u[0]), `t=${t}`).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('raises the urban share in every year when the rural→urban rate rises (all else equal)', () => {
    fc.assert(
      fc.property(arbCohortInput({ steps: [1, 15] }), rising(0, 0.1), (input, [lo, hi]) => {
        // Act
        const uLo = projectWith(input, { ruralToUrban: lo }).series('urbanShare');
        const uHi = projectWith(input, { ruralToUrban: hi }).series('urbanShare');
        // Assert
        for (let t = 1; t < uLo.length; t++) expect(uHi[t], `t=${t}`).toBeGreaterThan(uLo[t]);
      }),
      { numRuns: 25 },
    );
  });

  it('raises the urban share in every year when the reclassification rate rises (all else equal)', () => {
    fc.assert(
      fc.property(arbCohortInput({ steps: [1, 15] }), rising(0, 0.05), (input, [lo, hi]) => {
        const uLo = projectWith(input, { reclassification: lo }).series('urbanShare');
        const uHi = projectWith(input, { reclassification: hi }).series('urbanShare');
        for (let t = 1; t < uLo.length; t++) expect(uHi[t], `t=${t}`).toBeGreaterThan(uLo[t]);
      }),
      { numRuns: 25 },
    );
  });

  it('multiplies every count by k and leaves every share and contribution unchanged when the population is multiplied by k', () => {
    fc.assert(
      fc.property(arbCohortInput({ steps: [1, 12] }), num(-3, 3), num(-0.01, 0.01), num(-0.01, 0.01), (input, logK, nuU, nuR) => {
        // Arrange: external migration as rates (counts would have to be scaled too).
        const k = 10 ** logK;
        const over = { external: { urban: { rate: nuU }, rural: { rate: nuR } } };
        // Act
        const a = projectWith(input, over);
        const b = projectWith(input, over, { population: input.population * k });
        // Assert
        for (const m of METRICS) {
          const x = a.series(m.name);
          const y = b.series(m.name);
          for (let t = 0; t < x.length; t++) {
            if (m.kind === 'stock' || m.kind === 'flow') {
              expect(relDiff(y[t], k * x[t], 1e-9 * k * input.population), `${m.name}[${t}]`).toBeLessThanOrEqual(1e-9);
            } else {
              expect(Math.abs(y[t] - x[t]), `${m.name}[${t}]`).toBeLessThanOrEqual(1e-12);
            }
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it('makes the share exactly 1 after one step with reclassification rate 1 and no rural external migration', () => {
    // What must hold: reclassification (step 4) comes after internal migration, so it takes the
    // whole post-migration rural population, returners included (c = 1 ⇒ Q″_R = Q′_R − Q′_R = 0
    // exactly). Only external migration (step 5) could then put people back in the rural area, so
    // N_R must be 0 (with N_R ≠ 0 the model must refuse to spread migrants over an empty area).
    // Urban external migration may be anything feasible; the urban population stays positive.
    fc.assert(
      fc.property(arbCohortInput({ steps: [1, 10] }), (input) => {
        // Act
        const p = projectWith(input, { reclassification: 1, external: { ...(A(input).external as object), rural: { rate: 0 } } });
        // Assert
        const u = p.series('urbanShare');
        const R = p.series('rural');
        for (let t = 1; t < u.length; t++) {
          expect(u[t], `t=${t}`).toBe(1);
          expect(R[t], `t=${t}`).toBe(0);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('throws a DrawError, in the first year it happens, when net emigration exceeds a cell (never clamps)', () => {
    fc.assert(
      fc.property(
        fc.record({ population: num(3, 8).map((x) => 10 ** x), urbanShare: num(0.05, 0.95), f: num(0.2, 0.5), rho: num(0, 0.1), tfr: num(0, 3) }),
        ({ population, urbanShare, f, rho, tfr }) => {
          // Arrange: a fixed yearly rural emigration count of f ≥ 20% of the baseline rural population
          // eventually exceeds the shrinking rural age groups (within 40 years).
          const raw = {
            ...baseAssumptions(),
            tfr: { urban: tfr, rural: tfr },
            ruralToUrban: rho,
            external: { urban: { rate: 0 }, rural: { count: -f * population * (1 - urbanShare) } },
          };
          const ctx = context({ population, urbanShare, steps: 40 });
          // Act
          let thrown: unknown;
          try {
            project(raw, ctx);
          } catch (e) {
            thrown = e;
          }
          // Assert: the error, and its year — the horizon before it projects, the horizon at it does not.
          expect(thrown).toBeInstanceOf(DrawError);
          const year = (thrown as DrawError).year;
          expect(year).toBeGreaterThan(ctx.baseYear);
          if (year > ctx.baseYear + 1) {
            const before = project(raw, context({ ...ctx, steps: year - 1 - ctx.baseYear }));
            for (const v of before.out) expect(Number.isFinite(v)).toBe(true);
            expect(Math.min(...before.series('rural'))).toBeGreaterThanOrEqual(0);
          }
          expect(() => project(raw, context({ ...ctx, steps: year - ctx.baseYear }))).toThrow(DrawError);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('scheduleDump (--dump-schedules)', () => {
  it('has the documented keys and lengths, and is plain JSON', () => {
    // Arrange
    const s = setup({ ...baseAssumptions(), external: { urban: { count: 1000 }, rural: { rate: -0.003 } } }, context({ steps: 5 }));
    const paths = medianPaths(s);
    // Act
    const dump = cohort.inspect!(s.compiled, s.params, paths) as Record<string, unknown>;
    // Assert
    expect(JSON.parse(JSON.stringify(dump))).toEqual(dump);
    expect(Object.keys(dump).sort()).toEqual(['baseline', 'format', 'notes', 'steps', 'years'].sort());
    expect(dump.format).toBe('urbcast.schedules/1');
    expect(dump.years).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    const blocks = (x: unknown) => {
      expect(Object.keys(x as object).sort()).toEqual(['RF', 'RM', 'UF', 'UM']);
      for (const v of Object.values(x as object)) expect((v as number[]).length).toBe(101);
    };
    blocks(dump.baseline);
    const steps = dump.steps as Record<string, unknown>[];
    expect(steps.length).toBe(5);
    steps.forEach((st, t) => {
      expect(Object.keys(st).sort()).toEqual(
        ['birthSurvival', 'external', 'fertility', 'reclassification', 'ruralToUrban', 'srb', 'survival', 'urbanToRural', 'year'].sort(),
      );
      expect(st.year).toBe(2022 + t);
      blocks(st.survival);
      expect(Object.keys(st.birthSurvival as object).sort()).toEqual(['RF', 'RM', 'UF', 'UM']);
      const fertility = st.fertility as Record<string, number[]>;
      expect(Object.keys(fertility).sort()).toEqual(['R', 'U']);
      expect(fertility.U.length).toBe(101);
      expect(fertility.R.length).toBe(101);
      for (const k of ['ruralToUrban', 'urbanToRural']) {
        const f = st[k] as Record<string, number[]>;
        expect(Object.keys(f).sort()).toEqual(['F', 'M']);
        expect(f.F.length).toBe(101);
        expect(f.M.length).toBe(101);
      }
      expect(typeof st.srb).toBe('number');
      expect(typeof st.reclassification).toBe('number');
      const ext = st.external as { U: object; R: object; schedule: number[] };
      expect(ext.U).toEqual({ count: 1000 });
      expect(ext.R).toEqual({ rate: -0.003 });
      expect(ext.schedule.length).toBe(101);
    });
  });

  it('holds the step inputs the runner uses: TFR·h, ρ·κg, the survival of the e0 of each year', () => {
    // Arrange: e0 and TFR change by year.
    const raw = {
      ...baseAssumptions(),
      tfr: { urban: { value: 1.0, change: 0.02 }, rural: 1.3 },
      e0: { urban: { female: { byYear: { 2022: 80, 2025: 83 } }, male: 76 }, rural: { female: 79, male: 74 } },
    };
    const s = setup(raw, context({ steps: 4 }));
    const paths = medianPaths(s);
    const d = s.compiled.data;
    // Act
    const dump = cohort.inspect!(s.compiled, s.params, paths) as {
      baseline: Record<string, number[]>;
      steps: { survival: Record<string, number[]>; birthSurvival: Record<string, number>; fertility: Record<string, number[]>; ruralToUrban: Record<string, number[]>; srb: number }[];
    };
    // Assert
    expect(dump.baseline.UF).toEqual(Array.from(d.baseline.subarray(0, 101)));
    expect(dump.baseline.RM).toEqual(Array.from(d.baseline.subarray(303)));
    dump.steps.forEach((st, t) => {
      expect(st.fertility.U[27]).toBe((1.0 + 0.02 * t) * d.h[27]);
      expect(st.ruralToUrban.F[23]).toBe(0.02 * d.gRU[23]);
      expect(st.ruralToUrban.M).toEqual(st.ruralToUrban.F);
      expect(st.srb).toBe(1.1);
      expect(st.survival.UF[99]).toBe(st.survival.UF[100]);
    });
    // e0 of urban women rises 80 → 83 over 2022–2025, so survival rises; urban men's stays put.
    expect(dump.steps[3].survival.UF[70]).toBeGreaterThan(dump.steps[0].survival.UF[70]);
    expect(dump.steps[3].birthSurvival.UF).toBeGreaterThan(dump.steps[0].birthSurvival.UF);
    expect(dump.steps[3].survival.UM).toEqual(dump.steps[0].survival.UM);
  });
});
