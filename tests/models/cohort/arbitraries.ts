/**
 * fast-check arbitraries of valid cohort scenarios, in the scenario language (raw assumptions that
 * the model's schema validates), used by the model contract and the cohort property tests; and raw
 * step inputs for the kernels' parity tests.
 *
 * Ranges (the brief's): TFR 0–3, e0 40–90, internal rates 0–0.1, reclassification 0–0.05,
 * external rates −0.01…0.01 (or counts of ±0.2% of the area's baseline population), population
 * 1e3–1e8, urban share 0.05–0.95. Every path of every draw stays inside these ranges, so
 * `compileParams` never rejects them and no draw is infeasible (the steepest Rogers–Castro
 * schedule generated here allows rates up to ≈ 0.109 with the census shape).
 */
import fc from 'fast-check';
import type { ContractInput } from '../../contract/model-contract.js';
import { CELLS, type StepInputs } from '../../../models/cohort/kernel.js';

/**
 * A double in [lo, hi] (never −0, NaN or subnormal: tiny magnitudes become 0, so that the path
 * arithmetic below cannot underflow out of the domain).
 */
export function num(lo: number, hi: number): fc.Arbitrary<number> {
  return fc.double({ min: lo, max: hi, noNaN: true }).map((x) => (Math.abs(x) < 1e-200 ? 0 : x + 0));
}

function sorted(n: number, lo: number, hi: number): fc.Arbitrary<number[]> {
  return fc.array(num(lo, hi), { minLength: n, maxLength: n }).map((xs) => xs.sort((a, b) => a - b));
}

/** A distribution whose support lies in [lo, hi]. */
function arbDist(lo: number, hi: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    sorted(2, lo, hi).map(([min, max]) => ({ dist: 'uniform', min, max })),
    sorted(3, lo, hi).map(([min, mode, max]) => ({ dist: 'triangular', min, mode, max })),
    sorted(3, lo, hi).map(([min, mode, max]) => (min < max ? { dist: 'pert', min, mode, max } : min)),
    fc.tuple(sorted(3, lo, hi), num(0.05, 2)).map(([[min, mean, max], k]) =>
      k * (max - min) > 1e-12 * (hi - lo) ? { dist: 'truncnormal', mean, sd: k * (max - min), min, max } : mean,
    ),
  );
}

/**
 * A rate parameter (constant, uncertain, a start value with an annual change, or values by year)
 * whose every path, for every draw, stays in [lo, hi].
 */
export function arbParam(lo: number, hi: number, baseYear: number, steps: number): fc.Arbitrary<unknown> {
  const span = Math.max(steps - 1, 1);
  const point = num(lo, hi);
  const valueChange = fc
    .record({ v0: point, v1: point, share: num(0, 1), width: num(0, 0.99), uncertainValue: fc.boolean(), uncertainChange: fc.boolean() })
    .map(({ v0, v1, share, width, uncertainValue, uncertainChange }) => {
      // The path runs from v0 to (just short of) v1; uncertainty stays inside the margin to the bounds.
      const change = steps > 1 ? ((v1 - v0) / span) * (1 - 1e-9) : 0;
      const margin = width * Math.min(v0 - lo, hi - v0, v1 - lo, hi - v1);
      const dv = uncertainValue ? share * margin : 0;
      const dc = uncertainChange ? ((1 - share) * margin) / span : 0;
      return {
        value: dv > 0 ? { dist: 'uniform', min: v0 - dv, max: v0 + dv } : v0,
        change: dc > 0 ? { dist: 'uniform', min: change - dc, max: change + dc } : change,
        why: 'generated',
      };
    });
  const byYear = fc
    .array(fc.tuple(fc.integer({ min: baseYear + 1, max: baseYear + steps }), fc.oneof(point, arbDist(lo, hi))), { minLength: 1, maxLength: 3 })
    .map((entries) => ({ byYear: Object.fromEntries(entries.map(([y, v]) => [String(y), v])) }));
  return fc.oneof({ arbitrary: point, weight: 3 }, { arbitrary: arbDist(lo, hi), weight: 2 }, { arbitrary: valueChange, weight: 3 }, { arbitrary: byYear, weight: 2 });
}

