/**
 * One-core throughput of each model's whole draw (`createRunner(...).run`: for the cohort model
 * the life tables solved from e0 every year, the step kernel, the hukou accounts when the scenario
 * has them, the metrics) at the median of every uncertain input, through the model's own
 * `createRunner` exactly as a worker calls it.
 *
 * Cells per step (the state a step advances): cohort 404 (2 areas × 2 sexes × 101 ages), plus
 * 1214 with the hukou accounts (3 status blocks of 404 and 2 outside stocks); components 2 (the
 * urban and rural totals); urgd 2 (the population and the logit of the urban share).
 *
 * @module
 */
import { loadScenario } from '../../dist/src/scenario/load.js';
import { compileScenario } from '../../dist/src/engine/compile.js';
import { loadModel } from '../../dist/models/index.js';
import { evaluatePaths, medianInputs } from '../../dist/src/params/compile.js';
import { timeAtLeast } from './stats.mjs';

const CELLS = { cohort: 404, components: 2, urgd: 2 };
const HUKOU_CELLS = 1214;

/**
 * A scenario's model, compiled, with a runner and the median paths: `measure(seconds)` times
 * whole draws. `kernel` ('js' | 'wasm') forces the cohort kernel as `URBCAST_KERNEL` does.
 *
 * @example
 * const m = await modelBench('scenarios/heze.yml');
 * m.measure(1).drawsPerSecond;
 */
export async function modelBench(file, kernel) {
  const cs = compileScenario(await loadScenario(file));
  const unit = cs.main;
  const def = await loadModel(unit.modelModule);
  const before = process.env.URBCAST_KERNEL;
  if (kernel) process.env.URBCAST_KERNEL = kernel;
  let runner;
  try {
    runner = def.createRunner(unit.model, unit.params);
  } finally {
    if (before === undefined) delete process.env.URBCAST_KERNEL;
    else process.env.URBCAST_KERNEL = before;
  }
  const H = unit.steps;
  const paths = new Float64Array(unit.params.keys.length * H);
  evaluatePaths(unit.params, medianInputs(unit.params), paths);
  const out = new Float64Array(unit.model.metrics.length * (H + 1));
  const hukou = unit.model.metrics.some((m) => m.name === 'hukouShare');
  const cells = (CELLS[unit.modelName] ?? NaN) + (hukou ? HUKOU_CELLS : 0);
  return {
    file,
    model: unit.modelName + (hukou ? ' + hukou' : ''),
    H,
    cells,
    /** The metrics of the last draw timed (every draw is the median path), by metric then year. */
    out,
    /** The compiled unit and the median paths every draw runs (the whole-draw yardstick's inputs). */
    unit,
    paths,
    measure(seconds) {
      const [reps, s] = timeAtLeast(seconds, 16, (n) => {
        for (let r = 0; r < n; r++) runner.run(paths, out);
      });
      return { draws: reps, seconds: s, drawsPerSecond: reps / s, cellStepsPerSecond: (reps * H * cells) / s };
    },
  };
}
