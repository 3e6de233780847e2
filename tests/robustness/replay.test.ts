/**
 * `--replay-draw i` re-runs exactly draw i (bit-identical to the draw in a pooled run), a failing
 * draw is named with its inputs, and a NaN in a draw's output stops the run naming the draw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { compileScenario } from '../../src/engine/compile.js';
import { compiledUrl } from '../../src/engine/compiled-url.js';
import { DrawFailure, NonFiniteOutput } from '../../src/engine/draw-failure.js';
import type { EngineInput } from '../../src/engine/input.js';
import type { ModelDefinition } from '../../src/engine/model.js';
import { createExecutor } from '../../src/engine/pool.js';
import { replayDraw, runScenario } from '../../src/engine/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { capture } from '../cli/capture.js';
import { toyInput } from '../fixtures/engine/toy-scenario.js';
import nanModel from '../fixtures/nan-model.js';

const base = 'tests/fixtures/scenarios/base.yml';
/** External emigration counts that some draws (not the median) cannot take from the rural population. */
const emigration = 'assumptions.external.rural={count: {dist: uniform, min: -400000, max: 0}}';
const quick = { lever: false, sensitivity: false, progress: false } as const;

describe('replayDraw', () => {
  it('gives draw i exactly as a 2-worker pooled run computes it', async () => {
    const loaded = await loadScenario(base);
    const cs = compileScenario(loaded, { draws: 300 });
    const exec = await createExecutor(cs, 2);
    const batch = await exec.run({ start: 0, count: 300, full: true }).finally(() => exec.close());
    const S = batch.series!.length / 300;

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 299 }), async (i) => {
        const r = await replayDraw(loaded, i, { draws: 300 });

        expect(r.draw).toBe(i);
        expect(Float64Array.from(r.series.flatMap((s) => s.values))).toEqual(batch.series!.subarray(i * S, (i + 1) * S));
        expect(r.targets.map((t) => t.value)).toEqual(Array.from(batch.values.subarray(i * cs.targets.length, (i + 1) * cs.targets.length)));
        expect(r.inputs.map((x) => x.name)).toEqual(cs.main.inputs.map((x) => x.name));
      }),
      { numRuns: 8 },
    );
  });

  it('rejects a draw index outside the run as a usage error (exit code 2)', async () => {
    const loaded = await loadScenario(base);

    await expect(replayDraw(loaded, 200)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^--replay-draw must be a draw index from 0 to 199/) });
  });
});

describe('a draw that cannot be projected', () => {
  it('stops the run with a DrawFailure naming the draw and its inputs, which the replay reproduces', async () => {
    const loaded = await loadScenario(base, { sets: [emigration] });

    const e = (await runScenario(loaded, { ...quick, draws: 200, workers: 2 }).catch((x: unknown) => x)) as DrawFailure;

    expect(e).toBeInstanceOf(DrawFailure);
    const r = await replayDraw(loaded, e.info.draw);
    expect(r.failure).toEqual(e.info);
    expect(e.info.inputs.map((i) => i.name)).toEqual(['ruralToUrban.value', 'external.rural.count.value']);
    expect(e.message).toMatch(new RegExp(`^draw ${e.info.draw} \\(seed 7\\) cannot be projected: .*; its uncertain inputs: ruralToUrban.value = [\\d.]+, external.rural.count.value = -\\d+`));
  });

  it('simulate prints it with the command that replays the draw; the replay prints the inputs and why (exit 2)', async () => {
    const run = capture();
    const code = await main(['--scenario', base, '--set', emigration, '--draws', '200', '--workers', '1', '--quiet'], run.io);
    const draw = Number(/--replay-draw (\d+)\n$/.exec(run.text.err)?.[1]);
    const replay = capture();
    const replayCode = await main(['--scenario', base, '--set', emigration, '--draws', '200', '--replay-draw', String(draw), '--format', 'json'], replay.io);

    expect(code).toBe(2);
    expect(run.text.err).toMatch(new RegExp(`^draw ${draw} \\(seed 7\\) cannot be projected: .*\\nre-run that draw alone: simulate --scenario ${base} --set '${emigration.replace(/[{}]/g, '\\$&')}' --draws 200 --replay-draw ${draw}\\n$`));
    expect(replayCode).toBe(2);
    const json = JSON.parse(replay.text.out) as { draw: number; inputs: { name: string }[]; failure: { draw: number } };
    expect(json.draw).toBe(draw);
    expect(json.failure.draw).toBe(draw);
    expect(replay.text.err).toMatch(new RegExp(`^draw ${draw} \\(seed 7\\) cannot be projected: `));
  });
});

