/**
 * Shared arrangements for the cohort model's tests: a compile context, a compiled projection from
 * raw assumptions, the model's own step loop exposed cell by cell, and small numeric helpers.
 *
 * Nothing here re-implements the model: `kernelTrajectory` records the 404 cells through the
 * runner's `observe` hook (the runner's outputs are totals only); `runner.test.ts` checks that its
 * cells add up to the runner's totals.
 */
import { fileURLToPath } from 'node:url';
import cohort, { METRICS } from '../../../models/cohort/index.js';
import type { CohortData } from '../../../models/cohort/compile.js';
import { CELLS, FLOW_SLOTS, type CohortKernel, type StepInputs } from '../../../models/cohort/kernel.js';
import { createCohortRunner } from '../../../models/cohort/runner.js';
import type { CohortAssumptions } from '../../../models/cohort/schema.js';
import { DrawError, type CompileContext, type CompiledModel } from '../../../src/engine/model.js';
import { compileParams, evaluatePaths, medianInputs, type CompiledParams } from '../../../src/params/compile.js';

/** Absolute path of the repository's `seeds/data/`. */
export const dataDir = fileURLToPath(new URL('../../../seeds/data/', import.meta.url));

/** A compile context (Heze-like defaults), overridable field by field. */
export function context(over: Partial<CompileContext> = {}): CompileContext {
  const baseYear = over.baseYear ?? 2021;
  const steps = over.steps ?? 14;
  return {
    scenarioFile: '/tmp/cohort-test.yml',
    baseYear,
    horizon: baseYear + steps,
    steps,
    population: 8.7e6,
    urbanShare: 0.519,
    dataDir,
    ...over,
  };
}

/** Plausible assumptions (Heze-like), for tests that vary one thing at a time. */
export function baseAssumptions(): Record<string, unknown> {
  return {
    tfr: { urban: 1.0, rural: 1.3 },
    e0: { urban: { female: 81, male: 76 }, rural: { female: 79, male: 74 } },
    srb: 1.1,
    ruralToUrban: 0.02,
    urbanToRural: 0.002,
    reclassification: 0.005,
    external: { urban: { rate: 0 }, rural: { rate: -0.003 } },
  };
}

/** A scenario validated and compiled, ready to run draws. */
export interface Setup {
  A: CohortAssumptions;
  ctx: CompileContext;
  params: CompiledParams;
  compiled: CompiledModel<CohortData>;
  H: number;
}

/** Validates raw assumptions with the model's schema and compiles parameters and model. */
export function setup(raw: unknown, ctx: CompileContext = context()): Setup {
  const A = cohort.assumptionsSchema.parse(raw);
  const params = compileParams(cohort.parameters(A, ctx), ctx.baseYear, ctx.steps);
  const compiled = cohort.compile(A, ctx);
  return { A, ctx, params, compiled, H: ctx.steps };
}

/** The median draw's paths (layout `[param * H + t]`). */
export function medianPaths(s: Setup): Float64Array {
  const paths = new Float64Array(s.params.keys.length * s.H);
  evaluatePaths(s.params, medianInputs(s.params), paths);
  return paths;
}

/** Output of one run, with access by metric name. */
export interface Projection {
  out: Float64Array;
  H: number;
  /** Series of a metric, t = 0 … H. */
  series(name: string): number[];
}

/** Index of a metric in the output layout. */
export function metricIndex(name: string): number {
  const m = METRICS.findIndex((x) => x.name === name);
  if (m < 0) throw new Error(`no metric ${name}`);
  return m;
}

/** Wraps a runner's output buffer. */
export function projection(out: Float64Array, H: number): Projection {
  return {
    out,
    H,
    series: (name) => {
      const m = metricIndex(name);
      return Array.from(out.subarray(m * (H + 1), (m + 1) * (H + 1)));
    },
  };
}

/** Runs `paths` (default: the median draw) through a fresh runner. */
export function run(s: Setup, paths: Float64Array = medianPaths(s)): Projection {
  const out = new Float64Array(METRICS.length * (s.H + 1));
  cohort.createRunner(s.compiled, s.params).run(paths, out);
  return projection(out, s.H);
}

/** Validates, compiles and runs the median draw. */
export function project(raw: unknown, ctx: CompileContext = context()): Projection {
  return run(setup(raw, ctx));
}

/** Every state P_t (t = 0 … H, 404 cells each) and every step's flow slots, from the model's own kernel. */
export interface Trajectory {
  cells: Float64Array[];
  flows: Float64Array[];
}

/**
 * Every state and every step's raw flow slots, seen through the runner's `observe` hook (so the
 * trajectory is exactly the runner's). For tests that need cells rather than totals.
 */
export function kernelTrajectory(d: CohortData, H: number, paths: Float64Array): Trajectory {
  const cells: Float64Array[] = [];
  const flows: Float64Array[] = [];
  const out = new Float64Array(METRICS.length * (H + 1));
  createCohortRunner(d, H).run(paths, out, (_t, state, f) => {
    cells.push(Float64Array.from(state));
    flows.push(f === null ? new Float64Array(FLOW_SLOTS) : Float64Array.from(f));
  });
  return { cells, flows };
}

/** Sum of `a[from … to−1]`. */
export function sum(a: ArrayLike<number>, from = 0, to = a.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
}

/** |a − b| relative to the larger magnitude (and to `floor`, for values near zero). */
export function relDiff(a: number, b: number, floor = 0): number {
  const d = Math.abs(a - b);
  if (d === 0) return 0;
  return d / Math.max(Math.abs(a), Math.abs(b), floor);
}

/** True when two typed arrays hold the same bits. */
export function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** What one step of a kernel did: the bits of the new population and flows, or the DrawError it threw. */
export interface StepOutcome {
  P: BigUint64Array;
  flows: BigUint64Array;
  error?: { message: string; year: number; param: number };
}

const bits = (a: Float64Array): BigUint64Array => new BigUint64Array(Float64Array.from(a).buffer);

/**
 * Steps a copy of `P` once with `kern` (arrays that are not the kernel's own are copied in and
 * out); outcomes compare with `toEqual` bit for bit and, for errors, by message, year and parameter.
 */
export function stepOutcome(kern: CohortKernel, P: Float64Array, k: StepInputs, year: number): StepOutcome {
  const p = Float64Array.from(P);
  const flows = new Float64Array(FLOW_SLOTS);
  try {
    kern.step(p, new Float64Array(CELLS), k, flows, year);
    return { P: bits(p), flows: bits(flows) };
  } catch (e) {
    if (!(e instanceof DrawError)) throw e;
    return { P: bits(p), flows: bits(new Float64Array(FLOW_SLOTS)), error: { message: e.message, year: e.year, param: e.param } };
  }
}

/** The values of a {@link StepOutcome}'s bits. */
export function values(b: BigUint64Array): Float64Array {
  return new Float64Array(BigUint64Array.from(b).buffer);
}
