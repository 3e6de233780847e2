import { describe, expect, it } from 'vitest';
import { runScenario, type RunOptions } from '../../src/engine/run.js';
import type { DrawSource } from '../../src/engine/draw-source.js';
import { splitTasks } from '../../src/engine/pool.js';
import { toyInput, type ToyOptions } from '../fixtures/engine/toy-scenario.js';

// Toy model: total_t = P0·(1 + g)^t with a constant growth rate g, whatever the migration rate;
// so a population target's P(met) moves with growth only, and P(met) = 0.5 exactly where the
// shifted median growth ĝ + Δ reaches g* = (threshold / P0)^(1/t) − 1.
const P0 = 1_000_000;
const gStar = 1.1 ** (1 / 10) - 1; // total ≥ 1.1 M in 2030, 10 years after 2020

const scenario: ToyOptions = {
  draws: 2000,
  population: P0,
  assumptions: { migration: { dist: 'uniform', min: 0.01, max: 0.03 }, growth: { dist: 'uniform', min: 0, max: 0.01 } },
  sampling: { lhs: true, correlations: [] },
  targets: [
    { id: 'share', year: 2030, value: 0.6 },
    { id: 'people', metric: 'total', year: 2030, value: 1.1 * P0, lever: { param: 'growth' } },
    { id: 'people25', metric: 'total', year: 2025, value: 1.02 * P0, lever: { param: 'growth' } },
  ],
};

const fast: RunOptions = { progress: false, sensitivity: false, leverDraws: 2000 };

describe('runScenario: a lever per target', () => {
  it("answers each target for its own lever, and a population target's need moves with growth", async () => {
    const r = await runScenario(toyInput(scenario), { ...fast, workers: 1 });
    const [share, people, people25] = r.targets;

    expect(share.lever).toMatchObject({ param: 'migration', label: 'rural→urban migration rate', status: 'found' });
    expect(people.lever).toMatchObject({ param: 'growth', label: 'growth rate', unit: 'per year', status: 'found', bracket: [-0.5, 0.5] });
    expect(people25.lever).toMatchObject({ param: 'growth', status: 'found' });
    // P(met) < 0.5 at the assumed level, so the level needed is above it, and it is the known one
    expect(people.pMet).toBeLessThan(0.5);
    expect(people.lever!.assumed).toBeCloseTo(0.005, 12);
    expect(people.lever!.needed!).toBeGreaterThan(people.lever!.assumed);
    expect(Math.abs(people.lever!.needed! - gStar)).toBeLessThan(2e-4);
  });

  it('P(met) at the level found is 0.5 within the search tolerance', async () => {
    const r = await runScenario(toyInput(scenario), { ...fast, workers: 1 });
    const { needed, assumed } = r.targets[1].lever!;
    const delta = needed! - assumed;

    // the same draws with growth moved by Δ in the scenario itself (a uniform moves with its bounds)
    const moved = await runScenario(toyInput({ ...scenario, assumptions: { ...scenario.assumptions!, growth: { dist: 'uniform', min: delta, max: 0.01 + delta } } }), {
      ...fast,
      workers: 1,
      lever: false,
    });

    // the search stops when P(met) differs across its bracket by less than half its MC error at 0.5
    expect(Math.abs(moved.targets[1].pMet - 0.5)).toBeLessThan(0.5 / Math.sqrt(2000) + 0.01);
  });

  it("gives a target the same answer whatever other levers' targets the scenario has", async () => {
    const all = await runScenario(toyInput(scenario), { ...fast, workers: 1 });
    const shareOnly = await runScenario(toyInput({ ...scenario, targets: [scenario.targets![0]] }), { ...fast, workers: 1 });
    const peopleOnly = await runScenario(toyInput({ ...scenario, targets: scenario.targets!.slice(1), lever: { param: 'growth' } }), { ...fast, workers: 1 });

    expect(all.targets[0].lever).toEqual(shareOnly.targets[0].lever);
    expect(all.targets.slice(1).map((t) => t.lever)).toEqual(peopleOnly.targets.map((t) => t.lever));
  });

  it('is bit-identical for any number of workers and batch size', async () => {
    const input = toyInput({ ...scenario, draws: 600 });
    const levers = [];
    for (const [workers, batchSize] of [
      [1, 600],
      [1, 7],
      [2, 1],
      [2, 64],
    ]) {
      const r = await runScenario(input, { ...fast, leverDraws: 300, workers, batchSize });
      levers.push(JSON.stringify(r.targets.map((t) => t.lever)));
    }
    expect(new Set(levers).size).toBe(1);
    expect(levers[0]).toContain('"param":"growth"');
  });

  describe('overlapping the main run', () => {
    /**
     * A main run delivered slowly, batch by batch, with a pause after each: the lever search,
     * started once the lever draws are in, runs its evaluations in the pauses. Counts the shifted
     * (lever) tasks run before the main run's last batch; `onBatch` sees each main-run batch's end.
     */
    function slowSource(seen: { leverTasksDuringMain: number }, onBatch: (end: number) => void = () => {}): DrawSource {
      let mainDone = false;
      return async (from, to, consume, ctx) => {
        const run = ctx.exec.run.bind(ctx.exec);
        ctx.exec.run = (task, signal) => {
          if (task.shift !== undefined && !mainDone) seen.leverTasksDuringMain++;
          return run(task, signal);
        };
        for (const t of splitTasks(from, to, 100, true)) {
          consume(await run(t, ctx.signal));
          onBatch(t.start + t.count);
          await new Promise((r) => setTimeout(r, 2));
        }
        mainDone = true;
      };
    }

    it('runs its evaluations while the main run still draws, with the same answers as after it', async () => {
      const input = toyInput({ ...scenario, draws: 1500 });
      const seen = { leverTasksDuringMain: 0 };

      const overlapped = await runScenario(input, { ...fast, leverDraws: 300, workers: 1, source: slowSource(seen) });
      const plain = await runScenario(input, { ...fast, leverDraws: 300, workers: 1 });

      expect(seen.leverTasksDuringMain).toBeGreaterThan(0);
      expect(overlapped.targets.map((t) => t.lever)).toEqual(plain.targets.map((t) => t.lever));
      expect(overlapped.targets.map((t) => t.pMet)).toEqual(plain.targets.map((t) => t.pMet));
    });

    it('stops with the run when it is aborted after the lever search started', async () => {
      const input = toyInput({ ...scenario, draws: 1500 });
      const abort = new AbortController();
      const seen = { leverTasksDuringMain: 0 };

      const run = runScenario(input, { ...fast, leverDraws: 300, workers: 1, signal: abort.signal, source: slowSource(seen, (end) => end >= 800 && abort.abort()) });

      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(seen.leverTasksDuringMain).toBeGreaterThan(0);
    });
  });
});