/** A Rogers–Castro schedule around MODEL.md's defaults (peak-to-mean ratio ≤ 9.2 on the census shape). */
export function arbSchedule(): fc.Arbitrary<Record<string, number>> {
  return fc.record(
    {
      a1: num(0, 0.04),
      alpha1: num(0.05, 0.2),
      a2: num(0.02, 0.1),
      alpha2: num(0.05, 0.2),
      mu2: num(16, 26),
      lambda2: num(0.2, 0.8),
      c: num(0.001, 0.01),
    },
    { requiredKeys: [] },
  );
}

/** Options of {@link arbCohortInput}. */
export interface CohortArbOptions {
  /** Range of the horizon H (default 1 … 12). */
  steps?: [number, number];
  /** Generate custom migration and return schedules (default true). */
  schedules?: boolean;
  /** Add a feasible `hukou:` block (default false). */
  hukou?: boolean;
}

/**
 * A feasible `hukou:` block for a baseline of `population` residents with urban share `u`: the
 * registered population 0.8–1.3 × residents but never below the residents registered here, the
 * residents registered elsewhere 0–30% of the urban residents, the urban-hukou residents within
 * the rest of the urban residents; conversion as a rate (0–0.2) or a small count (at most 0.2% of
 * the baseline's urban residents without urban hukou a year, who are at least 10% of the urban
 * residents registered here); arrivals all registered elsewhere
 * (returns can exhaust a small outside stock: a draw error, not a contract violation).
 */
export function arbHukou(population: number, u: number, baseYear: number, steps: number): fc.Arbitrary<Record<string, unknown>> {
  const U = population * u;
  const p = (lo: number, hi: number) => arbParam(lo, hi, baseYear, steps);
  return fc.record({ x: num(0, 0.3), reg: num(0.8, 1.3), f: num(0, 0.9) }).chain(({ x, reg, f }) => {
    const nonLocal = x * U;
    const registered = Math.max(reg * population, population - nonLocal);
    const share = (f * (U - nonLocal)) / (population - nonLocal);
    const migrants0 = U - nonLocal - share * (population - nonLocal);
    return fc.record({
      baseline: fc.constant({ registered, hukouShare: share, nonLocal }),
      conversion: fc.oneof(p(0, 0.2).map((rate) => ({ rate })), p(0, 0.002 * migrants0).map((count) => ({ count }))),
      reclassifiedGain: p(0, 1),
      arrivalsNonLocal: fc.constant(1),
      outsideChange: p(-0.05, 0.05),
    });
  });
}

