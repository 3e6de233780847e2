import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.js';
import { projectDeterministic } from '../../src/engine/deterministic.js';
import { DrawKernel, readMetrics } from '../../src/engine/kernel.js';
import type { ModelDefinition } from '../../src/engine/model.js';
import { toyInput, type ToyOptions } from '../fixtures/engine/toy-scenario.js';
import toy from '../fixtures/toy-model.js';
import { RunAccumulator } from '../../src/engine/aggregate/accumulator.js';

const kernelFor = (o: ToyOptions) => {
  const input = toyInput(o);
  const cs = compileScenario(input);
  return { input, cs, kernel: new DrawKernel(cs, toy as ModelDefinition, cs.references.map(() => toy as ModelDefinition)) };
};

const uncertain: ToyOptions = {
  assumptions: { migration: { dist: 'uniform', min: 0.01, max: 0.03 }, growth: { dist: 'triangular', min: -0.01, mode: 0, max: 0.02 } },
  targets: [{ year: 2025 }, { kind: 'flow', metric: 'ruralToUrban', window: [2021, 2030], value: 0 }],
};

describe('DrawKernel', () => {
  it('returns the same numbers for a draw whatever the batch it runs in', () => {
    const { kernel } = kernelFor(uncertain);
    const whole = kernel.run({ start: 0, count: 60, full: true });
    const parts = [kernel.run({ start: 40, count: 20, full: true }), kernel.run({ start: 0, count: 17, full: true }), kernel.run({ start: 17, count: 23, full: true })];

    const glue = (k: 'series' | 'values' | 'uniforms') => [parts[1], parts[2], parts[0]].flatMap((p) => Array.from(p[k]!));
    expect(glue('series')).toEqual(Array.from(whole.series!));
    expect(glue('values')).toEqual(Array.from(whole.values));
    expect(glue('uniforms')).toEqual(Array.from(whole.uniforms!));
  });

  it('packs values, series and uniforms into one transferable buffer', () => {
    const { kernel, cs } = kernelFor(uncertain);
    const b = kernel.run({ start: 0, count: 3, full: true });
    expect(b.series!.buffer).toBe(b.values.buffer);
    expect(b.uniforms!.buffer).toBe(b.values.buffer);
    expect(b.values.length).toBe(3 * cs.targets.length);
    expect(b.series!.length).toBe(3 * cs.metrics.length * cs.years.length);
    expect(b.uniforms!.length).toBe(3 * cs.main.inputs.length);
  });

  it('returns only target values for lever evaluations', () => {
    const { kernel } = kernelFor(uncertain);
    const b = kernel.run({ start: 5, count: 4, full: false });
    expect([b.series, b.uniforms, b.values.length]).toEqual([null, null, 8]);
  });

  it('computes only the metrics asked for: targets reading them get the same bits, the others NaN', () => {
    // Arrange: target 0 reads one metric, target 1 another
    const { kernel, cs } = kernelFor(uncertain);
    const whole = kernel.run({ start: 0, count: 30, full: false, shift: { param: 0, delta: 0.003 } });
    const metrics = readMetrics(cs, [0]);
    // Act
    const part = kernel.run({ start: 0, count: 30, full: false, shift: { param: 0, delta: 0.003 }, metrics });
    // Assert
    expect(cs.targets[0].m).not.toBe(cs.targets[1].m);
    expect([...metrics].filter((f) => f === 1)).toHaveLength(1);
    expect(Array.from(part.values).filter((_, i) => i % 2 === 0)).toEqual(Array.from(whole.values).filter((_, i) => i % 2 === 0));
    expect(Array.from(part.values).filter((_, i) => i % 2 === 1).every(Number.isNaN)).toBe(true);
  });

  it('projects only as far as asked: targets ending by then get the same bits, later ones NaN', () => {
    // Arrange: a 2025 level target (t = 5) and a 2021–2030 flow (t up to 10); after other draws
    const { kernel } = kernelFor(uncertain);
    const whole = kernel.run({ start: 0, count: 30, full: false, shift: { param: 0, delta: 0.003 } });
    const early = Array.from(whole.values).filter((_, i) => i % 2 === 0);
    kernel.run({ start: 100, count: 5, full: false });
    // Act
    const part = kernel.run({ start: 0, count: 30, full: false, shift: { param: 0, delta: 0.003 }, steps: 5 });
    const tooShort = kernel.run({ start: 0, count: 30, full: false, steps: 4 });
    // Assert
    expect(Array.from(part.values).filter((_, i) => i % 2 === 0)).toEqual(early);
    expect(Array.from(part.values).filter((_, i) => i % 2 === 1).every(Number.isNaN)).toBe(true);
    expect(Array.from(tooShort.values).every(Number.isNaN)).toBe(true);
    expect(part.failed).toBe(0);
  });

  it('projects the median path exactly like the deterministic run', () => {
    const { kernel, input } = kernelFor(uncertain);
    const det = projectDeterministic(input);
    expect(Array.from(kernel.medianRun().series)).toEqual(det.series.flat());
  });

  it('stops at an infeasible draw and names it with its inputs', () => {
    const { kernel } = kernelFor({ ...uncertain, assumptions: { ...uncertain.assumptions!, failAbove: 0.025 } });
    const b = kernel.run({ start: 0, count: 100, full: true });
    expect(b.error).not.toBeNull();
    const info = b.error!;
    const mig = info.inputs.find((i) => i.name === 'migration.value')!;
    expect(mig.value).toBeGreaterThan(0.025);
    expect(info).toMatchObject({ year: 2021, param: 'migration', file: '/virtual/toy.yml' });
    expect(info.message).toMatch(/migration rate .* is above 0.025/);
    expect(info.inputs.map((i) => i.name)).toEqual(['migration.value', 'growth.value']);
    // every earlier draw was feasible
    const earlier = kernel.run({ start: 0, count: info.draw, full: false });
    expect(earlier.error).toBeNull();
  });

  it('counts infeasible draws when told to tolerate them', () => {
    const { kernel } = kernelFor({ ...uncertain, assumptions: { ...uncertain.assumptions!, failAbove: 0.025 } });
    const b = kernel.run({ start: 0, count: 200, full: false, tolerateErrors: true });
    const nan = Array.from(b.values).filter(Number.isNaN).length;
    expect(b.error).toBeNull();
    expect(b.failed).toBeGreaterThan(0);
    expect(nan).toBe(2 * b.failed);
  });

  it("shifts the lever's whole path and clamps it into its domain", () => {
    const { kernel, cs } = kernelFor({ assumptions: { migration: { value: 0.02, change: 0.001 } }, targets: [{ kind: 'flow', metric: 'ruralToUrban', window: [2021, 2030], value: 0 }] });
    const T1 = cs.years.length;
    const flows = (delta: number) => Array.from(kernel.run({ start: 0, count: 1, full: true, shift: { param: 0, delta } }).series!.subarray(4 * T1 + 1, 5 * T1));
    const base = flows(0);
    const up = flows(0.01);
    // the first year's flow is the shifted rate times the baseline rural population (500 000)
    expect(base[0]).toBeCloseTo(0.02 * 500_000, 6);
    expect(up[0]).toBeCloseTo(0.03 * 500_000, 6);
    // a shift below the domain's floor clamps every year's rate to 0: no migrants
    expect(flows(-1)).toEqual(new Array(10).fill(0));
  });

  it('reuses the reference parts of an earlier run instead of running the references again', () => {
    const province = toyInput({ file: '/virtual/province.yml', assumptions: { migration: { dist: 'uniform', min: 0.005, max: 0.02 } } });
    const { kernel } = kernelFor({
      ...uncertain,
      references: { 'province.yml': province },
      targets: [{ year: 2025 }, { kind: 'gain', window: [2021, 2030], value: 0, reference: { scenario: 'province.yml' } }],
    });
    const main = kernel.run({ start: 0, count: 30, full: true });
    const shift = { param: 0, delta: 0.004 };

    const rerun = kernel.run({ start: 10, count: 20, full: false, shift });
    const reused = kernel.run({ start: 10, count: 20, full: false, shift, refParts: main.refParts!.slice(20, 60) });

    expect(Array.from(reused.values)).toEqual(Array.from(rerun.values));
    // the level target has no reference part; the gain target's is the province's gain
    expect(main.refParts![0]).toBe(0);
    expect(main.refParts![1]).toBeGreaterThan(0);
  });

  it('reuses the input values of an earlier run of the same draws instead of sampling them again', () => {
    const { kernel, cs } = kernelFor(uncertain);
    const J = cs.main.inputs.length;
    const main = kernel.run({ start: 0, count: 30, full: true });
    const shift = { param: 0, delta: 0.004 };

    const resampled = kernel.run({ start: 10, count: 20, full: false, shift });
    const reused = kernel.run({ start: 10, count: 20, full: false, shift, inputs: main.inputs!.slice(10 * J, 30 * J) });
    const wrong = kernel.run({ start: 10, count: 20, full: false, shift, inputs: main.inputs!.slice(0, 20 * J) });

    expect(main.inputs!.length).toBe(30 * J);
    expect(Array.from(reused.values)).toEqual(Array.from(resampled.values));
    // the values do come from the inputs given (another draw's give other results)
    expect(Array.from(wrong.values)).not.toEqual(Array.from(resampled.values));
  });

  it('projects a reference only as far as its targets read it, with the same reference parts as a whole run', () => {
    const province = toyInput({ file: '/virtual/province.yml', assumptions: { migration: { dist: 'uniform', min: 0.005, max: 0.02 } } });
    const input = toyInput({
      ...uncertain,
      references: { 'province.yml': province },
      targets: [{ year: 2030 }, { kind: 'gain', window: [2021, 2024], value: 0, reference: { scenario: 'province.yml' } }],
    });
    const cs = compileScenario(input);
    const asked: (number | undefined)[] = [];
    // the reference's model: records the steps asked for; `whole` ignores them and runs every year
    const refModel = (whole: boolean) =>
      ({
        ...toy,
        createRunner: (m: never, p: never) => {
          const r = (toy as ModelDefinition).createRunner(m, p);
          return { run: (paths: Float64Array, out: Float64Array, obs?: never, steps?: number) => (asked.push(steps), whole ? r.run(paths, out) : r.run(paths, out, obs, steps)) };
        },
      }) as ModelDefinition;

    const limited = new DrawKernel(cs, toy as ModelDefinition, [refModel(false)]).run({ start: 0, count: 25, full: true });
    const stepsAsked = asked.splice(0);
    const full = new DrawKernel(cs, toy as ModelDefinition, [refModel(true)]).run({ start: 0, count: 25, full: true });

    // the gain target ends in 2024: 4 of the reference's 10 years
    expect(new Set(stepsAsked)).toEqual(new Set([4]));
    expect(Array.from(limited.refParts!)).toEqual(Array.from(full.refParts!));
    expect(Array.from(limited.values)).toEqual(Array.from(full.values));
    expect(limited.refParts![1]).toBeGreaterThan(0);
  });

  it('digests the series when asked, folding to the bits of the series themselves', () => {
    // Arrange: the run's histogram ranges from a pilot of draws 0 … 39
    const { kernel, cs } = kernelFor(uncertain);
    const median = kernel.medianRun();
    const pilot = kernel.run({ start: 0, count: 40, full: true });
    const [plain, digested] = [0, 1].map(() => new RunAccumulator(cs, [pilot], median, { sensitivity: true }));
    const spec = plain.digestSpec()!;
    // Act: the same draws, with and without a digest, in batches off the moment blocks
    for (const acc of [plain, digested]) acc.add(pilot);
    for (const [start, count] of [
      [40, 13],
      [53, 19],
      [72, 8],
    ]) {
      const b = kernel.run({ start, count, full: true, digest: spec });
      expect(b.digest).not.toBeNull();
      expect(Array.from(b.series!)).toEqual(Array.from(kernel.run({ start, count, full: true }).series!));
      plain.add({ ...b, digest: null });
      digested.add(b);
    }
    // Assert
    expect(Array.from(digested.series.counts)).toEqual(Array.from(plain.series.counts));
    for (const f of ['count', 's1', 's2', 'open'] as const) expect(Array.from(digested.seriesMoments[f])).toEqual(Array.from(plain.seriesMoments[f]));
    expect(kernel.run({ start: 0, count: 2, full: true }).digest).toBeNull();
  });
});
