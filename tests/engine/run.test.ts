import { describe, expect, it } from 'vitest';
import { BINS, pilotRange } from '../../src/engine/aggregate/histogram.js';
import { compileScenario } from '../../src/engine/compile.js';
import { DrawFailure } from '../../src/engine/draw-failure.js';
import { DrawKernel } from '../../src/engine/kernel.js';
import type { ModelDefinition } from '../../src/engine/model.js';
import type { RunResult } from '../../src/engine/result.js';
import { PILOT_DRAWS, runScenario, type RunOptions } from '../../src/engine/run.js';
import { compileParams, evaluatePaths } from '../../src/params/compile.js';
import { rich, what } from '../fixtures/engine/rich-scenario.js';
import { toyInput, type ToyOptions } from '../fixtures/engine/toy-scenario.js';
import toy from '../fixtures/toy-model.js';

const fast: RunOptions = { progress: false, leverDraws: 120 };

describe('runScenario: determinism', () => {
  it('gives bit-identical results whatever the number of workers and the batch size', async () => {
    const input = toyInput(rich);
    const runs: [number, number][] = [
      [1, 300],
      [1, 7],
      [2, 1],
      [2, 64],
      [4, 13],
    ];
    const results = [];
    // cores: 4 lets 4 threads run even on a 2-core machine (runs are otherwise capped at the cores)
    for (const [workers, batchSize] of runs) results.push(await runScenario(input, { ...fast, workers, batchSize, cores: 4 }));

    const reference = what(results[0]);
    results.forEach((r, i) => {
      expect(r.run).toMatchObject({ workers: runs[i][0], batchSize: runs[i][1] });
      expect(what(r)).toBe(reference);
    });
  });

  it('changes with the seed', async () => {
    const input = toyInput(rich);
    const [a, b] = [await runScenario(input, { ...fast, lever: false }), await runScenario(input, { ...fast, lever: false, seed: 12 })];
    expect(a.targets[0].pMet).not.toBe(b.targets[0].pMet);
  });
});

