/**
 * The `cohort` model: a cohort-component projection of the urban and rural populations by
 * single year of age and sex, following MODEL.md v1 exactly. See README.md beside this file.
 *
 * @module
 */
import type { CompiledParams, ParamDecl } from '../../src/params/compile.js';
import type { CompileContext, CompiledModel, MetricDecl, ModelDefinition, Pyramid } from '../../src/engine/model.js';
import { externalParam } from '../shared/external.js';
import { URBAN_RURAL_METRICS } from '../shared/urban-rural.js';
import { compileCohort, type CohortData } from './compile.js';
import { CELLS, RF, RM, UF, UM } from './kernel.js';
import { scheduleDump } from './runner.js';
import { createRunner } from './run-part.js';
import { CohortAssumptionsSchema, type CohortAssumptions } from './schema.js';
import { HUKOU_METRICS } from './hukou/accounts.js';
import { hukouParams } from './hukou/params.js';

/** Parameter order: the runner reads paths by these indices. */
export const P = {
  tfrU: 0,
  tfrR: 1,
  e0UF: 2,
  e0UM: 3,
  e0RF: 4,
  e0RM: 5,
  srb: 6,
  ruralToUrban: 7,
  urbanToRural: 8,
  reclassification: 9,
  externalU: 10,
  externalR: 11,
} as const;

/** Output series, in layout order (shared with `components`: models/shared/urban-rural.ts). */
export const METRICS: MetricDecl[] = URBAN_RURAL_METRICS;

/** Output series with the `hukou:` block: the shared ones, then the hukou accounts'. */
export const HUKOU_MODEL_METRICS: MetricDecl[] = [...URBAN_RURAL_METRICS, ...HUKOU_METRICS];

const metricsFor = (A: CohortAssumptions): MetricDecl[] => (A.hukou ? HUKOU_MODEL_METRICS : METRICS);

function parameters(A: CohortAssumptions, ctx: CompileContext): ParamDecl[] {
  // The peak-age rate ρ·K·g(a) of each internal flow must stay ≤ 1 (MODEL.md: any rate above 1 is
  // an input error), which bounds ρ by the baseline age structure.
  const data = compileCohort(A, ctx);
  const maxRU = Math.max(...data.gRU);
  const maxUR = Math.max(...data.gUR);
  const e0 = (area: 'urban' | 'rural', sex: 'female' | 'male'): ParamDecl => ({
    key: `e0.${area}.${sex}`,
    label: `life expectancy at birth, ${area} ${sex}`,
    unit: 'years',
    domain: [1, 120],
    spec: A.e0[area][sex],
  });
  return [
    { key: 'tfr.urban', label: 'TFR, urban', unit: 'births per woman', domain: [0, 20], spec: A.tfr.urban },
    { key: 'tfr.rural', label: 'TFR, rural', unit: 'births per woman', domain: [0, 20], spec: A.tfr.rural },
    e0('urban', 'female'),
    e0('urban', 'male'),
    e0('rural', 'female'),
    e0('rural', 'male'),
    { key: 'srb', label: 'sex ratio at birth', unit: 'males per female', domain: [0.5, 2], spec: A.srb },
    {
      key: 'ruralToUrban',
      label: 'rural→urban migration rate',
      unit: 'per year',
      domain: [0, Math.min(1, 1 / maxRU)],
      domainNote: 'its peak-age rate ρ·κ·g(a) must not exceed 1',
      spec: A.ruralToUrban,
    },
    {
      key: 'urbanToRural',
      label: 'urban→rural migration rate',
      unit: 'per year',
      domain: [0, Math.min(1, 1 / maxUR)],
      domainNote: 'its peak-age rate must not exceed 1',
      spec: A.urbanToRural,
    },
    { key: 'reclassification', label: 'reclassification rate', unit: 'per year', domain: [0, 1], spec: A.reclassification },
    externalParam(A.external.urban, 'urban'),
    externalParam(A.external.rural, 'rural'),
    ...(A.hukou ? hukouParams(A.hukou) : []),
  ];
}

/**
 * The population pyramid of a state (404 cells `[UF 0…100 | UM | RF | RM]`): single years of
 * age 0 … 99 and 100+.
 *
 * @example
 * cohortPyramid(state).groups.map((g) => `${g.area} ${g.sex}`); // ['urban female', 'urban male', 'rural female', 'rural male']
 */
export function cohortPyramid(state: Float64Array): Pyramid {
  if (state.length !== CELLS) throw new RangeError(`a cohort state has ${CELLS} cells, got ${state.length}`);
  const block = (start: number) => Array.from(state.subarray(start, start + 101));
  return {
    ages: Array.from({ length: 101 }, (_, a) => a),
    groups: [
      { area: 'urban', sex: 'female', values: block(UF) },
      { area: 'urban', sex: 'male', values: block(UM) },
      { area: 'rural', sex: 'female', values: block(RF) },
      { area: 'rural', sex: 'male', values: block(RM) },
    ],
  };
}

const cohort: ModelDefinition<CohortAssumptions, CohortData> = {
  name: 'cohort',
  title: 'Cohort-component urban/rural model by single year of age and sex (MODEL.md v1)',
  assumptionsSchema: CohortAssumptionsSchema,
  parameters,
  metrics: HUKOU_MODEL_METRICS,
  metricsFor,
  compile: (A, ctx): CompiledModel<CohortData> => ({ metrics: metricsFor(A), data: compileCohort(A, ctx) }),
  createRunner,
  inspect: (m: CompiledModel<CohortData>, params: CompiledParams, paths: Float64Array) => scheduleDump(m.data, params.steps, paths),
  pyramid: cohortPyramid,
  defaultLever: 'ruralToUrban',
};

export default cohort;
