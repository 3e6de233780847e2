/**
 * The interactive report's run: the main run of `runScenario` (src/engine/run.ts) in one thread,
 * with the engine's own parts: the deterministic run and the draws by {@link DrawKernel} (the same
 * sampler and model runners), aggregated by {@link RunAccumulator} (pilot of the first
 * {@link PILOT_DRAWS} draws, then every draw in order) and assembled by `summarize`. The
 * aggregates do not depend on the batch size, so P(met), the quantiles and the moments are the
 * CLI's bit for bit for the same compiled scenario. Left out: the lever search ("what would it
 * take"), the check that every series is finite (the accumulator still checks the targets'
 * values) and a calibrated run's minimum effective sample size.
 *
 * Runs in the page's Web Worker (and in Node, for tests); between batches it awaits `pause`, so
 * that a newer request can stop it.
 *
 * @module
 */
import { RunAccumulator } from '../../../engine/aggregate/accumulator.js';
import type { CompiledScenario } from '../../../engine/compile.js';
import { DrawKernel, type BatchResult, type DrawTask } from '../../../engine/kernel.js';
import type { ModelDefinition } from '../../../engine/model.js';
import type { RunResult } from '../../../engine/result.js';
import { PILOT_DRAWS } from '../../../engine/pilot.js';
import { sensitivityBins } from '../../../engine/sensitivity.js';
import { summarize, type RunInfo } from '../../../engine/summarize.js';

/** Options of {@link runDraws}. */
export interface DrawRunOptions {
  /** Draws per batch between progress reports (default 100); the results do not depend on it. */
  batch?: number;
  /** Sensitivity indices (the drivers; default true). */
  sensitivity?: boolean;
  /** Called after each batch with the draws done. */
  progress?: (done: number, total: number) => void;
  /** Awaited between batches; resolves false to stop (then `runDraws` resolves null). */
  pause?: () => Promise<boolean>;
  /**
   * Other threads drawing with the same compiled scenario: `helpers[h](task)` resolves to the
   * batch's result. Batches after the pilot go round-robin to this thread and each helper, all
   * helpers' batches asked for at once (each helper runs its own in order), and are added in
   * draw order: the result is the same bits as without helpers.
   */
  helpers?: ((task: DrawTask) => Promise<BatchResult>)[];
  /** The scenario's identity for the result. */
  scenario: RunInfo['scenario'];
  engineVersion: string;
}

/**
 * Runs every draw of `cs` (its `sampling.draws`, from its seed) and summarises them as a
 * {@link RunResult} without levers; `models` maps model names to their definitions.
 *
 * @example
 * const r = await runDraws(cs, { cohort }, { scenario: result.scenario, engineVersion: '0.1.0' });
 * r.targets[0].pMet;
 */
export async function runDraws(cs: CompiledScenario, models: Record<string, ModelDefinition>, o: DrawRunOptions): Promise<RunResult | null> {
  const t0 = performance.now();
  const startedAt = new Date();
  const model = (name: string) => {
    const m = models[name];
    if (m === undefined) throw new Error(`the page has no model "${name}"`);
    return m;
  };
  const kernel = new DrawKernel(cs, model(cs.main.modelName), cs.references.map((r) => model(r.modelName)));
  const N = cs.main.sampling.draws;
  const batch = o.batch ?? 100;
  const sensitivity = o.sensitivity ?? true;
  const P = Math.min(N, PILOT_DRAWS);
  const tasks: DrawTask[] = [];
  for (let start = P; start < N; start += batch) tasks.push({ start, count: Math.min(batch, N - start), full: true });
  const helpers = o.helpers ?? [];
  const W = helpers.length + 1;
  // the helpers start on their batches while this thread runs the median path and the pilot
  const remote = tasks.map((task, i) => (i % W === 0 ? null : helpers[(i % W) - 1](task)));
  // a failed batch of a helper is reported when its turn comes (not as an unhandled rejection before)
  for (const r of remote) r?.catch(() => undefined);
  const median = kernel.medianRun();
  const pilot = kernel.run({ start: 0, count: P, full: true });
  const acc = new RunAccumulator(cs, [pilot], median, { sensitivity });
  acc.add(pilot);
  o.progress?.(P, N);
  for (const [i, task] of tasks.entries()) {
    if (o.pause !== undefined && !(await o.pause())) return null;
    const b = remote[i] === null ? kernel.run(task) : await remote[i];
    acc.add(b);
    o.progress?.(task.start + b.count, N);
  }
  return summarize(cs, acc, median, null, {
    scenario: o.scenario,
    run: {
      draws: N,
      seed: cs.main.sampling.seed,
      lhs: cs.main.sampling.lhs,
      workers: 1,
      batchSize: batch,
      leverDraws: 0,
      sensitivityBins: sensitivity ? sensitivityBins(N) : 0,
      engineVersion: o.engineVersion,
      startedAt: startedAt.toISOString(),
      seconds: (performance.now() - t0) / 1000,
    },
  });
}
