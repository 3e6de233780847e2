/**
 * Stage one of the `regions` model: loads each region's scenario file and checks that the regions
 * fit together: the same baseline year and horizon as the whole, ids unique, groups naming known
 * regions, and the regions' baselines adding up to the whole's stated baseline.
 *
 * @module
 */
import type { CompileContext, ModelDefinition, ScenarioLoader } from '../../src/engine/model.js';
import { ParamError } from '../../src/params/compile.js';
import type { LoadedRegion, RegionsAssumptions } from './schema.js';

/** How far the regions' summed baseline may be from the whole's stated one. */
export const BASELINE_TOLERANCE = { population: 0.005, urbanShare: 0.005 };

/** Model definitions seen while loading (also those of a test's own registry), by module URL. */
export const seenModels = new Map<string, ModelDefinition>();

/**
 * Loads the regions' scenarios and checks them against the whole.
 *
 * @example
 * const A = await expandRegions(assumptions, ctx, load); A.loaded.map((r) => r.id);
 */
export async function expandRegions(A: RegionsAssumptions, ctx: CompileContext, load: ScenarioLoader): Promise<RegionsAssumptions> {
  const ids = new Set<string>([A.id]);
  const loaded: LoadedRegion[] = [];
  for (const [k, r] of A.regions.entries()) {
    if (ids.has(r.id)) throw new ParamError(['regions', String(k), 'id'], `the id "${r.id}" is used twice (regions, groups and the whole need distinct ids)`);
    ids.add(r.id);
    const part = await load(r.scenario, ['assumptions', 'regions', k, 'scenario']);
    const at = ['regions', String(k), 'scenario'];
    if (part.model.expand !== undefined) throw new ParamError(at, `region ${r.id}: a region's scenario cannot itself be made of regions (model ${part.modelName})`);
    if (part.ctx.baseYear !== ctx.baseYear || part.ctx.horizon !== ctx.horizon) {
      throw new ParamError(at, `region ${r.id} projects ${part.ctx.baseYear}–${part.ctx.horizon}, the whole ${ctx.baseYear}–${ctx.horizon}: every region needs the same baseline year and horizon`);
    }
    seenModels.set(part.modelModule, part.model);
    loaded.push({
      id: r.id,
      name: r.name ?? part.scenario.region,
      file: part.file,
      modelName: part.modelName,
      modelModule: part.modelModule,
      assumptions: part.assumptions,
      ctx: part.ctx,
      correlations: part.scenario.sampling?.correlations ?? [],
    });
  }
  for (const [k, g] of A.groups.entries()) {
    if (ids.has(g.id)) throw new ParamError(['groups', String(k), 'id'], `the id "${g.id}" is used twice (regions, groups and the whole need distinct ids)`);
    ids.add(g.id);
    g.members.forEach((m, j) => {
      if (!A.regions.some((r) => r.id === m)) {
        throw new ParamError(['groups', String(k), 'members', String(j)], `unknown region "${m}"; the regions are: ${A.regions.map((r) => r.id).join(', ')}`);
      }
    });
  }
  const pop = loaded.reduce((s, r) => s + r.ctx.population, 0);
  const share = loaded.reduce((s, r) => s + r.ctx.population * r.ctx.urbanShare, 0) / pop;
  if (Math.abs(pop / ctx.population - 1) > BASELINE_TOLERANCE.population) {
    throw new ParamError(['regions'], `the regions' baseline populations add up to ${Math.round(pop)}, the scenario's baseline.population is ${ctx.population} (more than ${BASELINE_TOLERANCE.population * 100} % apart)`);
  }
  if (Math.abs(share - ctx.urbanShare) > BASELINE_TOLERANCE.urbanShare) {
    throw new ParamError(['regions'], `the regions' baselines give an urban share of ${(share * 100).toFixed(2)} %, the scenario's baseline.urbanShare is ${(ctx.urbanShare * 100).toFixed(2)} % (more than ${BASELINE_TOLERANCE.urbanShare * 100} points apart)`);
  }
  return { ...A, loaded };
}
