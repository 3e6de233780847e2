/**
 * Compiles declared rate parameters into flat plans: which scalar inputs are uncertain
 * (each with its own random stream) and how a parameter's per-year path is built from them.
 * Plans are plain data, so they can be sent to workers.
 *
 * @module
 */
import type { Dist } from '../random/distributions.js';
import { median, support } from '../random/distributions.js';
import { streamId } from '../random/philox.js';
import type { ParamSpec, Value } from './schema.js';

/** A model's declaration of one rate parameter. */
export interface ParamDecl {
  /** Dotted path in the scenario's `assumptions:` block, e.g. `tfr.urban`. */
  key: string;
  /** Human label, e.g. "TFR, urban". */
  label: string;
  /** Unit for reports, e.g. "per year", "births per woman", "years". */
  unit: string;
  /** Closed interval every value of the path must stay in, at every year, for every draw. */
  domain: [number, number];
  /** Why the domain is what it is, for the error message (e.g. "the peak-age rate must not exceed 1"). */
  domainNote?: string;
  /** The scenario's specification. */
  spec: ParamSpec;
}

/** A slot of a plan: a fixed number, or the value of uncertain input `input`. */
export type Slot = { fixed: number } | { input: number };

/** How a parameter's path over the horizon is built. */
export type ParamPlan =
  | { kind: 'level'; value: Slot; change: Slot }
  /** value + change·t with a walk z_t (innovations: inputs from `first`, one per year after the first, preceded by z₀'s with `initial`), kept in [lo, hi]. */
  | { kind: 'walk'; value: Slot; change: Slot; first: number; initial: boolean; ar: number; log: boolean; offset: number; lo: number; hi: number }
  | { kind: 'byYear'; offsets: number[]; values: Slot[] };

/** One uncertain scalar: a distribution with its own random stream. */
export interface UncertainInput {
  /** e.g. `ruralToUrban.value`, `tfr.urban.change`, `e0.rural.female.byYear.2030` */
  name: string;
  /** Index of the parameter it belongs to. */
  param: number;
  dist: Dist;
  stream: number;
  median: number;
}

/** All parameters of a scenario, compiled. */
export interface CompiledParams {
  keys: string[];
  labels: string[];
  units: string[];
  /** Number of projected years H (steps). Paths hold H values: years y0+1 … y0+H. */
  steps: number;
  baseYear: number;
  plans: ParamPlan[];
  inputs: UncertainInput[];
}

/** An input error found while compiling a parameter, located by its scenario path. */
export class ParamError extends Error {
  constructor(
    readonly path: string[],
    message: string,
  ) {
    super(message);
  }
}

function isDist(v: unknown): v is Dist {
  return typeof v === 'object' && v !== null && 'dist' in v;
}

/**
 * Compiles a list of parameter declarations for a horizon of `steps` years after `baseYear`.
 * Checks that every path stays inside its domain for every possible draw.
 *
 * @example
 * const c = compileParams([{ key: 'c', label: 'reclassification', unit: '/yr', domain: [0, 1], spec: 0.01 }], 2021, 14);
 * c.inputs.length; // 0 (fixed)
 */
