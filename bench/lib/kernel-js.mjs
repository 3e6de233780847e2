/**
 * One-core throughput of the cohort model in JavaScript: the step kernel alone (cell-steps per
 * second, 404 cells per step) and a whole draw through the model's runner (life tables solved
 * from e0 every year, the kernel, the metrics).
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { CELLS, FLOW_SLOTS, cohortStep } from '../../dist/models/cohort/kernel.js';
import { createCohortRunner } from '../../dist/models/cohort/runner.js';

/**
 * Projects the baseline H steps, `reps` times, and returns the final population of the last rep.
 *
 * @example
 * const P = projectReps(inputs, 1);
 */
export function projectReps({ data, steps, H }, reps) {
  const P = new Float64Array(CELLS);
  const Q = new Float64Array(CELLS);
  const flows = new Float64Array(FLOW_SLOTS);
  // The same object shape, field order and field kinds as the runner's (models/cohort/runner.ts).
  const k = {
    survival: steps[0].survival,
    birthSurvival: steps[0].birthSurvival,
    h: data.h,
    hLo: data.hLo,
    hHi: data.hHi,
    tfrU: 0.5,
    tfrR: 0.5,
    srb: 0.5,
    rho: 0.5,
    gRU: data.gRU,
    ret: 0.5,
    gUR: data.gUR,
    c: 0.5,
    extU: 0.5,
    extR: 0.5,
    extUIsCount: data.extUIsCount,
    extRIsCount: data.extRIsCount,
    e: data.e,
    eMax: data.eMax,
    extUParam: 10,
    extRParam: 11,
  };
  for (let r = 0; r < reps; r++) {
    P.set(data.baseline);
    for (let t = 0; t < H; t++) {
      const s = steps[t];
      k.survival = s.survival;
      k.birthSurvival = s.birthSurvival;
      k.tfrU = s.tfrU;
      k.tfrR = s.tfrR;
      k.srb = s.srb;
      k.rho = s.rho;
      k.ret = s.ret;
      k.c = s.c;
      k.extU = s.extU;
      k.extR = s.extR;
      cohortStep(P, Q, k, flows, data.baseYear + t + 1);
    }
  }
  return P;
}

/** Calls `fn(reps)` with growing `reps` until one call takes at least `seconds`; returns [reps, s]. */
function timeAtLeast(seconds, reps, fn) {
  for (;;) {
    const t0 = performance.now();
    fn(reps);
    const s = (performance.now() - t0) / 1e3;
    if (s >= seconds) return [reps, s];
    reps = Math.ceil(reps * Math.min(16, Math.max(2, (1.2 * seconds) / Math.max(s, 1e-3))));
  }
}

/**
 * Cell-steps per second of the kernel over about `seconds` of work.
 *
 * @example
 * kernelThroughput(inputs, 1).cellStepsPerSecond;
 */
export function kernelThroughput(inputs, seconds) {
  const per = CELLS * inputs.H;
  const [reps, s] = timeAtLeast(seconds, 64, (n) => projectReps(inputs, n));
  return { cellSteps: reps * per, seconds: s, cellStepsPerSecond: (reps * per) / s };
}

/**
 * Draws per second of the model's runner (life tables + kernel + metrics) on the median paths.
 *
 * @example
 * runnerThroughput(inputs, 1).drawsPerSecond;
 */
export function runnerThroughput({ data, H, paths, unit }, seconds) {
  const runner = createCohortRunner(data, H);
  const out = new Float64Array(unit.model.metrics.length * (H + 1));
  const [reps, s] = timeAtLeast(seconds, 16, (n) => {
    for (let r = 0; r < n; r++) runner.run(paths, out);
  });
  return { draws: reps, seconds: s, drawsPerSecond: reps / s };
}
