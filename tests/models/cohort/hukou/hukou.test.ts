/**
 * The hukou accounts (models/cohort/README.md, "Hukou"): identities that reconcile residents and
 * registered people, the properties the issue names, and the v1 outputs untouched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import cohort, { HUKOU_MODEL_METRICS, METRICS } from '../../../../models/cohort/index.js';
import { createHukouExtension } from '../../../../models/cohort/hukou/extension.js';
import { HC, LC, XC } from '../../../../models/cohort/hukou/step.js';
import { CELLS } from '../../../../models/cohort/kernel.js';
import { createCohortRunner } from '../../../../models/cohort/runner.js';
import { selectKernel } from '../../../../models/cohort/wasm/select.js';
import { DrawError } from '../../../../src/engine/model.js';
import { arbCohortInput } from '../arbitraries.js';
import { baseAssumptions, context, medianPaths, setup, type Setup } from '../helpers.js';

const T = (s: Setup) => s.H + 1;

/** A Jinan-like hukou block on the Heze-like test baseline (8.7M residents, 51.9% urban). */
function hukou(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    baseline: { registered: 9.6e6, hukouShare: 0.4, nonLocal: 3e5 },
    conversion: { rate: 0.04 },
    reclassifiedGain: 0.8,
    arrivalsNonLocal: 1,
    outsideChange: 0.01,
    ...over,
  };
}

function withHukou(h: Record<string, unknown>, A: Record<string, unknown> = baseAssumptions()): Setup {
  return setup({ ...A, hukou: h });
}

/** Runs the median draw; returns every series by name. */
function series(s: Setup, paths = medianPaths(s)): (name: string) => number[] {
  const metrics = cohort.metricsFor!(s.A);
  const out = new Float64Array(metrics.length * T(s));
  cohort.createRunner(s.compiled, s.params).run(paths, out);
  return (name) => {
    const m = metrics.findIndex((x) => x.name === name);
    if (m < 0) throw new Error(`no metric ${name}`);
    return Array.from(out.subarray(m * T(s), (m + 1) * T(s)));
  };
}

describe('hukou accounts: v1 untouched', () => {
  it('without a hukou block the model outputs exactly the v1 series', () => {
    const s = setup(baseAssumptions());

    expect(cohort.metricsFor!(s.A)).toBe(METRICS);
    expect(s.params.keys.some((k) => k.startsWith('hukou.'))).toBe(false);
  });

  it('with a hukou block the resident series are bit-identical to those without', () => {
    fc.assert(
      fc.property(arbCohortInput({ hukou: true, steps: [1, 8] }), (input) => {
        const ctx = context({ baseYear: input.baseYear, steps: input.steps, horizon: input.baseYear + input.steps, population: input.population, urbanShare: input.urbanShare });
        const on = setup(input.assumptions, ctx);
        const { hukou: _, ...rest } = input.assumptions as Record<string, unknown>;
        const off = setup(rest, ctx);
        const n = METRICS.length * T(off);
        const outOn = new Float64Array(HUKOU_MODEL_METRICS.length * T(on));
        const outOff = new Float64Array(n);
        const pathsOn = medianPaths(on);

        cohort.createRunner(on.compiled, on.params).run(pathsOn, outOn);
        cohort.createRunner(off.compiled, off.params).run(pathsOn.subarray(0, off.params.keys.length * off.H), outOff);

        expect(Array.from(outOn.subarray(0, n))).toEqual(Array.from(outOff));
      }),
      { numRuns: 25 },
    );
  });
});

describe('hukou accounts: identities', () => {
  it('in every cell and year, H + L + X equals the residents (1e-9 relative)', () => {
    const s = withHukou(hukou({ arrivalsNonLocal: 0.7 }), { ...baseAssumptions(), external: { urban: { rate: 0.01 }, rural: { rate: -0.01 } } });
    const kern = selectKernel();
    const ext = createHukouExtension(12, s.H, s.ctx.baseYear, false, kern);
    const runner = createCohortRunner(s.compiled.data, s.H, ext, kern);
    let worst = 0;

    runner.run(medianPaths(s), new Float64Array(HUKOU_MODEL_METRICS.length * T(s)), (_t, P) => {
      for (let i = 0; i < CELLS; i++) {
        const z = ext.state[HC + i] + ext.state[LC + i] + ext.state[XC + i];
        worst = Math.max(worst, Math.abs(z - P[i]) / Math.max(P[i], 1));
        expect(Math.min(ext.state[HC + i], ext.state[LC + i], ext.state[XC + i])).toBeGreaterThanOrEqual(0);
      }
    });

    expect(worst).toBeLessThan(1e-9);
  });

  it('registered − residents = outside − nonLocal, every year, over random scenarios (1e-9 of the population)', () => {
    fc.assert(
      fc.property(arbCohortInput({ hukou: true }), (input) => {
        const ctx = context({ baseYear: input.baseYear, steps: input.steps, horizon: input.baseYear + input.steps, population: input.population, urbanShare: input.urbanShare });
        const s = setup(input.assumptions, ctx);
        const get = series(s);
        const [reg, tot, out, nl] = ['registered', 'total', 'outside', 'nonLocal'].map(get);

        reg.forEach((r, t) => expect(Math.abs(r - tot[t] - (out[t] - nl[t]))).toBeLessThanOrEqual(1e-9 * Math.max(r, tot[t])));
      }),
      { numRuns: 40 },
    );
  });

  it('the urban-hukou population changes only by natural increase, citizenisation, reclassification and the outside rate', () => {
    const s = withHukou(hukou({ outsideChange: -0.02 }), { ...baseAssumptions(), external: { urban: { rate: -0.004 }, rural: { rate: -0.006 } } });
    const get = series(s);
    const [hu, nat, cit, rec, oH] = ['hukouUrban', 'naturalHukouUrban', 'citizenised', 'reclassifiedHukou', 'outsideUrbanHukou'].map(get);

    for (let t = 1; t <= s.H; t++) {
      expect(hu[t] - hu[t - 1]).toBeCloseTo(nat[t] + cit[t] + rec[t] - 0.02 * oH[t - 1], 3);
    }
  });

  it('the registered population changes only by natural increase, transfers in and the outside rate', () => {
    const s = withHukou(hukou(), { ...baseAssumptions(), external: { urban: { rate: 0.005 }, rural: { rate: -0.006 } } });
    const get = series(s);
    const [reg, nat, tin, out] = ['registered', 'naturalRegistered', 'citizenisedNonLocal', 'outside'].map(get);

    for (let t = 1; t <= s.H; t++) expect(reg[t] - reg[t - 1]).toBeCloseTo(nat[t] + tin[t] + 0.01 * out[t - 1], 3);
  });
});

