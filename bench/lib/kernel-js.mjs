/**
 * One-core throughput of the cohort step kernel alone (cell-steps per second, 404 cells per
 * step), in JavaScript or its WebAssembly build (whole draws: models.mjs).
 *
 * @module
 */
import { CELLS, FLOW_SLOTS, jsKernel } from '../../dist/models/cohort/kernel.js';
import { timeAtLeast } from './stats.mjs';

/** Per kernel and inputs, its arrays and step inputs, placed in its memory once (as the runner does). */
const spaces = new WeakMap();

function workspace(kern, { data, steps }) {
  const byInputs = spaces.get(kern) ?? new WeakMap();
  spaces.set(kern, byInputs);
  let w = byInputs.get(steps);
  if (w) return w;
  // The same object shape, field order and field kinds as the runner's (models/cohort/runner.ts).
  const k = {
    survival: null,
    birthSurvival: null,
    h: kern.place(data.h),
    hLo: data.hLo,
    hHi: data.hHi,
    tfrU: 0.5,
    tfrR: 0.5,
    srb: 0.5,
    rho: 0.5,
    gRU: kern.place(data.gRU),
    ret: 0.5,
    gUR: kern.place(data.gUR),
    c: 0.5,
    extU: 0.5,
    extR: 0.5,
    extUIsCount: data.extUIsCount,
    extRIsCount: data.extRIsCount,
    e: kern.place(data.e),
    eMax: data.eMax,
    extUParam: 10,
    extRParam: 11,
  };
  const placed = steps.map((s) => ({ ...s, survival: kern.place(s.survival), birthSurvival: kern.place(s.birthSurvival) }));
  k.survival = placed[0].survival;
  k.birthSurvival = placed[0].birthSurvival;
  w = { P: kern.alloc(CELLS), Q: kern.alloc(CELLS), flows: kern.alloc(FLOW_SLOTS), k, steps: placed };
  byInputs.set(steps, w);
  return w;
}

/**
 * Projects the baseline H steps, `reps` times, with `kern` (a `CohortKernel`; the JavaScript one
 * by default), and returns a copy of the final population of the last rep.
 *
 * @example
 * const P = projectReps(inputs, 1);
 */
export function projectReps(inputs, reps, kern = jsKernel) {
  const { data, H } = inputs;
  const { P, Q, flows, k, steps } = workspace(kern, inputs);
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
      kern.step(P, Q, k, flows, data.baseYear + t + 1);
    }
  }
  return Float64Array.from(P);
}

/**
 * Cell-steps per second of the kernel `kern` (JavaScript by default) over about `seconds` of work.
 *
 * @example
 * kernelThroughput(inputs, 1).cellStepsPerSecond;
 */
export function kernelThroughput(inputs, seconds, kern = jsKernel) {
  const per = CELLS * inputs.H;
  const [reps, s] = timeAtLeast(seconds, 64, (n) => projectReps(inputs, n, kern));
  return { cellSteps: reps * per, seconds: s, cellStepsPerSecond: (reps * per) / s };
}
