/**
 * Moving an assumption in the interactive report: an uncertain input's distribution shifted to a
 * new centre and optionally widened or narrowed, the scenario's parameters compiled again with the
 * engine's own `compileParams` (as `simulate --set` would compile them), and the `--set` arguments
 * that reproduce the view with the CLI.
 *
 * The centre of a distribution is its mode (pert, triangular), mean (normal, truncnormal), median
 * (lognormal) or midpoint (uniform, beta); the spread is a factor on every distance from it
 * (on `sd`/`sigma` for normal, truncnormal and lognormal). Shifting keeps the distribution's kind;
 * the numbers it computes are rounded to 12 significant digits.
 *
 * @module
 */
import { compileParams, type ParamDecl } from '../../../params/compile.js';
import type { Value } from '../../../params/schema.js';
import type { Dist } from '../../../random/distributions.js';
import type { CompiledScenario } from '../../../engine/compile.js';

/** What the page needs to compile shifted assumptions: the compiled scenario and its main parameters as declared. */
export interface ExploreModel {
  cs: CompiledScenario;
  decls: ParamDecl[];
}

/** One assumption moved: input `name` (e.g. `ruralToUrban.value`) to centre `centre`, spread × `spread`. */
export interface Shift {
  name: string;
  centre: number;
  spread: number;
}

/**
 * The centre of a distribution (see the module).
 *
 * @example
 * distCentre({ dist: 'pert', min: 0.01, mode: 0.016, max: 0.02 }); // 0.016
 */
export function distCentre(d: Dist): number {
  switch (d.dist) {
    case 'pert':
    case 'triangular':
      return d.mode;
    case 'normal':
    case 'truncnormal':
      return d.mean;
    case 'lognormal':
      return d.median;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'beta':
      return ((d.min ?? 0) + (d.max ?? 1)) / 2;
  }
}

/**
 * The distribution moved to centre `centre`, every distance from the centre (or its sd, sigma)
 * times `spread`. With the same centre and spread 1 it is `d` itself.
 *
 * @example
 * shiftDist({ dist: 'pert', min: 0.01, mode: 0.016, max: 0.02 }, 0.02, 1); // { dist: 'pert', min: 0.014, mode: 0.02, max: 0.024 }
 */
export function shiftDist(d: Dist, centre: number, spread: number): Dist {
  const c = distCentre(d);
  if (centre === c && spread === 1) return d;
  // rounded to 12 significant digits: the --set line stays readable (0.02014, not 0.020139999999999998);
  // the page compiles the rounded numbers too, so it still computes what the line computes
  const round = (x: number) => +x.toPrecision(12);
  const at = (x: number) => round(centre + spread * (x - c));
  switch (d.dist) {
    case 'pert':
      return { ...d, min: at(d.min), mode: centre, max: at(d.max) };
    case 'triangular':
      return { ...d, min: at(d.min), mode: centre, max: at(d.max) };
    case 'normal':
      return { ...d, mean: centre, sd: round(d.sd * spread) };
    case 'truncnormal':
      return { ...d, mean: centre, sd: round(d.sd * spread), min: at(d.min), max: at(d.max) };
    case 'lognormal':
      return { ...d, median: centre, sigma: round(d.sigma * spread) };
    case 'uniform':
      return { ...d, min: at(d.min), max: at(d.max) };
    case 'beta':
      return { ...d, min: at(d.min ?? 0), max: at(d.max ?? 1) };
  }
}

const isDist = (v: unknown): v is Dist => typeof v === 'object' && v !== null && 'dist' in v;

/** The parameter of input `name` and the part of its spec (`value`, `change`, `byYear.<year>`). */
function locate(model: ExploreModel, name: string): { p: number; part: string } {
  const inp = model.cs.main.inputs.find((i) => i.name === name);
  if (inp === undefined || inp.param < 0) throw new RangeError(`no uncertain assumption named "${name}"`);
  const key = model.decls[inp.param].key;
  return { p: inp.param, part: name.slice(key.length + 1) };
}

