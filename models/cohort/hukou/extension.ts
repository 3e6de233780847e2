/**
 * The hukou accounts as an extension of the cohort runner: split at the baseline, then one
 * {@link hukouStep} (or the runner's kernel's build of it) after each resident step, writing the
 * hukou series.
 *
 * @module
 */
import { jsKernel, type CohortKernel, type StepInputs } from '../kernel.js';
import { recordHukou, splitBaseline } from './accounts.js';
import { HP } from './params.js';
import { HFLOW_SLOTS, HUKOU_SLOTS, hukouStep, hukouTotals, type HukouInputs } from './step.js';

/** What the cohort runner calls, when present, at the baseline and after each step. */
export interface StepExtension {
  baseline(P: Float64Array, paths: Float64Array, out: Float64Array): void;
  step(t: number, k: StepInputs, flows: Float64Array, paths: Float64Array, out: Float64Array): void;
}

/** The hukou extension; `state` and `flows` (layouts in step.ts) are valid until its next call. */
export interface HukouExtension extends StepExtension {
  readonly state: Float64Array;
  readonly flows: Float64Array;
}

/**
 * Creates the hukou extension for H steps; its parameters start at index `p0`. Its state lives in
 * `kern`'s memory and it steps with `kern`'s build of {@link hukouStep} when there is one: give it
 * the runner's kernel.
 *
 * @example
 * const kern = selectKernel();
 * const runner = createCohortRunner(data, 14, createHukouExtension(12, 14, 2021, conversionIsCount, kern), kern);
 */
export function createHukouExtension(p0: number, H: number, baseYear: number, conversionIsCount: boolean, kern: CohortKernel = jsKernel): HukouExtension {
  const Z = kern.alloc(HUKOU_SLOTS);
  const W = kern.alloc(HUKOU_SLOTS);
  const hf = kern.alloc(HFLOW_SLOTS);
  const step = kern.hukouStep ?? hukouStep;
  const T1 = H + 1;
  const hk: HukouInputs = {
    conversion: 0,
    conversionIsCount,
    gain: 0,
    arrivalsNonLocal: 1,
    outsideChange: 0,
    conversionParam: p0 + HP.conversion,
    arrivalsParam: p0 + HP.arrivalsNonLocal,
  };
  const at = (p: number, t: number, paths: Float64Array) => paths[(p0 + p) * H + t];
  return {
    state: Z,
    flows: hf,
    baseline(P, paths, out) {
      const b = { registered: at(HP.registered, 0, paths), hukouShare: at(HP.hukouShare, 0, paths), nonLocal: at(HP.nonLocal, 0, paths) };
      splitBaseline(P, Z, b, baseYear);
      hf.fill(0);
      hukouTotals(Z, hf);
      recordHukou(out, T1, 0, Z, hf);
    },
    step(t, k, flows, paths, out) {
      hk.conversion = at(HP.conversion, t, paths);
      hk.gain = at(HP.gain, t, paths);
      hk.arrivalsNonLocal = at(HP.arrivalsNonLocal, t, paths);
      hk.outsideChange = at(HP.outsideChange, t, paths);
      step(Z, W, k, hk, flows, hf, baseYear + t + 1);
      recordHukou(out, T1, t + 1, Z, hf);
    },
  };
}
