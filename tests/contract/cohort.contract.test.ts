/**
 * The cohort model against the shared model contract (model-contract.ts), over random valid
 * scenarios (uncertain, time-varying inputs; custom schedules; external rates or counts), with each
 * kernel forced through `URBCAST_KERNEL`, as a user would (the runner picks its kernel when it is
 * created, inside each property).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cohort from '../../models/cohort/index.js';
import { arbCohortInput, arbInfeasibleCohortInput } from '../models/cohort/arbitraries.js';
import { describeModelContract } from './model-contract.js';
import { selectKernel } from '../../models/cohort/wasm/select.js';

for (const kernel of ['js', 'wasm']) {
  describe(`URBCAST_KERNEL=${kernel}`, () => {
    const before = process.env.URBCAST_KERNEL;
    beforeAll(() => {
      process.env.URBCAST_KERNEL = kernel;
    });
    afterAll(() => {
      if (before === undefined) delete process.env.URBCAST_KERNEL;
      else process.env.URBCAST_KERNEL = before;
    });
    it('runs the contract with that kernel', () => {
      expect(selectKernel().name).toBe(kernel);
    });
    describeModelContract(`cohort (${kernel} kernel)`, () => ({
      model: cohort,
      arbitrary: arbCohortInput(),
      infeasible: arbInfeasibleCohortInput(),
      accounting: 'full',
      numRuns: 15,
      draws: 2,
    }));
  });
}
