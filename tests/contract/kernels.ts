/**
 * Runs a suite once per cohort kernel, forced through `URBCAST_KERNEL` as a user would (a runner
 * picks its kernel when it is created, so inside each property).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectKernel } from '../../models/cohort/wasm/select.js';

/**
 * Describes `body(kernel)` under `URBCAST_KERNEL=js`, then `=wasm`.
 *
 * @example
 * describeWithEachKernel((kernel) => describeModelContract(`cohort (${kernel} kernel)`, () => input));
 */
export function describeWithEachKernel(body: (kernel: 'js' | 'wasm') => void): void {
  for (const kernel of ['js', 'wasm'] as const) {
    describe(`URBCAST_KERNEL=${kernel}`, () => {
      const before = process.env.URBCAST_KERNEL;
      beforeAll(() => {
        process.env.URBCAST_KERNEL = kernel;
      });
      afterAll(() => {
        if (before === undefined) delete process.env.URBCAST_KERNEL;
        else process.env.URBCAST_KERNEL = before;
      });
      it('runs with that kernel', () => {
        expect(selectKernel().name).toBe(kernel);
      });
      body(kernel);
    });
  }
}