/** The distribution of input `name` as the scenario states it. */
export function statedDist(model: ExploreModel, name: string): Dist {
  const { p, part } = locate(model, name);
  const d = pick(model.decls[p].spec, part);
  if (!isDist(d)) throw new RangeError(`"${name}" is not uncertain`);
  return d;
}

function pick(spec: ParamDecl['spec'], part: string): Value | undefined {
  if (typeof spec === 'number' || isDist(spec)) return part === 'value' ? spec : undefined;
  if (part.startsWith('byYear.')) return spec.byYear?.[part.slice(7)];
  return part === 'value' ? spec.value : part === 'change' ? spec.change : undefined;
}

function replaced(spec: ParamDecl['spec'], part: string, d: Dist): ParamDecl['spec'] {
  if (typeof spec === 'number' || isDist(spec)) return d;
  if (part.startsWith('byYear.')) return { ...spec, byYear: { ...spec.byYear, [part.slice(7)]: d } };
  return { ...spec, [part]: d };
}

/** The YAML path `--set` writes for input `name` (the key's own path for a bare distribution). */
function setPath(model: ExploreModel, name: string): string {
  const { p, part } = locate(model, name);
  const spec = model.decls[p].spec;
  return `assumptions.${model.decls[p].key}${isDist(spec) ? '' : `.${part}`}`;
}

/** Shifts that move something (others are left out). */
const moving = (model: ExploreModel, shifts: readonly Shift[]) => shifts.filter((s) => shiftDist(statedDist(model, s.name), s.centre, s.spread) !== statedDist(model, s.name));

/**
 * The `--set` arguments reproducing the shifts with the CLI: one per moved input, the whole
 * distribution as YAML, every number in its shortest round-trip form (the CLI parses the same doubles).
 *
 * @example
 * setArgs(model, [{ name: 'srb.value', centre: 1.1, spread: 1 }]); // ['assumptions.srb.value={dist: pert, min: 1.074, mode: 1.1, max: 1.126}']
 */
export function setArgs(model: ExploreModel, shifts: readonly Shift[]): string[] {
  return moving(model, shifts).map((s) => {
    const d = shiftDist(statedDist(model, s.name), s.centre, s.spread);
    const fields = Object.entries(d).map(([k, v]) => `${k}: ${typeof v === 'number' ? String(v) : v}`);
    return `${setPath(model, s.name)}={${fields.join(', ')}}`;
  });
}

/**
 * The compiled scenario with the shifts applied and `draws`/`seed` set, its main parameters
 * compiled again by `compileParams` (which throws a `ParamError` when a path would leave its
 * domain). The rest is unchanged: the model's compiled data, the targets (their own inputs keep
 * their places after the parameters'), the reference scenarios and the correlations (by name).
 * Levers are left out: the page does not search them.
 *
 * @example
 * const cs = shiftedScenario(model, [{ name: 'ruralToUrban.value', centre: 0.02, spread: 1 }], { draws: 2000 });
 */
export function shiftedScenario(model: ExploreModel, shifts: readonly Shift[], run: { draws?: number; seed?: number } = {}): CompiledScenario {
  const { cs } = model;
  const decls = model.decls.map((d) => ({ ...d }));
  for (const s of moving(model, shifts)) {
    const { p, part } = locate(model, s.name);
    decls[p].spec = replaced(decls[p].spec, part, shiftDist(statedDist(model, s.name), s.centre, s.spread));
  }
  const params = compileParams(decls, cs.main.baseYear, cs.main.steps);
  const own = cs.main.params.inputs.length;
  const sampling = (u: { sampling: CompiledScenario['main']['sampling'] }) => ({ ...u.sampling, draws: run.draws ?? u.sampling.draws, seed: run.seed ?? u.sampling.seed });
  return {
    ...cs,
    main: { ...cs.main, params, inputs: [...params.inputs, ...cs.main.inputs.slice(own)], sampling: sampling(cs.main) },
    references: cs.references.map((r) => ({ ...r, sampling: sampling(r) })),
    levers: [],
  };
}