describe('hukou accounts: properties', () => {
  it('more conversion never lowers the hukou rate, in any year', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: -0.01, max: 0.01, noNaN: true }), (a, b, ext) => {
        const A = { ...baseAssumptions(), external: { urban: { rate: ext }, rural: { rate: ext } } };
        const lo = series(withHukou(hukou({ conversion: { rate: Math.min(a, b) } }), A))('hukouShare');
        const hi = series(withHukou(hukou({ conversion: { rate: Math.max(a, b) } }), A))('hukouShare');

        hi.forEach((v, t) => expect(v).toBeGreaterThanOrEqual(lo[t] - 1e-12));
      }),
      { numRuns: 20 },
    );
  });

  it('with no conversion and no reclassification gain, urban hukou changes only by natural increase (and the outside rate)', () => {
    const s = withHukou(hukou({ conversion: { rate: 0 }, reclassifiedGain: 0, outsideChange: 0 }));
    const get = series(s);
    const [hu, nat, cit, rec] = ['hukouUrban', 'naturalHukouUrban', 'citizenised', 'reclassifiedHukou'].map(get);

    expect(cit.every((v) => v === 0) && rec.every((v) => v === 0)).toBe(true);
    for (let t = 1; t <= s.H; t++) expect(hu[t] - hu[t - 1]).toBeCloseTo(nat[t], 3);
  });

  it('the hukou rate starts at the stated baseline and the gap is the resident rate minus it', () => {
    const s = withHukou(hukou());
    const get = series(s);

    expect(get('hukouShare')[0]).toBeCloseTo(0.4, 12);
    expect(get('registered')[0]).toBeCloseTo(9.6e6, 3);
    get('hukouGap').forEach((g, t) => expect(g).toBeCloseTo(get('urbanShare')[t] - get('hukouShare')[t], 14));
  });

  it('a count of conversions becomes the citizenised flow exactly', () => {
    const s = withHukou(hukou({ conversion: { count: 50_000 } }));

    expect(series(s)('citizenised').slice(1).every((v) => Math.abs(v - 50_000) < 1e-6)).toBe(true);
  });
});

describe('hukou accounts: infeasible inputs are draw errors', () => {
  const runMedian = (s: Setup) => () => cohort.createRunner(s.compiled, s.params).run(medianPaths(s), new Float64Array(HUKOU_MODEL_METRICS.length * T(s)));

  it('a registered population below the residents registered here', () => {
    expect(runMedian(withHukou(hukou({ baseline: { registered: 5e6, hukouShare: 0.4, nonLocal: 0 } })))).toThrow(DrawError);
  });

  it('urban-hukou residents beyond the urban residents', () => {
    expect(runMedian(withHukou(hukou({ baseline: { registered: 9.6e6, hukouShare: 0.9, nonLocal: 3e5 } })))).toThrow(/exceed the .* urban residents/);
  });

  it('more conversions than migrants', () => {
    expect(runMedian(withHukou(hukou({ conversion: { count: 1e8 } })))).toThrow(/citizenisation of 100000000 persons in 2022 exceeds/);
  });

  it('returns beyond the registered population living outside', () => {
    const s = withHukou(hukou({ baseline: { registered: 8.7e6 + 1000, hukouShare: 0.4, nonLocal: 0 }, arrivalsNonLocal: 0 }), {
      ...baseAssumptions(),
      external: { urban: { rate: 0.01 }, rural: { rate: 0 } },
    });

    expect(runMedian(s)).toThrow(/returning residents in 2022 exceed/);
  });
});
