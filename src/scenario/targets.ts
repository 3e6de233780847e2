/**
 * Targets, resolved: seed references replaced by inline definitions (keeping their provenance),
 * each with an id, a label and a kind (`level` in a year, `flow` summed over a window, `gain`
 * relative to a reference), and their years checked against the projection.
 *
 * @module
 */
import type { ModelDefinition, MetricDecl } from '../engine/model.js';
import { CORE_METRICS } from '../engine/model.js';
import { InputError, type Location } from './errors.js';
import type { Target } from './schema.js';
import { resolveSeedTarget, SeedError } from './seeds.js';
import type { ResolvedTarget } from './target-types.js';

export type { ResolvedTarget } from './target-types.js';

/** What resolving targets needs from the loader. */
export interface TargetContext {
  baseYear: number;
  horizon: number;
  model: ModelDefinition;
  /** The model's validated assumptions (some add metrics: `metricsFor`). */
  assumptions?: unknown;
  locate(path: (string | number)[]): Location;
  seedsDir?: string;
}

/**
 * The metrics a model declares without compiling (`metricsFor(assumptions)`, else the optional
 * static `metrics` list on its definition); every model has the core ones.
 *
 * @example
 * declaredMetrics(cohort, assumptions).has('hukouShare');
 */
export function declaredMetrics(model: ModelDefinition, assumptions: unknown): Set<string> {
  const extra: readonly MetricDecl[] = (assumptions !== undefined ? model.metricsFor?.(assumptions) : undefined) ?? model.metrics ?? [];
  return new Set([...CORE_METRICS, ...extra.map((m) => m.name)]);
}

/** A target's own lever as the engine reads it: a bare parameter name becomes `{param}`. */
const ownLever = (lever: Target['lever']): Pick<ResolvedTarget, 'lever'> =>
  lever === undefined ? {} : { lever: typeof lever === 'string' ? { param: lever } : lever };

/**
 * Resolves and checks every target; collects all problems as located errors.
 *
 * @example
 * const { targets, errors } = resolveTargets(scenario.targets, { baseYear: 2021, horizon: 2035, model, locate });
 */
export function resolveTargets(targets: Target[], ctx: TargetContext): { targets: ResolvedTarget[]; errors: InputError[] } {
  const errors: InputError[] = [];
  const out: ResolvedTarget[] = [];
  const err = (path: (string | number)[], init: { found?: string; expected?: string; detail?: string }) =>
    errors.push(new InputError({ ...ctx.locate(path), path: path.join('.'), ...init }));
  const first = ctx.baseYear + 1;
  const span = `a year from ${first} to ${ctx.horizon} (after the baseline year, up to the horizon)`;
  const metrics = declaredMetrics(ctx.model, ctx.assumptions);
  targets.forEach((t, k) => {
    const at = ['targets', k];
    let r: ResolvedTarget;
    if ('seed' in t) {
      let s;
      try {
        s = resolveSeedTarget(t.seed, { seedsDir: ctx.seedsDir, onRegion: t.region !== undefined });
      } catch (e) {
        if (e instanceof SeedError) return void err([...at, 'seed'], { detail: e.message });
        throw e;
      }
      if (t.region !== undefined) s = { ...s, metric: `${t.region}.${s.metric}` };
      if (!metrics.has(s.metric)) {
        const optional = (ctx.model.metrics ?? []).some((m) => m.name === s.metric);
        const why = optional ? ' with these assumptions (the model README says which assumptions add it)' : '';
        return void err([...at, 'seed'], { detail: `seed ${t.seed}: model ${ctx.model.name} has no metric ${s.metric}${why}` });
      }
      if (s.needsReference && t.reference === undefined) {
        return void err(at, { detail: `seed ${t.seed} is a gain relative to another region: add reference: {scenario: …} or {gain: …}` });
      }
      if (!s.needsReference && t.reference !== undefined) {
        return void err([...at, 'reference'], { detail: `seed ${t.seed} is a ${s.kind} target; only gain targets take a reference` });
      }
      const { needsReference: _, labelZh, ...fields } = s;
      r = {
        ...fields,
        id: t.id ?? t.seed,
        label: t.label ?? s.label,
        // the seed's Chinese label goes only with the seed's own label
        ...(t.labelZh !== undefined ? { labelZh: t.labelZh } : t.label === undefined ? { labelZh } : {}),
        ...(t.tolerance !== undefined ? { tolerance: t.tolerance } : {}),
        milestone: t.milestone ?? true,
        ...(t.reference !== undefined ? { reference: t.reference } : {}),
        ...(t.region !== undefined ? { region: t.region } : {}),
        ...(t.why !== undefined ? { why: t.why } : {}),
        ...ownLever(t.lever),
      };
      const field = s.year !== undefined ? 'year' : 'window';
      const years = s.year !== undefined ? [s.year] : s.window!;
      if (years.some((y) => y < first || y > ctx.horizon)) {
        return void err([...at, 'seed'], { detail: `seed ${t.seed} is about ${years.join('–')} (${field}), outside the projection; expected ${span}` });
      }
    } else {
      const kind = t.reference !== undefined ? 'gain' : t.window !== undefined ? 'flow' : 'level';
      if (kind !== 'gain' && t.year !== undefined && t.window !== undefined) {
        return void err(at, { detail: 'give year (a level target) or window (a flow target), not both' });
      }
      if (t.year === undefined && t.window === undefined) {
        return void err(at, { detail: 'needs year (a level target) or window (a flow or gain target)' });
      }
      if (t.year !== undefined && (t.year < first || t.year > ctx.horizon)) return void err([...at, 'year'], { found: String(t.year), expected: span });
      if (t.window !== undefined) {
        const [a, b] = t.window;
        if (a > b) return void err([...at, 'window'], { found: `[${a}, ${b}]`, expected: 'a window [first year, last year] with first ≤ last' });
        if (a < first || b > ctx.horizon) return void err([...at, 'window'], { found: `[${a}, ${b}]`, expected: `years from ${first} to ${ctx.horizon}` });
      }
      const when = t.window !== undefined ? `${t.window[0]}-${t.window[1]}` : String(t.year);
      const named = t.region !== undefined ? `${t.region}.${t.metric}` : t.metric;
      r = {
        id: t.id ?? `${named}-${when}`,
        label: t.label ?? `${named} ${when.replace('-', '–')}`,
        ...(t.labelZh !== undefined ? { labelZh: t.labelZh } : {}),
        metric: t.region !== undefined ? `${t.region}.${t.metric}` : t.metric,
        ...(t.region !== undefined ? { region: t.region } : {}),
        kind,
        ...(t.year !== undefined ? { year: t.year } : {}),
        ...(t.window !== undefined ? { window: t.window } : {}),
        comparator: t.comparator,
        value: t.value,
        ...(t.tolerance !== undefined ? { tolerance: t.tolerance } : {}),
        milestone: t.milestone ?? true,
        ...(t.reference !== undefined ? { reference: t.reference } : {}),
        ...(t.why !== undefined ? { why: t.why } : {}),
        ...ownLever(t.lever),
      };
    }
    const clash = out.find((o) => o.id === r.id);
    if (clash !== undefined) {
      if (t.id !== undefined) return void err([...at, 'id'], { detail: `duplicate target id "${r.id}"; ids name targets in reports` });
      let n = 2;
      while (out.some((o) => o.id === `${r.id}-${n}`)) n++;
      r.id = `${r.id}-${n}`;
    }
    out.push(r);
  });
  return { targets: out, errors };
}
