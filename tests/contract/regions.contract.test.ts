/**
 * The regions model against the shared model contract (tests/contract/model-contract.ts): two or
 * three regions of the `components` model (random valid inputs, rates or counts of external
 * migration), a group and a shared factor, with and without balanced migration (only where every
 * region states external migration as rates). The regions' scenarios are given to the model as the
 * loader would after `expand` (here built directly, without files).
 */
import fc from 'fast-check';
import components from '../../models/components/index.js';
import regions from '../../models/regions/index.js';
import type { LoadedRegion, RegionsAssumptions } from '../../models/regions/schema.js';
import { registry } from '../../models/index.js';
import { arbComponentsInput } from '../models/components/arbitraries.js';
import { contractContext, describeModelContract, type ContractInput } from './model-contract.js';

function arbRegionsInput(): fc.Arbitrary<ContractInput> {
  return fc
    .tuple(
      arbComponentsInput([1, 12]),
      fc.array(fc.tuple(fc.double({ min: 0.5, max: 2, noNaN: true }), fc.double({ min: -0.04, max: 0.04, noNaN: true })), { minLength: 2, maxLength: 3 }),
      fc.boolean(),
      fc.double({ min: 0, max: 0.9, noNaN: true }),
    )
    .map(([base, sizes, balance, rho]) => {
      // regions on the same years and assumptions (the components arbitrary's paths are valid over
      // its own years), of different sizes and shares
      const regionInputs = sizes.map(([f, du]) => ({ ...base, population: base.population * f, urbanShare: Math.min(0.97, Math.max(0.03, base.urbanShare + du)) }));
      const parts = [base];
      const pop = regionInputs.reduce((s, r) => s + r.population, 0);
      const urban = regionInputs.reduce((s, r) => s + r.population * r.urbanShare, 0);
      const allRates = regionInputs.every((r) => 'rate' in (r.assumptions as { external: { urban: object; rural: object } }).external.urban && 'rate' in (r.assumptions as { external: { rural: object } }).external.rural);
      const ids = regionInputs.map((_, k) => `r${k}`);
      return {
        baseYear: parts[0].baseYear,
        steps: parts[0].steps,
        population: pop,
        urbanShare: urban / pop,
        seed: parts[0].seed,
        assumptions: {
          id: 'all',
          regions: ids.map((id) => ({ id, scenario: `${id}.yml` })),
          groups: [{ id: 'first-two', members: ids.slice(0, 2) }],
          shared: [{ input: 'ruralToUrban.value', rho }],
          ...(balance && allRates ? { migration: { external: { dist: 'uniform', min: -0.003, max: 0.003 } } } : {}),
        },
        extra: regionInputs,
      };
    });
}

describeModelContract('regions', () => ({
  model: regions,
  arbitrary: arbRegionsInput(),
  accounting: 'full',
  numRuns: 20,
  draws: 2,
  expand(A, _ctx, input) {
    const parts = input.extra as ContractInput[];
    const loaded: LoadedRegion[] = parts.map((p, k) => ({
      id: `r${k}`,
      name: `region ${k}`,
      file: `/contract/r${k}.yml`,
      modelName: 'components',
      modelModule: registry.components.module,
      assumptions: components.assumptionsSchema.parse(p.assumptions),
      ctx: contractContext(p),
      correlations: [],
    }));
    return { ...(A as RegionsAssumptions), loaded };
  },
}));
