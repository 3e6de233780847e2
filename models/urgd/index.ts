/**
 * The `urgd` model: the United Nations *World Urbanization Prospects* method. The urban share
 * moves along a logistic path whose logit changes each year by the urban–rural growth
 * difference (URGD); the total population grows at its own rate. No ages, no components. See
 * README.md beside this file.
 *
 * @module
 */
import type { CompiledParams, ParamDecl } from '../../src/params/compile.js';
import type { CompileContext, CompiledModel, MetricDecl, ModelDefinition } from '../../src/engine/model.js';
import { compileUrgd, type UrgdData } from './compile.js';
import { createUrgdRunner, scheduleDump } from './runner.js';
import { UrgdAssumptionsSchema, type UrgdAssumptions } from './schema.js';

/** Parameter order: the runner reads paths by these indices (`drift.*` only with drift). */
export const P = {
  urgd: 0,
  growth: 1,
  driftTarget: 2,
  driftSpeed: 3,
} as const;

/** Output series, in layout order. */
export const METRICS: MetricDecl[] = [
  { name: 'total', label: 'Total population', unit: 'persons', kind: 'stock' },
  { name: 'urban', label: 'Urban population', unit: 'persons', kind: 'stock' },
  { name: 'rural', label: 'Rural population', unit: 'persons', kind: 'stock' },
  { name: 'urbanShare', label: 'Urban share', unit: 'share', kind: 'share' },
  // A rate of the step ending in year t (like a flow: none at t = 0). Summed over a window it is
  // the change of logit(urban share) over that window.
  { name: 'urgd', label: 'Urban–rural growth difference', unit: 'per year', kind: 'flow', display: { column: 'URGD' } },
  // The one-term decomposition: with no components, all of Δshare is the URGD's.
  { name: 'contrib.urgd', label: 'Share change: urban–rural growth difference (all of it)', unit: 'share', kind: 'contribution' },
];

/** URGD bounds: ±1 per year (a logit change of 1 a year) is far beyond anything observed. */
const URGD_DOMAIN: [number, number] = [-1, 1];

function parameters(A: UrgdAssumptions, _ctx: CompileContext): ParamDecl[] {
  const decls: ParamDecl[] = [
    {
      key: 'urgd',
      label: A.drift ? 'urban–rural growth difference in the first projected year' : 'urban–rural growth difference',
      unit: 'per year',
      domain: URGD_DOMAIN,
      spec: A.urgd,
    },
    { key: 'growth', label: 'total population growth rate', unit: 'per year', domain: [-1, 1], spec: A.growth },
  ];
  if (A.drift) {
    decls.push(
      { key: 'drift.target', label: 'long-run urban–rural growth difference', unit: 'per year', domain: URGD_DOMAIN, spec: A.drift.target },
      { key: 'drift.speed', label: 'speed of the URGD drift (share of the gap closed per year)', unit: 'per year', domain: [0, 1], spec: A.drift.speed },
    );
  }
  return decls;
}

const urgd: ModelDefinition<UrgdAssumptions, UrgdData> = {
  name: 'urgd',
  title: 'UN World Urbanization Prospects method: logistic urban share driven by the urban–rural growth difference',
  assumptionsSchema: UrgdAssumptionsSchema,
  parameters,
  metrics: METRICS,
  compile: (A, ctx): CompiledModel<UrgdData> => ({ metrics: METRICS, data: compileUrgd(A, ctx) }),
  createRunner: (m: CompiledModel<UrgdData>, params: CompiledParams) => createUrgdRunner(m.data, params.steps),
  inspect: (m: CompiledModel<UrgdData>, params: CompiledParams, paths: Float64Array) => scheduleDump(m.data, params.steps, paths),
  defaultLever: 'urgd',
};

export default urgd;
