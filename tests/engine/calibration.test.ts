import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BINS, pilotRange } from '../../src/engine/aggregate/histogram.js';
import { compileCalibration, effectiveSampleSize, logWeight, normaliseLogWeights } from '../../src/engine/calibration.js';
import { compileScenario } from '../../src/engine/compile.js';
import { DrawKernel } from '../../src/engine/kernel.js';
import type { RunResult } from '../../src/engine/result.js';
import { PILOT_DRAWS, runScenario, type RunOptions } from '../../src/engine/run.js';
import { main } from '../../src/cli/main.js';
import { ParamError } from '../../src/params/compile.js';
import { capture } from '../cli/capture.js';
import { toyInput, type ToyOptions } from '../fixtures/engine/toy-scenario.js';
import toy, { TOY_METRICS } from '../fixtures/toy-model.js';

/** A toy city: urban share 50 % in 2020, rural→urban rate uniform 0.5–4 %/yr, to 2030. */
const city: ToyOptions = {
  draws: 2000,
  seed: 5,
  assumptions: { migration: { dist: 'uniform', min: 0.005, max: 0.04 }, growth: { dist: 'uniform', min: -0.005, max: 0.005 } },
  targets: [
    { id: 'u25', year: 2025, value: 0.56 },
    { id: 'u30', year: 2030, value: 0.62 },
    { id: 'moves', kind: 'flow', metric: 'ruralToUrban', window: [2021, 2025], comparator: '>', value: 60000, milestone: false },
  ],
};
/** The urban share in 2025 at a rural→urban rate of 3 %/yr and no growth: 1 − 0.5·0.97⁵. */
const OBSERVED = 1 - 0.5 * 0.97 ** 5;
const fast: RunOptions = { progress: false, leverDraws: 400, workers: 1 };

const calibrated = (se: number, extra: ToyOptions = {}): ToyOptions => ({
  ...city,
  history: [
    { year: 2025, metric: 'urbanShare', value: OBSERVED, se },
    { year: 2018, metric: 'urbanShare', value: 0.3, se: 1e-6 }, // before the baseline: must not weigh
  ],
  calibration: { method: 'importance', minEss: 20 },
  ...extra,
});

/** Every draw's log-weight, straight from the kernel. */
async function kernelLogWeights(o: ToyOptions): Promise<{ logW: Float64Array; values: Float64Array }> {
  const cs = compileScenario(toyInput(o));
  const b = new DrawKernel(cs, toy, []).run({ start: 0, count: cs.main.sampling.draws, full: true });
  return { logW: b.logWeights!, values: b.values };
}

/** One histogram bin width of quantity `h` (a target's value or a series cell), as the run fixes it. */
function binWidth(o: ToyOptions, pick: (b: { values: Float64Array; series: Float64Array }, d: number) => number, median: number): number {
  const cs = compileScenario(toyInput(o));
  const b = new DrawKernel(cs, toy, []).run({ start: 0, count: Math.min(PILOT_DRAWS, cs.main.sampling.draws), full: true });
  let lo = median;
  let hi = median;
  for (let d = 0; d < b.count; d++) {
    const x = pick({ values: b.values, series: b.series! }, d);
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const [a, z] = pilotRange(lo, hi);
  return (z - a) / BINS;
}

/** Everything but the fields that describe how (not what) was run. */
function what(r: RunResult): string {
  const { seconds: _s, startedAt: _t, workers: _w, batchSize: _b, ...run } = r.run;
  return JSON.stringify({ ...r, run });
}

describe('normaliseLogWeights', () => {
  it('gives weights that sum to one and keep their ratios, however spread the log-weights', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 200 }), (lw) => {
        const w = normaliseLogWeights(Float64Array.from(lw));

        expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expect(w.every((x) => x >= 0 && x <= 1)).toBe(true);
        const top = lw.indexOf(Math.max(...lw));
        lw.forEach((x, i) => expect(w[i]).toBeCloseTo(w[top] * Math.exp(x - lw[top]), 12));
      }),
    );
  });

  it('gives equal weights and ESS n for equal log-weights', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e300, max: 1e300, noNaN: true }), fc.integer({ min: 1, max: 500 }), (x, n) => {
        const w = normaliseLogWeights(new Float64Array(n).fill(x));
        const s = w.reduce((a, b) => a + b, 0);
        const s2 = w.reduce((a, b) => a + b * b, 0);

        expect(w.every((v) => v === w[0])).toBe(true);
        expect(effectiveSampleSize(s, s2)).toBeCloseTo(n, 9);
      }),
    );
  });
});

