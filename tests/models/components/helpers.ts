/** Shared arrangements for the components model's tests. */
import { fileURLToPath } from 'node:url';
import components, { METRICS } from '../../../models/components/index.js';
import type { ComponentsAssumptions } from '../../../models/components/schema.js';
import type { CompileContext } from '../../../src/engine/model.js';
import { compileParams, evaluatePaths, medianInputs } from '../../../src/params/compile.js';

export const dataDir = fileURLToPath(new URL('../../../seeds/data/', import.meta.url));

export function context(over: Partial<CompileContext> = {}): CompileContext {
  const steps = over.steps ?? 14;
  const baseYear = over.baseYear ?? 2021;
  return { scenarioFile: '/tmp/components.yml', baseYear, horizon: baseYear + steps, steps, population: 8.7e6, urbanShare: 0.5187, dataDir, ...over };
}

/** Heze-like assumptions (rates per person per year). */
export const HEZE: ComponentsAssumptions = {
  cbr: { urban: 0.0065, rural: 0.008 },
  cdr: { urban: 0.007, rural: 0.0095 },
  ruralToUrban: 0.02,
  urbanToRural: 0.002,
  reclassification: 0.005,
  external: { urban: { rate: 0 }, rural: { rate: -0.003 } },
};

/** Assumptions with every rate 0 and external migration given as rates (or counts). */
export function zeros(counts: { urban?: boolean; rural?: boolean } = {}): ComponentsAssumptions {
  return {
    cbr: { urban: 0, rural: 0 },
    cdr: { urban: 0, rural: 0 },
    ruralToUrban: 0,
    urbanToRural: 0,
    reclassification: 0,
    external: { urban: counts.urban ? { count: 0 } : { rate: 0 }, rural: counts.rural ? { count: 0 } : { rate: 0 } },
  };
}

/** The 9 parameter rows, in `parameters()` order, each a constant or a path of length H. */
export interface Rows {
  cbrU: number | number[];
  cbrR: number | number[];
  cdrU: number | number[];
  cdrR: number | number[];
  rho: number | number[];
  ret: number | number[];
  c: number | number[];
  extU: number | number[];
  extR: number | number[];
}

export function pathsOf(H: number, r: Partial<Rows>): Float64Array {
  const order: (keyof Rows)[] = ['cbrU', 'cbrR', 'cdrU', 'cdrR', 'rho', 'ret', 'c', 'extU', 'extR'];
  return Float64Array.from(order.flatMap((k) => {
    const v = r[k] ?? 0;
    return Array.isArray(v) ? v : Array(H).fill(v);
  }));
}

/** Output of one run: `series(name)[t]`, t = 0 … H. */
export interface Projection {
  out: Float64Array;
  H: number;
  series(name: string): number[];
}

export function wrap(out: Float64Array, H: number): Projection {
  return {
    out,
    H,
    series: (name) => {
      const m = METRICS.findIndex((d) => d.name === name);
      if (m < 0) throw new Error(`no metric ${name}`);
      return Array.from(out.subarray(m * (H + 1), (m + 1) * (H + 1)));
    },
  };
}

/** Runs given paths through a fresh runner. */
export function runPaths(A: ComponentsAssumptions, paths: Float64Array, ctx = context()): Projection {
  const H = ctx.steps;
  const params = compileParams(components.parameters(A, ctx), ctx.baseYear, H);
  const compiled = components.compile(A, ctx);
  const out = new Float64Array(compiled.metrics.length * (H + 1));
  components.createRunner(compiled, params).run(paths, out);
  return wrap(out, H);
}

/** Validates `raw`, compiles it and runs its median draw. */
export function project(raw: unknown, ctx = context()): Projection {
  const A = components.assumptionsSchema.parse(raw);
  const params = compileParams(components.parameters(A, ctx), ctx.baseYear, ctx.steps);
  const paths = new Float64Array(params.keys.length * ctx.steps);
  evaluatePaths(params, medianInputs(params), paths);
  return runPaths(A, paths, ctx);
}
