/**
 * The sampler compiled for the hot loop: {@link compileSampler} turns a unit's uncertain inputs
 * and {@link SamplingPlan} into flat typed arrays once; {@link sampleDraw} fills a draw's uniforms
 * and values from them with no object look-ups and no allocation.
 *
 * Two differences from the reference {@link sampleInputs}, both rounding only (about 1e-15
 * relative per input):
 * - the Gaussian copula runs over the correlated inputs and the factor's non-zero entries
 *   only ({@link applyCopula}): an input with an off-diagonal entry in its row of the factor gets
 *   the same bits; every other input keeps its uniform u as drawn instead of Φ(Φ⁻¹(u)), a round
 *   trip that only rounded it;
 * - Beta and PERT quantiles start from an interpolated table ({@link betaTableQuantile}).
 *
 * Layout: `kind[j]` a {@link Kind} code; `par[6j … 6j+5]` its constants; `table` the Beta tables,
 * input j's from `tableAt[j]`; `copula` the correlated inputs and their rows of the factor
 * ({@link CopulaSubset}); `z` scratch for their normal scores. Plain data and typed arrays:
 * structured-cloneable. The uniforms come from the WebAssembly generator (`philoxBatch`, the same
 * bits as `uniform`) where it runs: one per sampler object and thread, made at its first draw.
 *
 * @module
 */
import { BETA_TABLE_SIZE, betaTable, betaTableQuantile } from '../random/beta-table.js';
import { pertShape, triangularQuantile, truncNormalQuantile, type Dist } from '../random/distributions.js';
import { normalCdf, normalQuantile } from '../random/normal.js';
import { applyCopula, copulaSubset, type CopulaSubset } from './copula.js';
import { permute } from '../random/permutation.js';
import { uniform } from '../random/philox.js';
import { philoxBatch, type PhiloxBatch } from '../random/philox-wasm.js';
import type { UncertainInput } from './compile.js';
import type { SamplingPlan } from './sampler.js';

/** Quantile kinds of the plan. */
export const enum Kind {
  Constant = 0,
  Normal = 1,
  TruncNormal = 2,
  Uniform = 3,
  Triangular = 4,
  LogNormal = 5,
  /** lo + w·B⁻¹(u) (beta and PERT). */
  Beta = 6,
}

/** Constants per input in `par`. */
const P = 6;

/** A unit's sampler, compiled (see the module's layout). */
export interface CompiledSampler {
  n: number;
  seed: number;
  draws: number;
  lhs: boolean;
  stream: Float64Array;
  kind: Uint8Array;
  par: Float64Array;
  tableAt: Int32Array;
  table: Float64Array;
  copula: CopulaSubset;
  /** Scratch of the copula's normal scores, one per correlated input. */
  z: Float64Array;
}

/** Each sampler's WebAssembly generator (null: JavaScript's), made at its first draw in this thread. */
const generators = new WeakMap<CompiledSampler, PhiloxBatch | null>();

function generatorOf(s: CompiledSampler): PhiloxBatch | null {
  let g = generators.get(s);
  if (g === undefined) generators.set(s, (g = s.n > 0 ? philoxBatch(s.stream) : null));
  return g;
}

/** Writes input j's kind and constants; returns the Beta shape when it needs a table. */
function compileDist(d: Dist, kind: Uint8Array, par: Float64Array, j: number): [number, number] | null {
  const o = j * P;
  const set = (k: Kind, ...v: number[]) => {
    kind[j] = k;
    par.set(v, o);
  };
  switch (d.dist) {
    case 'normal':
      set(Kind.Normal, d.mean, d.sd);
      return null;
    case 'truncnormal':
      set(Kind.TruncNormal, d.mean, d.sd, d.min, d.max, normalCdf((d.min - d.mean) / d.sd), normalCdf((d.max - d.mean) / d.sd));
      return null;
    case 'uniform':
      set(Kind.Uniform, d.min, d.max);
      return null;
    case 'triangular':
      set(Kind.Triangular, d.min, d.mode, d.max);
      return null;
    case 'lognormal':
      set(Kind.LogNormal, d.median, d.sigma);
      return null;
    case 'beta': {
      const lo = d.min ?? 0;
      set(Kind.Beta, lo, (d.max ?? 1) - lo);
      return [d.alpha, d.beta];
    }
    case 'pert': {
      const w = d.max - d.min;
      if (w === 0) {
        set(Kind.Constant, d.min);
        return null;
      }
      set(Kind.Beta, d.min, w);
      return pertShape(d);
    }
  }
}