describe('logWeight and compileCalibration', () => {
  it('sums −½((value − path)/se)² over the observations in the projected years only', () => {
    const cal = compileCalibration(
      [
        { year: 2019, metric: 'urbanShare', value: 0.4, se: 0.01 },
        { year: 2022, metric: 'urbanShare', value: 0.52, se: 0.01 },
        { year: 2024, metric: 'total', value: 1000, se: 50 },
        { year: 2031, metric: 'total', value: 1000, se: 50 },
      ],
      { minEss: 5 },
      TOY_METRICS,
      2020,
      10,
    );
    const out = new Float64Array(TOY_METRICS.length * 11);
    out[3 * 11 + 2] = 0.5; // urbanShare 2022
    out[0 * 11 + 4] = 1100; // total 2024

    expect(cal.observations.map((o) => o.year)).toEqual([2022, 2024]);
    expect(logWeight(cal, out)).toBeCloseTo(-0.5 * (2 ** 2 + 2 ** 2), 12);
  });

  it('refuses a calibration with no observation after the baseline', () => {
    const f = () => compileCalibration([{ year: 2020, metric: 'urbanShare', value: 0.5, se: 0.01 }], { minEss: 5 }, TOY_METRICS, 2020, 10);

    expect(f).toThrow(ParamError);
    expect(f).toThrow(/no observation in history: falls in the projected years 2021–2030/);
  });
});

