/**
 * The cohort model with its hukou accounts against the shared model contract: the same random
 * scenarios as cohort.contract.test.ts plus a feasible `hukou:` block, with each kernel forced
 * through `URBCAST_KERNEL` (kernels.ts; the hukou step runs in the kernel's build).
 */
import cohort from '../../models/cohort/index.js';
import { arbCohortInput, arbInfeasibleCohortInput } from '../models/cohort/arbitraries.js';
import { describeWithEachKernel } from './kernels.js';
import { describeModelContract } from './model-contract.js';

describeWithEachKernel((kernel) =>
  describeModelContract(`cohort with hukou (${kernel} kernel)`, () => ({
    model: cohort,
    arbitrary: arbCohortInput({ hukou: true }),
    infeasible: arbInfeasibleCohortInput(),
    accounting: 'full',
    numRuns: 15,
    draws: 2,
  })),
);
