/**
 * Targets compiled to indices: metric name → series index, years → step indices t (year y0 + t),
 * the reference of a relative target → a reference scenario's series, a fixed gain or an
 * uncertain input. Plain data, sent to workers.
 *
 * Per draw, a target's quantity x is
 * - level: the metric in the target year;
 * - flow: the metric summed over the window's years (both ends included);
 * - gain: the average annual gain over the window, (m(end) − m(start − 1)) / (end − start + 1),
 *   minus the reference's own gain over the same years when there is a reference.
 *
 * @module
 */
import { ParamError } from '../params/compile.js';
import type { Dist } from '../random/distributions.js';
import type { ResolvedTarget, TargetDefinition } from '../scenario/target-types.js';
import type { MetricDecl } from './model.js';

/** A target's reference, compiled. */
export type CompiledReference =
  | { kind: 'none' }
  | { kind: 'fixed'; gain: number }
  | { kind: 'input'; input: number }
  | { kind: 'scenario'; unit: number; m: number; tEnd: number; tBefore: number }
  /** Another series of the same run (a region or group of a multi-region model): same years as the target. */
  | { kind: 'metric'; m: number };

/** A target ready for evaluation. */
export interface CompiledTarget extends Omit<TargetDefinition, 'tolerance'> {
  /** Half-width for `~` and `=` (resolved: stated, or half a unit of the value's last digit); 0 otherwise. */
  tolerance: number;
  /** Index of the metric in the series. */
  m: number;
  /** level: tFrom = tTo = the year's t. flow: summed over tFrom … tTo. gain: tFrom = t(start − 1), tTo = t(end). */
  tFrom: number;
  tTo: number;
  /** First t at which the metric has a value: 0 for stocks and shares, 1 for flows (t = 0 holds no step). */
  tMin: number;
  ref: CompiledReference;
}

/** What compiling a target may ask of the scenario compiler. */
export interface TargetCompileHooks {
  metrics: MetricDecl[];
  baseYear: number;
  steps: number;
  /** Compiles (once) the reference scenario written as `path`; returns its unit index and its metrics and years. */
  reference(path: string, at: string[]): { unit: number; metrics: MetricDecl[]; baseYear: number; steps: number };
  /** Adds an uncertain input sampled with the scenario's inputs; returns its index. */
  addInput(name: string, dist: Dist): number;
}

/**
 * The default half-width of an approximate target: half a unit in the last stated digit of the
 * value (57 % written as 0.57 → ±0.005; 8 790 000 → ±5 000), i.e. "rounds to the stated value".
 *
 * @example
 * defaultTolerance(0.57); // 0.005
 */
export function defaultTolerance(value: number): number {
  if (value === 0) return 0;
  const [mantissa, exp] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.includes('.') ? mantissa.split('.')[1].length : 0;
  // toExponential keeps only significant digits, so trailing zeros of an integer do not count
  return Number((0.5 * 10 ** (Number(exp) - digits)).toPrecision(1));
}

/**
 * A target's definition fields, copied in their reported order, with `tolerance` (when given)
 * in its place; nothing else of `tg` (no `why`, no compiled indices).
 *
 * @example
 * targetDefinition(compiled, compiled.tolerance); // { id, label, metric, kind, …, tolerance, milestone, … }
 */
export function targetDefinition(tg: Omit<TargetDefinition, 'tolerance'>, tolerance: number): TargetDefinition & { tolerance: number };
export function targetDefinition(tg: Omit<TargetDefinition, 'tolerance'>, tolerance?: number): TargetDefinition;
export function targetDefinition(tg: Omit<TargetDefinition, 'tolerance'>, tolerance?: number): TargetDefinition {
  return {
    id: tg.id,
    label: tg.label,
    ...(tg.labelZh !== undefined ? { labelZh: tg.labelZh } : {}),
    metric: tg.metric,
    kind: tg.kind,
    ...(tg.year !== undefined ? { year: tg.year } : {}),
    ...(tg.window !== undefined ? { window: tg.window } : {}),
    comparator: tg.comparator,
    value: tg.value,
    ...(tolerance !== undefined ? { tolerance } : {}),
    milestone: tg.milestone,
    ...(tg.source !== undefined ? { source: tg.source } : {}),
    ...(tg.reference !== undefined ? { reference: tg.reference } : {}),
    ...(tg.region !== undefined ? { region: tg.region } : {}),
  };
}

const FLOWLIKE = new Set(['flow', 'contribution']);

/**
 * Compiles the scenario's targets. Errors name the target's path, e.g. `targets.2.metric`.
 *
 * @example
 * compileTargets([{ id: 'u35', label: 'urban share 2035', metric: 'urbanShare', kind: 'level', year: 2035,
 *   comparator: '>=', value: 0.7, milestone: true }], hooks);
 */
