/** Shared arrangements for the urgd model's tests: a context, and runs from assumptions or paths. */
import { fileURLToPath } from 'node:url';
import urgd from '../../../models/urgd/index.js';
import type { UrgdAssumptions } from '../../../models/urgd/schema.js';
import type { CompileContext } from '../../../src/engine/model.js';
import { compileParams, evaluatePaths, medianInputs } from '../../../src/params/compile.js';

export const dataDir = fileURLToPath(new URL('../../../seeds/data/', import.meta.url));

export function context(over: Partial<CompileContext> = {}): CompileContext {
  const steps = over.steps ?? 14;
  const baseYear = over.baseYear ?? 2021;
  return { scenarioFile: '/tmp/urgd.yml', baseYear, horizon: baseYear + steps, steps, population: 8.7e6, urbanShare: 0.5187, dataDir, ...over };
}

/** Output of one run: `series(name)[t]`, t = 0 … H. */
export interface Projection {
  out: Float64Array;
  H: number;
  series(name: string): number[];
}

function wrap(out: Float64Array, H: number): Projection {
  const names = urgd.compile({ urgd: 0, growth: 0 }, context({ steps: H })).metrics.map((m) => m.name);
  return {
    out,
    H,
    series: (name) => {
      const m = names.indexOf(name);
      if (m < 0) throw new Error(`no metric ${name}`);
      return Array.from(out.subarray(m * (H + 1), (m + 1) * (H + 1)));
    },
  };
}

/** Validates `raw`, compiles it and runs its median draw. */
export function project(raw: unknown, ctx = context()): Projection {
  const A = urgd.assumptionsSchema.parse(raw);
  const params = compileParams(urgd.parameters(A, ctx), ctx.baseYear, ctx.steps);
  const paths = new Float64Array(params.keys.length * ctx.steps);
  evaluatePaths(params, medianInputs(params), paths);
  return runPaths(A, paths, ctx);
}

/** Runs given paths (layout `[param * H + t]`) through a fresh runner. */
export function runPaths(A: UrgdAssumptions, paths: Float64Array, ctx = context()): Projection {
  const H = ctx.steps;
  const params = compileParams(urgd.parameters(A, ctx), ctx.baseYear, H);
  const compiled = urgd.compile(A, ctx);
  const out = new Float64Array(compiled.metrics.length * (H + 1));
  urgd.createRunner(compiled, params).run(paths, out);
  return wrap(out, H);
}

/** Paths from per-parameter arrays of length H. */
export function pathsOf(...rows: number[][]): Float64Array {
  return Float64Array.from(rows.flat());
}

export const logitOf = (u: number) => Math.log(u / (1 - u));
export const logisticOf = (L: number) => 1 / (1 + Math.exp(-L));