export function compileParams(decls: ParamDecl[], baseYear: number, steps: number): CompiledParams {
  const inputs: UncertainInput[] = [];
  const plans: ParamPlan[] = [];
  decls.forEach((d, p) => {
    const path = ['assumptions', ...d.key.split('.')];
    const slot = (v: Value, name: string): Slot => {
      if (!isDist(v)) return { fixed: v };
      inputs.push({ name: `${d.key}.${name}`, param: p, dist: v, stream: streamId(`${d.key}.${name}`), median: median(v) });
      return { input: inputs.length - 1 };
    };
    const range = (v: Value): [number, number] => (isDist(v) ? support(v) : [v, v]);
    const spec = d.spec;
    let lo: number;
    let hi: number;
    let where: string[];
    if (typeof spec === 'number' || isDist(spec)) {
      plans.push({ kind: 'level', value: slot(spec, 'value'), change: { fixed: 0 } });
      [lo, hi] = range(spec);
      where = path;
    } else if (spec.byYear !== undefined) {
      const years = Object.keys(spec.byYear).map(Number).sort((a, b) => a - b);
      const offsets: number[] = [];
      const values: Slot[] = [];
      lo = Infinity;
      hi = -Infinity;
      for (const y of years) {
        const v = spec.byYear[String(y)];
        offsets.push(y - baseYear - 1);
        values.push(slot(v, `byYear.${y}`));
        const [a, b] = range(v);
        lo = Math.min(lo, a);
        hi = Math.max(hi, b);
      }
      plans.push({ kind: 'byYear', offsets, values });
      where = [...path, 'byYear'];
    } else {
      const v = spec.value as Value;
      const c = spec.change ?? 0;
      const value = slot(v, 'value');
      const change = slot(c, 'change');
      if (spec.walk === undefined) plans.push({ kind: 'level', value, change });
      else {
        const first = inputs.length;
        const w = spec.walk;
        if (w.initial !== undefined) slot({ dist: 'normal', mean: 0, sd: w.initial }, `walk.${baseYear + 1}`);
        for (let t = 1; t < steps; t++) slot({ dist: 'normal', mean: 0, sd: w.sd }, `walk.${baseYear + 1 + t}`);
        const [dlo, dhi] = d.domain;
        plans.push({ kind: 'walk', value, change, first, initial: w.initial !== undefined, ar: w.ar ?? 1, log: w.scale === 'log', offset: w.offset ?? 0, lo: dlo, hi: dhi });
      }
      const [vlo, vhi] = range(v);
      const [clo, chi] = range(c);
      const span = steps - 1;
      lo = vlo + Math.min(0, clo * span);
      hi = vhi + Math.max(0, chi * span);
      where = [...path, spec.change === undefined ? 'value' : 'change'];
    }
    const [dlo, dhi] = d.domain;
    if (!(lo >= dlo && hi <= dhi)) {
      const found = !(Number.isFinite(lo) && Number.isFinite(hi)) ? 'an unbounded distribution' : lo === hi ? `${lo}` : `values from ${lo} to ${hi}`;
      throw new ParamError(
        where,
        `${d.label} must stay within [${dlo}, ${dhi}]${d.domainNote ? ` (${d.domainNote})` : ''} in every year and draw; found ${found}` +
          (Number.isFinite(lo) && Number.isFinite(hi) ? '' : ' (use truncnormal, beta or another bounded distribution)'),
      );
    }
  });
  return {
    keys: decls.map((d) => d.key),
    labels: decls.map((d) => d.label),
    units: decls.map((d) => d.unit),
    steps,
    baseYear,
    plans,
    inputs,
  };
}

/**
 * Fills `out` (layout `[param * steps + t]`, t = 0 … steps−1 for years y0+1 … y0+H) with every
 * parameter's path, given the values of the uncertain inputs.
 *
 * @example
 * const out = new Float64Array(c.keys.length * c.steps);
 * evaluatePaths(c, new Float64Array(c.inputs.length), out);
 */
export function evaluatePaths(c: CompiledParams, inputValues: Float64Array, out: Float64Array): void {
  const H = c.steps;
  for (let p = 0; p < c.plans.length; p++) {
    const plan = c.plans[p];
    const base = p * H;
    if (plan.kind === 'level') {
      const v = slotValue(plan.value, inputValues);
      const ch = slotValue(plan.change, inputValues);
      for (let t = 0; t < H; t++) out[base + t] = v + ch * t;
    } else if (plan.kind === 'walk') {
      const v = slotValue(plan.value, inputValues);
      const ch = slotValue(plan.change, inputValues);
      const { ar, log, offset, lo, hi } = plan;
      const first = plan.initial ? plan.first + 1 : plan.first;
      let z = plan.initial ? inputValues[plan.first] : 0;
      for (let t = 0; t < H; t++) {
        if (t > 0) z = ar * z + inputValues[first + t - 1];
        const x = log ? (v + ch * t + offset) * Math.exp(z) - offset : v + ch * t + z;
        out[base + t] = x < lo ? lo : x > hi ? hi : x;
      }
    } else {
      const { offsets, values } = plan;
      const n = offsets.length;
      let k = 0;
      for (let t = 0; t < H; t++) {
        while (k < n && offsets[k] < t) k++;
        if (k === 0) out[base + t] = slotValue(values[0], inputValues);
        else if (k === n) out[base + t] = slotValue(values[n - 1], inputValues);
        else {
          const w = (t - offsets[k - 1]) / (offsets[k] - offsets[k - 1]);
          out[base + t] = slotValue(values[k - 1], inputValues) * (1 - w) + slotValue(values[k], inputValues) * w;
        }
      }
    }
  }
}

function slotValue(s: Slot, inputValues: Float64Array): number {
  return 'fixed' in s ? s.fixed : inputValues[s.input];
}

/**
 * The medians of every uncertain input: the deterministic projection's inputs.
 *
 * @example
 * evaluatePaths(c, medianInputs(c), out);
 */
export function medianInputs(c: CompiledParams): Float64Array {
  return Float64Array.from(c.inputs, (i) => i.median);
}