export function compileTargets(targets: ResolvedTarget[], hooks: TargetCompileHooks): CompiledTarget[] {
  const { metrics, baseYear, steps } = hooks;
  const horizon = baseYear + steps;
  return targets.map((tg, k) => {
    const at = ['targets', String(k)];
    const m = metrics.findIndex((d) => d.name === tg.metric);
    if (m < 0) {
      throw new ParamError([...at, 'metric'], `unknown metric "${tg.metric}"; the model's metrics are: ${metrics.map((d) => d.name).join(', ')}`);
    }
    const flowlike = FLOWLIKE.has(metrics[m].kind);
    const inRange = (y: number, field: string, first: number) => {
      if (!(y >= first && y <= horizon)) {
        throw new ParamError([...at, field], `year ${y} is outside the projection (${first}–${horizon}) for ${tg.kind} target on ${tg.metric}`);
      }
    };
    let tFrom: number;
    let tTo: number;
    if (tg.kind === 'level') {
      if (tg.year === undefined) throw new ParamError(at, 'a level target needs a year');
      inRange(tg.year, 'year', flowlike ? baseYear + 1 : baseYear);
      tFrom = tTo = tg.year - baseYear;
    } else {
      const window = tg.window ?? (tg.year !== undefined ? ([tg.year, tg.year] as [number, number]) : undefined);
      const field = tg.window ? 'window' : 'year';
      if (window === undefined) throw new ParamError(at, `a ${tg.kind} target needs a window [first year, last year]`);
      if (window[0] > window[1]) throw new ParamError([...at, 'window'], `window [${window.join(', ')}] ends before it starts`);
      inRange(window[0], field, baseYear + 1);
      inRange(window[1], field, baseYear + 1);
      if (tg.kind === 'flow' && !flowlike) {
        throw new ParamError([...at, 'metric'], `"${tg.metric}" is a ${metrics[m].kind}; a flow target sums a flow metric over its window`);
      }
      if (tg.kind === 'gain' && flowlike) {
        throw new ParamError([...at, 'metric'], `"${tg.metric}" is a ${metrics[m].kind}; a gain target needs a stock or share metric`);
      }
      tFrom = tg.kind === 'flow' ? window[0] - baseYear : window[0] - 1 - baseYear;
      tTo = window[1] - baseYear;
    }
    let ref: CompiledReference = { kind: 'none' };
    if (tg.reference !== undefined) {
      if (tg.kind !== 'gain') throw new ParamError([...at, 'reference'], `only gain targets can have a reference (this one is a ${tg.kind} target)`);
      if ('region' in tg.reference) {
        const own = tg.region !== undefined ? tg.metric.slice(tg.region.length + 1) : tg.metric;
        const name = `${tg.reference.region}.${own}`;
        const rm = metrics.findIndex((d) => d.name === name);
        if (rm < 0) {
          const regions = [...new Set(metrics.filter((d) => d.name.endsWith(`.${own}`)).map((d) => d.name.slice(0, -own.length - 1)))];
          const known = regions.length > 0 ? `the run's regions and groups with ${own} are: ${regions.join(', ')}` : 'the model has no regions (use model: regions)';
          throw new ParamError([...at, 'reference', 'region'], `unknown region "${tg.reference.region}" (no metric ${name}); ${known}`);
        }
        if (rm === m) throw new ParamError([...at, 'reference', 'region'], `the target is relative to its own series ${name}`);
        ref = { kind: 'metric', m: rm };
      } else if ('gain' in tg.reference) {
        const g = tg.reference.gain;
        ref = typeof g === 'number' ? { kind: 'fixed', gain: g } : { kind: 'input', input: hooks.addInput(`targets.${tg.id}.reference.gain`, g) };
      } else {
        const refAt = [...at, 'reference', 'scenario'];
        const r = hooks.reference(tg.reference.scenario, refAt);
        const rm = r.metrics.findIndex((d) => d.name === tg.metric);
        if (rm < 0) throw new ParamError(refAt, `the reference scenario's model has no metric "${tg.metric}"`);
        const y0 = tg.year ?? tg.window![0];
        const y1 = tg.window?.[1] ?? y0;
        const rEnd = r.baseYear + r.steps;
        if (!(y0 - 1 >= r.baseYear && y1 <= rEnd)) {
          throw new ParamError(refAt, `the reference scenario projects ${r.baseYear}–${rEnd}, which does not cover ${y0 - 1}–${y1}`);
        }
        ref = { kind: 'scenario', unit: r.unit, m: rm, tEnd: y1 - r.baseYear, tBefore: y0 - 1 - r.baseYear };
      }
    }
    const approx = tg.comparator === '~' || tg.comparator === '=';
    return {
      ...targetDefinition(tg, approx ? (tg.tolerance ?? defaultTolerance(tg.value)) : 0),
      m,
      tFrom,
      tTo,
      tMin: flowlike ? 1 : 0,
      ref,
    };
  });
}
