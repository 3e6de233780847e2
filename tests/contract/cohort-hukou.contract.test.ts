/**
 * The cohort model with its hukou accounts against the shared model contract: the same random
 * scenarios as cohort.contract.test.ts plus a feasible `hukou:` block.
 */
import cohort from '../../models/cohort/index.js';
import { arbCohortInput, arbInfeasibleCohortInput } from '../models/cohort/arbitraries.js';
import { describeModelContract } from './model-contract.js';

describeModelContract('cohort with hukou', () => ({
  model: cohort,
  arbitrary: arbCohortInput({ hukou: true }),
  infeasible: arbInfeasibleCohortInput(),
  accounting: 'full',
  numRuns: 15,
  draws: 2,
}));
