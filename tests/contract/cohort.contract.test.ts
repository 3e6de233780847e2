/**
 * The cohort model against the shared model contract (model-contract.ts), over random valid
 * scenarios (uncertain, time-varying inputs; custom schedules; external rates or counts), with each
 * kernel forced through `URBCAST_KERNEL` (kernels.ts).
 */
import cohort from '../../models/cohort/index.js';
import { arbCohortInput, arbInfeasibleCohortInput } from '../models/cohort/arbitraries.js';
import { describeWithEachKernel } from './kernels.js';
import { describeModelContract } from './model-contract.js';

describeWithEachKernel((kernel) =>
  describeModelContract(`cohort (${kernel} kernel)`, () => ({
    model: cohort,
    arbitrary: arbCohortInput(),
    infeasible: arbInfeasibleCohortInput(),
    accounting: 'full',
    numRuns: 15,
    draws: 2,
  })),
);
