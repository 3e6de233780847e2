/**
 * The components model against the shared model contract (tests/contract/model-contract.ts),
 * over random valid scenarios: uncertain and time-varying crude rates, internal migration and
 * reclassification, external migration as rates or counts. It keeps the cohort model's accounts.
 */
import components from '../../models/components/index.js';
import { arbComponentsInput, arbInfeasibleComponentsInput } from '../models/components/arbitraries.js';
import { describeModelContract } from './model-contract.js';

describeModelContract('components', () => ({
  model: components,
  arbitrary: arbComponentsInput(),
  infeasible: arbInfeasibleComponentsInput(),
  accounting: 'full',
  numRuns: 50,
  draws: 3,
}));