describe('simulate --replay-draw', () => {
  it('prints the inputs, the parameters by year and the path as tables', async () => {
    const { io, text } = capture();

    const code = await main(['--scenario', base, '--replay-draw', '17'], io);

    expect(code).toBe(0);
    expect(text.out).toMatch(/^draw 17 of .*base\.yml \(seed 7, 200 draws\)\n\nuncertain inputs\n {2}input +value\n {2}ruralToUrban\.value +0\.0\d+\n/);
    expect(text.out).toContain('\nparameters by year\nyear  tfr.urban');
    expect(text.out).toMatch(/\npath\nyear +total +urban +rural +urbanShare/);
    expect(text.out.match(/^20(2\d|30) /gm)).toHaveLength(9 + 10);
  });

  it.each([
    [['--replay-draw', '-1'], 'usage: --replay-draw must be a whole number from 0 to 999999999, got -1'],
    [['--replay-draw', '1', '--format', 'csv'], 'usage: --replay-draw prints a table or json, not csv'],
    [['--replay-draw', '1', '--deterministic'], 'usage: --replay-draw re-runs one Monte Carlo draw'],
    [['--replay-draw', '1', '--out', 'x'], 'usage: --replay-draw prints on stdout; drop --out'],
  ])('%j is a usage error (exit 2)', async (extra, message) => {
    const { io, text } = capture();

    const code = await main(['--scenario', base, ...extra], io);

    expect(code).toBe(2);
    expect(text.err.startsWith(message)).toBe(true);
  });
});

describe('a NaN in a draw', () => {
  const nanInput = (o: Parameters<typeof toyInput>[0] = {}): EngineInput => ({
    ...toyInput({ assumptions: { migration: { dist: 'uniform', min: 0.01, max: 0.03 } }, ...o }),
    model: nanModel as ModelDefinition,
    modelModule: compiledUrl('../fixtures/nan-model.js', import.meta.url),
  });

  it.each([1, 2])('stops the run (%i workers) naming the first such draw, the metric, the year and the inputs', async (workers) => {
    const e = (await runScenario(nanInput(), { ...quick, workers }).catch((x: unknown) => x)) as NonFiniteOutput;

    expect(e).toBeInstanceOf(NonFiniteOutput);
    const u = e.info.inputs[0].value;
    expect(e.info).toMatchObject({ metric: 'urbanShare', year: 2030, inputs: [{ name: 'migration.value' }] });
    expect(u).toBeGreaterThan(0.025);
    expect(e.message).toBe(`draw ${e.info.draw} (seed 7) produced NaN for urbanShare in 2030 (scenario /virtual/toy.yml): a model error; its uncertain inputs: migration.value = ${Number(u.toPrecision(6))}`);
    const earlier = await replayDraw(nanInput(), e.info.draw);
    expect(earlier.inputs).toEqual(e.info.inputs);
  });

  it('on the median path, stops before any draw', async () => {
    const e = (await runScenario(nanInput({ assumptions: { migration: { dist: 'uniform', min: 0.026, max: 0.03 } } }), { ...quick, workers: 1 }).catch((x: unknown) => x)) as NonFiniteOutput;

    expect(e).toBeInstanceOf(NonFiniteOutput);
    expect(e.message).toMatch(/^the median path \(every uncertain input at its median\) produced NaN for urbanShare in 2030/);
  });
});
