/**
 * The `regions` model: several regions, each a scenario with its own model and assumptions,
 * projected together on the same draws and added up (a province as the sum of its prefectures, a
 * prefecture as the sum of its counties), with named groups (a metro area), factors shared across
 * regions and, optionally, migration balanced between them. See README.md beside this file.
 *
 * Each region's parameters and uncertain inputs carry its id in front (`heze.ruralToUrban`,
 * `heze.ruralToUrban.value`), so a draw's random numbers depend on (seed, draw, region and input).
 *
 * @module
 */
import type { CompileContext, CompiledModel, MetricDecl, ModelDefinition } from '../../src/engine/model.js';
import { compileParams, ParamError, type CompiledParams, type ParamDecl } from '../../src/params/compile.js';
import { loadModel, registry } from '../index.js';
import { URBAN_RURAL_METRICS } from '../shared/urban-rural.js';
import { expandRegions, seenModels } from './expand.js';
import { createRegionsRunner, ENTITY_SERIES, type RegionsData } from './runner.js';
import { RegionsAssumptionsSchema, type LoadedRegion, type RegionsAssumptions } from './schema.js';
import { regionCorrelations } from './shared.js';

/** The registered models a region may use, loaded once (workers import this module themselves). */
const registered = new Map<string, ModelDefinition>();
for (const [name, entry] of Object.entries(registry)) {
  if (name !== 'regions') registered.set(entry.module, await loadModel(entry.module));
}

function modelOf(url: string): ModelDefinition {
  const m = registered.get(url) ?? seenModels.get(url);
  if (m === undefined) throw new Error(`the regions model cannot find the model module ${url}`);
  return m;
}

function loadedOf(A: RegionsAssumptions): LoadedRegion[] {
  if (A.loaded === undefined) throw new Error('the regions model needs its assumptions expanded by the loader (model.expand)');
  return A.loaded;
}

const SERIES_LABEL: Record<(typeof ENTITY_SERIES)[number], [string, string, MetricDecl['kind']]> = {
  total: ['total population', 'persons', 'stock'],
  urban: ['urban population', 'persons', 'stock'],
  rural: ['rural population', 'persons', 'stock'],
  urbanShare: ['urban share', 'share', 'share'],
  external: ['net external migration (incl. to other regions)', 'persons/yr', 'flow'],
};

/** The whole's series, then the balancing's, then each region's and group's. */
function metricsFor(A: RegionsAssumptions): MetricDecl[] {
  const loaded = A.loaded ?? [];
  const entities = [
    ...loaded.map((r) => ({ id: r.id, name: r.name })),
    { id: A.id, name: `all regions (${A.id})` },
    ...A.groups.map((g) => ({ id: g.id, name: g.name ?? g.id })),
  ];
  return [
    ...URBAN_RURAL_METRICS,
    ...(A.migration !== undefined
      ? ([
          { name: 'migration.residual', label: "Regions' summed net external migration minus the whole's", unit: 'persons/yr', kind: 'flow' },
          { name: 'migration.shift', label: "Common shift of the regions' external rates", unit: 'per year', kind: 'flow' },
        ] as MetricDecl[])
      : []),
    ...entities.flatMap((e) =>
      ENTITY_SERIES.map((s): MetricDecl => ({ name: `${e.id}.${s}`, label: `${e.name}: ${SERIES_LABEL[s][0]}`, unit: SERIES_LABEL[s][1], kind: SERIES_LABEL[s][2] })),
    ),
  ];
}

/** Each region's parameter declarations (own keys), in region order. */
function regionDecls(A: RegionsAssumptions): ParamDecl[][] {
  return loadedOf(A).map((r) => modelOf(r.modelModule).parameters(r.assumptions, r.ctx));
}

function parameters(A: RegionsAssumptions): ParamDecl[] {
  const own = regionDecls(A).flatMap((decls, k) => decls.map((d) => ({ ...d, key: `${loadedOf(A)[k].id}.${d.key}`, label: `${loadedOf(A)[k].name}: ${d.label}` })));
  if (A.migration === undefined) return own;
  return [...own, { key: 'migration.external', label: 'net external migration rate of the whole', unit: 'per year', domain: [-1, 1], spec: A.migration.external }];
}

function compile(A: RegionsAssumptions, ctx: CompileContext): CompiledModel<RegionsData> {
  const loaded = loadedOf(A);
  const decls = regionDecls(A);
  let offset = 0;
  const regions = loaded.map((r, k) => {
    const at = ['assumptions', 'regions', String(k), 'scenario'];
    const model = modelOf(r.modelModule).compile(r.assumptions, r.ctx);
    const bad = URBAN_RURAL_METRICS.findIndex((m, j) => model.metrics[j]?.name !== m.name);
    if (bad >= 0) throw new ParamError(at, `region ${r.id}: model ${r.modelName} does not output the urban/rural series (${URBAN_RURAL_METRICS[bad].name}) the regions model adds up`);
    const keys = decls[k].map((d) => d.key);
    const extU = keys.indexOf('external.urban.rate');
    const extR = keys.indexOf('external.rural.rate');
    if (A.migration !== undefined && (extU < 0 || extR < 0)) {
      throw new ParamError(at, `region ${r.id}: balanced migration shifts the regions' external rates, but this region gives external migration as counts (use external.urban.rate and external.rural.rate)`);
    }
    const params: CompiledParams = compileParams(decls[k], r.ctx.baseYear, r.ctx.steps);
    const c = { id: r.id, modelModule: r.modelModule, model, params, offset, count: keys.length, extU, extR };
    offset += keys.length;
    return c;
  });
  const index = (id: string) => loaded.findIndex((r) => r.id === id);
  const data: RegionsData = {
    steps: ctx.steps,
    regions,
    groups: [{ id: A.id, members: loaded.map((_, k) => k) }, ...A.groups.map((g) => ({ id: g.id, members: g.members.map(index) }))],
    balance: A.migration === undefined ? null : { param: offset, passes: A.migration.passes },
  };
  return { metrics: metricsFor(A), data };
}

const regionsModel: ModelDefinition<RegionsAssumptions, RegionsData> = {
  name: 'regions',
  title: 'Several regions, each a scenario with its own model, projected on the same draws and added up',
  assumptionsSchema: RegionsAssumptionsSchema as unknown as ModelDefinition<RegionsAssumptions>['assumptionsSchema'],
  metrics: URBAN_RURAL_METRICS,
  metricsFor,
  parameters,
  compile,
  createRunner: (m: CompiledModel<RegionsData>) => createRegionsRunner(m.data, modelOf),
  expand: expandRegions,
  correlations: regionCorrelations,
};

export default regionsModel;
