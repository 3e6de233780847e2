/**
 * The cohort model against the shared model contract (tests/contract/model-contract.ts), over
 * random valid scenarios: uncertain and time-varying parameters, custom migration schedules,
 * external migration as rates or counts, baseline years 1995–2029.
 */
import cohort from '../../models/cohort/index.js';
import { arbCohortInput, arbInfeasibleCohortInput } from '../models/cohort/arbitraries.js';
import { describeModelContract } from './model-contract.js';

describeModelContract('cohort', () => ({
  model: cohort,
  arbitrary: arbCohortInput(),
  infeasible: arbInfeasibleCohortInput(),
  accounting: 'full',
  numRuns: 15,
  draws: 2,
}));