describe('runScenario: the result', () => {
  it('is plain JSON with the documented shape', async () => {
    const r = await runScenario(toyInput(rich), { ...fast, workers: 1 });

    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.schema).toBe('urbcast.run/1');
    expect(r.scenario).toEqual({ name: 'toy scenario', file: '/virtual/toy.yml', sha256: null, model: 'toy', region: 'Toyland', sets: [] });
    expect(r.run).toMatchObject({ draws: 300, seed: 11, lhs: true, leverDraws: 120, sensitivityBins: 17 });
    expect(r.metrics.map((m) => m.name)).toEqual(['total', 'urban', 'rural', 'urbanShare', 'ruralToUrban', 'contrib.internal']);
    const flow = r.metrics.find((m) => m.name === 'ruralToUrban')!;
    expect([flow.mean[0], flow.quantiles.p50[0], flow.deterministic[0]]).toEqual([null, null, null]);
    expect(r.inputs.map((i) => i.name)).toEqual(['migration.value', 'migration.change', 'growth.byYear.2022', 'targets.vsGain.reference.gain']);
    expect(r.inputs.map((i) => i.label)).toEqual(['rural→urban migration rate', 'rural→urban migration rate: annual change', 'growth rate in 2022', 'targets.vsGain.reference.gain']);
    expect(r.joint.milestones).toEqual(['u25', 'u30', 'near', 'vsProvince']);
    for (const t of r.targets) {
      expect(t.q025).toBeLessThanOrEqual(t.q10);
      expect(t.q10).toBeLessThanOrEqual(t.median);
      expect(t.median).toBeLessThanOrEqual(t.q90);
      expect(t.q90).toBeLessThanOrEqual(t.q975);
      expect(t.se).toBeCloseTo(Math.sqrt((t.pMet * (1 - t.pMet)) / 300), 15);
      expect(t.drivers).toHaveLength(4);
    }
  });

  it("gives first-year shares that add up to 1 for level targets, none for flows and gains", async () => {
    const r = await runScenario(toyInput(rich), { ...fast, lever: false, sensitivity: false });
    for (const t of r.targets) {
      if (t.kind !== 'level') expect(t.firstYear).toBeNull();
      else expect(Object.values(t.firstYear!).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    const u30 = r.targets.find((t) => t.id === 'u30')!;
    // met in 2030 ⇒ first met in 2030 or before
    const byThen = Object.entries(u30.firstYear!).filter(([y]) => y !== 'never' && Number(y) <= 2030).reduce((a, [, s]) => a + s, 0);
    expect(byThen).toBeGreaterThanOrEqual(u30.pMet - 1e-12);
    expect(r.targets.every((t) => t.drivers.length === 0 && t.lever === null)).toBe(true);
    expect(r.run).toMatchObject({ leverDraws: 0, sensitivityBins: 0 });
  });

  it('compares with a reference scenario on common random numbers', async () => {
    // the reference is the scenario itself: every draw's relative gain is exactly 0
    const self = toyInput({ ...rich, references: {} });
    const input = toyInput({
      ...rich,
      references: { 'self.yml': self },
      targets: [
        { id: 'ge', kind: 'gain', window: [2021, 2030], comparator: '>=', value: 0, reference: { scenario: 'self.yml' } },
        { id: 'gt', kind: 'gain', window: [2021, 2030], comparator: '>', value: 0, reference: { scenario: 'self.yml' } },
      ],
    });
    const r = await runScenario(input, { ...fast, workers: 2, lever: false });
    expect(r.targets.map((t) => [t.pMet, t.median, t.q025, t.q975])).toEqual([
      [1, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('runs a scenario without targets, or without uncertain inputs', async () => {
    const none = await runScenario(toyInput({ ...rich, targets: [] }), { ...fast, workers: 1 });
    expect([none.targets, none.joint]).toEqual([[], { pAll: null, se: null, verdict: null, milestones: [] }]);

    const fixed = await runScenario(toyInput({ assumptions: { migration: 0.02 }, targets: [{ year: 2030, value: 0.6 }] }), { ...fast, workers: 1 });
    const t = fixed.targets[0];
    // one possible future: every draw is the deterministic path
    expect([t.pMet, t.se, t.drivers, t.median, t.q025, t.q975]).toEqual([0, 0, [], t.deterministic, t.deterministic, t.deterministic]);
    expect(t.lever).toMatchObject({ status: 'found' });
  });

  it('rejects bad options', async () => {
    await expect(runScenario(toyInput(), { draws: 0 })).rejects.toThrow(/draws must be a whole number/);
    await expect(runScenario(toyInput(), { workers: 1.5 })).rejects.toThrow(RangeError);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(runScenario(toyInput(rich), { ...fast, workers: 1, signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

/** Triangular CDF. */
function triangularCdf(x: number, a: number, c: number, b: number): number {
  if (x <= a) return 0;
  if (x >= b) return 1;
  return x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
}

/** The toy's urban share in `year` with a constant migration rate m, run through the model itself. */
function shareWith(m: number, year: number): number {
  const input = toyInput({ assumptions: { migration: m } });
  const params = compileParams(toy.parameters(input.assumptions as never, input.ctx), 2020, 10);
  const compiled = toy.compile(input.assumptions as never, input.ctx);
  const paths = new Float64Array(2 * 10);
  evaluatePaths(params, new Float64Array(0), paths);
  const out = new Float64Array(6 * 11);
  toy.createRunner(compiled, params).run(paths, out);
  return out[3 * 11 + (year - 2020)];
}

/** The migration rate at which the 2030 share reaches `v`, by bisection on the model. */
function threshold(v: number): number {
  let lo = 0;
  let hi = 0.2;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (shareWith(mid, 2030) >= v) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

const tri = { dist: 'triangular' as const, min: 0.01, mode: 0.02, max: 0.035 };

describe('runScenario: accuracy', () => {
  it.each([false, true])('estimates a P(met) known exactly within 4 standard errors (LHS %s)', async (lhs) => {
    const mStar = threshold(0.6);
    const exact = 1 - triangularCdf(mStar, tri.min, tri.mode, tri.max);
    const n = 4000;

    const r = await runScenario(toyInput({ draws: n, seed: 3, assumptions: { migration: tri }, sampling: { lhs, correlations: [] }, targets: [{ year: 2030, value: 0.6 }] }), {
      ...fast,
      workers: 2,
      lever: false,
    });

    const t = r.targets[0];
    expect(Math.abs(t.pMet - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / n));
    expect(t.verdict).toBe('about as likely as not');
  });

  it('gives quantiles within one bin width of the exact sample quantiles', async () => {
    const input = toyInput({ ...rich, draws: 1000 });
    const r = await runScenario(input, { ...fast, lever: false, sensitivity: false });
    // the exact per-draw series, from the same kernel
    const cs = compileScenario(input);
    const kernel = new DrawKernel(cs, toy as ModelDefinition, [toy as ModelDefinition]);
    const all = kernel.run({ start: 0, count: 1000, full: true }).series!;
    const median = kernel.medianRun().series;
    const S = median.length;
    const T1 = cs.years.length;
    const m = 3; // urbanShare
    for (let t = 0; t < T1; t++) {
      const h = m * T1 + t;
      const xs = Array.from({ length: 1000 }, (_, d) => all[d * S + h]);
      const pilot = [...xs.slice(0, PILOT_DRAWS), median[h]];
      const [lo, hi] = pilotRange(Math.min(...pilot), Math.max(...pilot));
      const width = (hi - lo) / BINS;
      const sorted = [...xs].sort((a, b) => a - b);
      const q = r.metrics[m].quantiles;
      for (const [key, p] of [['p025', 0.025], ['p10', 0.1], ['p50', 0.5], ['p90', 0.9], ['p975', 0.975]] as const) {
        const exact = sorted[Math.ceil(p * 1000) - 1];
        expect(Math.abs(q[key][t]! - exact)).toBeLessThanOrEqual(width);
      }
      const mean = xs.reduce((a, b) => a + b, 0) / 1000;
      expect(r.metrics[m].mean[t]).toBeCloseTo(mean, 12);
    }
  });

  it('ranks the drivers of an outcome linear in two inputs by their analytic indices', async () => {
    // urban(2021) = U0·(1 + g) + R0·m with U0 = R0 = 500 000: S_m = Var m / (Var m + Var g) = 0.02² / (0.02² + 0.04²) = 0.2
    const r = await runScenario(
      toyInput({
        draws: 4000,
        assumptions: { migration: { dist: 'uniform', min: 0.01, max: 0.03 }, growth: { dist: 'uniform', min: -0.01, max: 0.03 } },
        targets: [{ metric: 'urban', year: 2021, value: 510_000 }],
      }),
      { ...fast, workers: 2, lever: false },
    );
    const [first, second] = r.targets[0].drivers;
    expect(first).toMatchObject({ input: 'growth.value', direction: 1 });
    expect(first.index).toBeGreaterThan(0.76);
    expect(first.index).toBeLessThan(0.84);
    expect(second).toMatchObject({ input: 'migration.value', direction: 1 });
    expect(second.index).toBeGreaterThan(0.16);
    expect(second.index).toBeLessThan(0.24);
  });

  it('finds the lever level a target needs when the answer is known', async () => {
    // P(met) = P(m + Δ ≥ m*) = 0.5 exactly when the shifted median m̃ + Δ equals the threshold m*
    const mStar = threshold(0.6);
    const r = await runScenario(
      toyInput({
        draws: 2000,
        assumptions: { migration: { dist: 'uniform', min: 0.01, max: 0.03 } },
        sampling: { lhs: true, correlations: [] },
        targets: [{ year: 2030, value: 0.6 }, { id: 'never', year: 2030, value: 0.45, comparator: '<=' }, { id: 'always', year: 2030, value: 0.4 }],
      }),
      { progress: false, workers: 2 },
    );
    const [reach, never, always] = r.targets.map((t) => t.lever!);
    expect(reach).toMatchObject({ param: 'migration', status: 'found', bracketed: true, draws: 2000 });
    expect(Math.abs(reach.needed! - mStar)).toBeLessThan(2e-4);
    expect(reach.assumed).toBeCloseTo(0.02, 12);
    // the share never falls below its baseline 0.5 with a migration rate ≥ 0
    expect(never).toMatchObject({ status: 'below', needed: null, bracket: [0, 1] });
    expect(always).toMatchObject({ status: 'above', needed: null });
  });
});

describe('runScenario: infeasible draws', () => {
  it('fails with a DrawFailure naming the first infeasible draw and its inputs, the same with any workers', async () => {
    const input = toyInput({ ...rich, assumptions: { ...rich.assumptions!, failAbove: 0.03 } });
    const errors: DrawFailure[] = [];
    for (const workers of [1, 2]) {
      const e = await runScenario(input, { ...fast, workers, batchSize: 16 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DrawFailure);
      errors.push(e as DrawFailure);
    }
    const [a, b] = errors;
    expect(a.message).toBe(b.message);
    expect(a.message).toMatch(new RegExp(`^draw ${a.info.draw} \\(seed 11\\) cannot be projected: migration rate .* is above 0\\.03 \\(year \\d{4}, parameter migration, scenario /virtual/toy\\.yml\\)`));
    expect(a.message).toMatch(/its uncertain inputs: migration\.value = [\d.]+, migration\.change = -?[\d.e-]+, growth\.byYear\.2022 = -?[\d.e-]+, targets\.vsGain\.reference\.gain = [\d.]+$/);
    // no earlier draw is infeasible
    const cs = compileScenario(input);
    const kernel = new DrawKernel(cs, toy as ModelDefinition, [toy as ModelDefinition]);
    expect(kernel.run({ start: 0, count: a.info.draw, full: false }).error).toBeNull();
  });

  it('fails with a DrawFailure when even the median path cannot be projected', async () => {
    const input = toyInput({ assumptions: { migration: 0.02, failAbove: 0.01 }, targets: [{ year: 2030 }] });
    await expect(runScenario(input, { ...fast, workers: 1 })).rejects.toThrow(/^the median path \(every uncertain input at its median\) cannot be projected: migration rate 0.02 is above 0.01 \(year 2021, parameter migration/);
  });
});

describe('runScenario: onPhase', () => {
  it('reports compile, start, draws, levers and summary in that order, with their wall times, the draws and the lever evaluations', async () => {
    // Arrange
    const input = toyInput(rich);
    const phases: { name: string; seconds: number; draws?: number; workers?: number; evaluations?: number; leverDraws?: number }[] = [];
    const t0 = performance.now();
    // Act
    const r = await runScenario(input, { ...fast, workers: 1, onPhase: (p) => phases.push(p) });
    const elapsed = (performance.now() - t0) / 1000;
    // Assert
    expect(phases.map((p) => p.name)).toEqual(['compile', 'start', 'draws', 'levers', 'summary']);
    for (const p of phases) expect(p.seconds).toBeGreaterThanOrEqual(0);
    expect(phases.reduce((s, p) => s + p.seconds, 0)).toBeLessThanOrEqual(elapsed);
    expect(phases[2]).toMatchObject({ draws: r.run.draws, workers: 1 });
    expect(phases[3].leverDraws).toBe(r.run.leverDraws);
    expect(phases[3].evaluations).toBeGreaterThan(0);
  });

  it('has no levers phase when the run answers no "what would it take"', async () => {
    const phases: string[] = [];
    await runScenario(toyInput(rich), { ...fast, workers: 1, lever: false, onPhase: (p) => phases.push(p.name) });
    expect(phases).toEqual(['compile', 'start', 'draws', 'summary']);
  });
});