/** Valid, feasible inputs of the cohort model (raw assumptions plus baseline). */
export function arbCohortInput(opts: CohortArbOptions = {}): fc.Arbitrary<ContractInput> {
  const [sMin, sMax] = opts.steps ?? [1, 12];
  const base = fc.record({
    baseYear: fc.integer({ min: 1995, max: 2029 }),
    steps: fc.integer({ min: sMin, max: sMax }),
    population: num(3, 8).map((x) => 10 ** x),
    urbanShare: num(0.05, 0.95),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
  return base.chain((b) => {
    const p = (lo: number, hi: number) => arbParam(lo, hi, b.baseYear, b.steps);
    const ext = (areaPop: number) =>
      fc.oneof({ arbitrary: p(-0.01, 0.01).map((rate) => ({ rate })), weight: 3 }, { arbitrary: p(-0.002 * areaPop, 0.002 * areaPop).map((count) => ({ count })), weight: 1 });
    const schedule = opts.schedules === false ? fc.constant(undefined) : fc.option(arbSchedule(), { nil: undefined });
    return fc
      .record({
        tfr: fc.record({ urban: p(0, 3), rural: p(0, 3) }),
        e0: fc.record({
          urban: fc.record({ female: p(40, 90), male: p(40, 90) }),
          rural: fc.record({ female: p(40, 90), male: p(40, 90) }),
        }),
        srb: p(0.9, 1.3),
        ruralToUrban: p(0, 0.1),
        urbanToRural: p(0, 0.1),
        reclassification: p(0, 0.05),
        external: fc.record({ urban: ext(b.population * b.urbanShare), rural: ext(b.population * (1 - b.urbanShare)) }),
        migrationSchedule: schedule,
        returnSchedule: schedule,
        hukou: opts.hukou ? arbHukou(b.population, b.urbanShare, b.baseYear, b.steps) : fc.constant(undefined),
      })
      .map((A) => {
        const assumptions: Record<string, unknown> = { ...A };
        for (const k of ['migrationSchedule', 'returnSchedule', 'hukou']) if (assumptions[k] === undefined) delete assumptions[k];
        return { ...b, assumptions };
      });
  });
}

/**
 * Inputs whose first projected year must fail: net rural emigration of 1.5–10 times the whole
 * baseline population (the rural population after survival, births and internal moves can never
 * hold that many, so some age group must go negative).
 */
export function arbInfeasibleCohortInput(): fc.Arbitrary<ContractInput> {
  return fc
    .tuple(arbCohortInput({ steps: [1, 5], schedules: false }), num(1.5, 10))
    .map(([input, k]) => {
      const A = input.assumptions as Record<string, unknown>;
      return { ...input, assumptions: { ...A, external: { urban: { rate: 0 }, rural: { count: -k * input.population } } } };
    });
}

/**
 * A double spread evenly over [lo, hi] with a full mantissa. (`num`'s doubles crowd at the bounds
 * and, unbiased, at tiny magnitudes, whose sums seldom round: a kernel that sums in another order
 * would pass a parity test on them.)
 */
export function real(lo: number, hi: number): fc.Arbitrary<number> {
  return fc.noBias(fc.tuple(fc.nat(2 ** 26 - 1), fc.nat(2 ** 27 - 1))).map(([a, b]) => Math.min(hi, lo + (hi - lo) * ((a * 2 ** 27 + b) / 2 ** 53)));
}

/** A double in [lo, hi]: mostly {@link real}, else {@link num} (bounds, tiny values). */
export const anyReal = (lo: number, hi: number): fc.Arbitrary<number> => fc.oneof({ arbitrary: real(lo, hi), weight: 3 }, { arbitrary: num(lo, hi), weight: 1 });

/** An array of n doubles in [lo, hi], some of them 0. */
export const cells = (n: number, lo: number, hi: number) =>
  fc.array(fc.oneof({ arbitrary: anyReal(lo, hi), weight: 4 }, { arbitrary: fc.constant(0), weight: 1 }), { minLength: n, maxLength: n }).map((a) => Float64Array.from(a));

/** Any cohort step inputs in the model's ranges and beyond (fertility up to age 100, any e(a), counts that may empty an area). */
export const arbStepInputs: fc.Arbitrary<{ P: Float64Array; k: StepInputs; year: number }> = fc
  .record({
    P: fc.oneof(cells(CELLS, 0, 1e6), cells(CELLS, 0, 1)),
    survival: cells(CELLS, 0, 1),
    birthSurvival: cells(4, 0, 1),
    h: cells(101, 0, 1),
    range: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
    tfrU: anyReal(0, 3),
    tfrR: anyReal(0, 3),
    srb: anyReal(0.9, 1.3),
    rho: anyReal(0, 0.5),
    gRU: cells(101, 0, 2),
    ret: anyReal(0, 0.5),
    gUR: cells(101, 0, 2),
    c: anyReal(0, 1),
    extU: fc.oneof(anyReal(-0.05, 0.05), anyReal(-3e7, 1e7)),
    extR: fc.oneof(anyReal(-0.05, 0.05), anyReal(-3e7, 1e7)),
    extUIsCount: fc.boolean(),
    extRIsCount: fc.boolean(),
    e: cells(101, 0, 1),
    year: fc.integer({ min: 1990, max: 2100 }),
  })
  .map(({ P, range: [lo, hi], year, ...r }) => ({
    P,
    year,
    k: { ...r, hLo: Math.min(lo, hi), hHi: Math.max(lo, hi), eMax: Math.max(...r.e), extUParam: 10, extRParam: 11 },
  }));