describe('calibrated runs', () => {
  it('(a) weights sum to one in a real run, and P(met) is the weighted share of the draws meeting the target', async () => {
    const o = calibrated(0.002);
    const { logW, values } = await kernelLogWeights(o);
    const w = normaliseLogWeights(logW);
    const T = city.targets!.length;
    const expected = [0.56, 0.62].map((v, k) => w.reduce((s, wi, i) => s + (values[i * T + k] >= v ? wi : 0), 0));

    const r = await runScenario(toyInput(o), { ...fast, lever: false });

    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.targets[0].pMet).toBeCloseTo(expected[0], 12);
    expect(r.targets[1].pMet).toBeCloseTo(expected[1], 12);
    const ess = 1 / w.reduce((a, b) => a + b * b, 0);
    expect(r.calibration!.ess).toBeCloseTo(ess, 6);
    expect(r.targets[0].se).toBeCloseTo(Math.sqrt((expected[0] * (1 - expected[0])) / ess), 9);
  });

  it('(b) with uninformative observations (se 1e9) gives the unweighted results', async () => {
    // Tolerance: −½((value − path)/1e9)² is below 1e-20, so every weight is exactly 1: counts,
    // moments, sensitivity sums and the lever search are the unweighted ones bit for bit. Quantiles use the weighted
    // rule (cumulative weight reaches p·W), which lands in the same histogram bin as the unweighted
    // order statistic: they agree within one bin width.
    const plain = await runScenario(toyInput(city), fast);
    const weighted = await runScenario(toyInput(calibrated(1e9, { calibration: { method: 'importance', minEss: 200 } })), fast);

    expect(weighted.calibration!.ess).toBe(city.draws);
    expect(plain.calibration).toBeUndefined();
    plain.targets.forEach((t, k) => {
      const u = weighted.targets[k];
      expect(u.pMet).toBe(t.pMet);
      expect(u.se).toBe(t.se);
      expect(u.mean).toBe(t.mean);
      expect(u.sd).toBe(t.sd);
      expect(u.firstYear).toEqual(t.firstYear);
      expect(u.drivers).toEqual(t.drivers);
      expect(u.lever).toEqual(t.lever);
      const width = binWidth(city, (b, d) => b.values[d * city.targets!.length + k], t.deterministic);
      for (const q of ['median', 'q10', 'q90', 'q025', 'q975'] as const) expect(Math.abs(u[q] - t[q])).toBeLessThanOrEqual(width);
    });
    const share = 3; // urbanShare in TOY_METRICS
    for (let t = 0; t < plain.years.length; t++) {
      const width = binWidth(city, (b, d) => b.series[d * TOY_METRICS.length * 11 + share * 11 + t], plain.metrics[share].deterministic[t]!);
      for (const q of ['p025', 'p50', 'p975'] as const) {
        expect(Math.abs(weighted.metrics[share].quantiles[q][t]! - plain.metrics[share].quantiles[q][t]!)).toBeLessThanOrEqual(width);
      }
    }
    expect(weighted.joint).toEqual(plain.joint);
  });

  it('(c) with one exact observation the weighted paths pass close to it, the unweighted ones do not', async () => {
    const se = 0.001;
    const plain = await runScenario(toyInput(city), { ...fast, lever: false });
    const weighted = await runScenario(toyInput(calibrated(se)), { ...fast, lever: false });
    const t2025 = plain.years.indexOf(2025);
    const share = plain.metrics.find((m) => m.name === 'urbanShare')!;
    const wShare = weighted.metrics.find((m) => m.name === 'urbanShare')!;

    expect(Math.abs(share.quantiles.p50[t2025]! - OBSERVED)).toBeGreaterThan(10 * se);
    expect(Math.abs(wShare.quantiles.p50[t2025]! - OBSERVED)).toBeLessThan(2 * se);
    expect(wShare.quantiles.p975[t2025]! - wShare.quantiles.p025[t2025]!).toBeLessThan(6 * se);
    expect(weighted.calibration!.observations).toEqual([{ year: 2025, metric: 'urbanShare', value: OBSERVED, se, median: wShare.quantiles.p50[t2025] }]);
    expect(weighted.calibration!.ess).toBeLessThan(city.draws! / 4);
    expect(weighted.calibration!.ess).toBeGreaterThan(20);
  });

  it('(d) refuses, below minEss, with exit code 2 and a message naming the file, the ESS, minEss and what to do', async () => {
    const file = fileURLToPath(new URL('../fixtures/calibration/far-off.yml', import.meta.url));
    const { io, text } = capture();

    const code = await main(['--scenario', file, '--quiet', '--workers', '1'], io);

    expect(code).toBe(2);
    expect(text.out).toBe('');
    expect(text.err).toMatch(/base-calibrated\.yml:\d+:\d+: calibration\.minEss: scenario \S*far-off\.yml: too few draws fit the history: effective sample size 1\.0 of 300 draws/);
    expect(text.err).toContain('expected at least minEss = 50');
    expect(text.err).toMatch(/Widen the observations' se.*check the observations.*more draws \(--draws\)/);
    expect(text.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('(d) refuses in the library too, before the lever search', async () => {
    const o = calibrated(1e-6, { calibration: { method: 'importance', minEss: 200 } });

    await expect(runScenario(toyInput(o), fast)).rejects.toThrow(/effective sample size 1\.0 of 2000 draws .* expected at least minEss = 200/);
  });

  it('(e) gives bit-identical weighted results whatever the number of workers and the batch size', async () => {
    const input = toyInput(calibrated(0.004, { draws: 600 }));
    const runs: [number, number][] = [
      [1, 600],
      [1, 7],
      [2, 1],
      [2, 64],
    ];
    const results: RunResult[] = [];
    for (const [workers, batchSize] of runs) results.push(await runScenario(input, { ...fast, workers, batchSize }));

    expect(results[0].calibration!.ess).toBeLessThan(600 / 2);
    results.forEach((r) => expect(what(r)).toBe(what(results[0])));
  });
});
