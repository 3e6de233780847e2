/**
 * The `components` model: urban and rural totals projected with crude rates (births, deaths,
 * migration both ways, reclassification, external migration) in the cohort model's order of
 * steps, without ages — the bridge between `urgd` and `cohort`. See README.md beside this file.
 *
 * @module
 */
import type { CompiledParams, ParamDecl } from '../../src/params/compile.js';
import { externalParam } from '../shared/external.js';
import { URBAN_RURAL_METRICS } from '../shared/urban-rural.js';
import type { CompileContext, CompiledModel, MetricDecl, ModelDefinition } from '../../src/engine/model.js';
import { compileComponents, type ComponentsData } from './compile.js';
import { createComponentsRunner, scheduleDump } from './runner.js';
import { ComponentsAssumptionsSchema, type ComponentsAssumptions } from './schema.js';

/** Parameter order: the runner reads paths by these indices. */
export const P = {
  cbrU: 0,
  cbrR: 1,
  cdrU: 2,
  cdrR: 3,
  ruralToUrban: 4,
  urbanToRural: 5,
  reclassification: 6,
  externalU: 7,
  externalR: 8,
} as const;

/** Output series, in layout order: the cohort model's (models/shared/urban-rural.ts). */
export const METRICS: MetricDecl[] = URBAN_RURAL_METRICS;

function parameters(A: ComponentsAssumptions, _ctx: CompileContext): ParamDecl[] {
  const crude = (what: 'cbr' | 'cdr', area: 'urban' | 'rural'): ParamDecl => ({
    key: `${what}.${area}`,
    label: `crude ${what === 'cbr' ? 'birth' : 'death'} rate, ${area}`,
    unit: 'per person per year',
    domain: [0, 1],
    spec: A[what][area],
  });
  return [
    crude('cbr', 'urban'),
    crude('cbr', 'rural'),
    crude('cdr', 'urban'),
    crude('cdr', 'rural'),
    { key: 'ruralToUrban', label: 'rural→urban migration rate', unit: 'per year', domain: [0, 1], spec: A.ruralToUrban },
    { key: 'urbanToRural', label: 'urban→rural migration rate', unit: 'per year', domain: [0, 1], spec: A.urbanToRural },
    { key: 'reclassification', label: 'reclassification rate', unit: 'per year', domain: [0, 1], spec: A.reclassification },
    externalParam(A.external.urban, 'urban'),
    externalParam(A.external.rural, 'rural'),
  ];
}

const components: ModelDefinition<ComponentsAssumptions, ComponentsData> = {
  name: 'components',
  title: 'Urban/rural components model with crude rates, no ages (the cohort model\'s steps on two totals)',
  assumptionsSchema: ComponentsAssumptionsSchema,
  parameters,
  metrics: METRICS,
  compile: (A, ctx): CompiledModel<ComponentsData> => ({ metrics: METRICS, data: compileComponents(A, ctx) }),
  createRunner: (m: CompiledModel<ComponentsData>, params: CompiledParams) => createComponentsRunner(m.data, params.steps),
  inspect: (m: CompiledModel<ComponentsData>, params: CompiledParams, paths: Float64Array) => scheduleDump(m.data, params.steps, paths),
  defaultLever: 'ruralToUrban',
};

export default components;