/**
 * Compiles the sampler of a unit's `inputs` under `plan`.
 *
 * @example
 * const s = compileSampler(unit.inputs, unit.sampling);
 * sampleDraw(s, 17, u, x);
 */
export function compileSampler(inputs: UncertainInput[], plan: SamplingPlan): CompiledSampler {
  const n = inputs.length;
  const kind = new Uint8Array(n);
  const par = new Float64Array(n * P);
  const tableAt = new Int32Array(n).fill(-1);
  const shapes: [number, number][] = [];
  inputs.forEach((inp, j) => {
    const shape = compileDist(inp.dist, kind, par, j);
    if (shape !== null) {
      tableAt[j] = shapes.length * BETA_TABLE_SIZE;
      shapes.push(shape);
    }
  });
  const table = new Float64Array(shapes.length * BETA_TABLE_SIZE);
  shapes.forEach(([a, b], k) => betaTable(a, b, table, k * BETA_TABLE_SIZE));
  const copula = copulaSubset(plan.cholesky, n);
  const stream = Float64Array.from(inputs, (i) => i.stream);
  return {
    n,
    seed: plan.seed,
    draws: plan.draws,
    lhs: plan.lhs,
    stream,
    kind,
    par,
    tableAt,
    table,
    copula,
    z: new Float64Array(copula.corr.length),
  };
}

/**
 * Fills `u` with draw i's uniforms (after stratification and copula) and `x` with the inputs'
 * values, one slot per input. Depends only on (seed, i, input name) and, with Latin-hypercube
 * sampling, the number of draws.
 *
 * @example
 * const s = compileSampler(unit.inputs, unit.sampling);
 * const u = new Float64Array(s.n), x = new Float64Array(s.n);
 * sampleDraw(s, 17, u, x);
 */
export function sampleDraw(s: CompiledSampler, i: number, u: Float64Array, x: Float64Array): void {
  const { n, seed, draws, stream, kind, par, z } = s;
  const scoreAt = s.copula.scoreAt;
  const philox = generatorOf(s);
  if (philox !== null) philox.fill(seed, i, u);
  else for (let j = 0; j < n; j++) u[j] = uniform(seed, i, stream[j], 0);
  if (s.lhs) for (let j = 0; j < n; j++) u[j] = (permute(i, draws, seed, stream[j]) + u[j]) / draws;
  if (z.length > 0) applyCopula(s.copula, u, z);
  for (let j = 0; j < n; j++) {
    const o = j * P;
    const p = u[j];
    switch (kind[j]) {
      case Kind.Normal:
        // a kept uniform's normal score is already in z (the same bits as Φ⁻¹(u))
        x[j] = par[o] + par[o + 1] * (scoreAt[j] >= 0 ? z[scoreAt[j]] : normalQuantile(p));
        break;
      case Kind.Beta:
        x[j] = par[o] + par[o + 1] * betaTableQuantile(s.table, s.tableAt[j], p);
        break;
      case Kind.Uniform:
        x[j] = par[o] + p * (par[o + 1] - par[o]);
        break;
      case Kind.TruncNormal:
        x[j] = truncNormalQuantile(p, par[o], par[o + 1], par[o + 2], par[o + 3], par[o + 4], par[o + 5]);
        break;
      case Kind.Triangular:
        x[j] = triangularQuantile(p, par[o], par[o + 1], par[o + 2]);
        break;
      case Kind.LogNormal:
        x[j] = par[o] * Math.exp(par[o + 1] * normalQuantile(p));
        break;
      default:
        x[j] = par[o];
    }
  }
}
