/**
 * fast-check arbitraries of urgd scenarios in the scenario language, for the model contract.
 *
 * Ranges: URGD −0.1…0.1 per year (observed values are a few hundredths), growth −5 %…+5 % a
 * year, drift target −0.1…0.1 and speed 0…1 (optional), population 1e3–1e8, urban share
 * 0.05–0.95, horizon 1–40 years. Every path of every draw stays inside these ranges, so no draw
 * fails. Rate parameters use the cohort arbitraries' generator (constants, distributions,
 * value + change, byYear).
 */
import fc from 'fast-check';
import { hasTimePath } from '../../../models/urgd/schema.js';
import type { ParamSpec } from '../../../src/params/schema.js';
import type { ContractInput } from '../../contract/model-contract.js';
import { arbParam, num } from '../cohort/arbitraries.js';

/** Valid, feasible inputs of the urgd model. */
export function arbUrgdInput(steps: [number, number] = [1, 40]): fc.Arbitrary<ContractInput> {
  const base = fc.record({
    baseYear: fc.integer({ min: 1995, max: 2029 }),
    steps: fc.integer({ min: steps[0], max: steps[1] }),
    population: num(3, 8).map((x) => 10 ** x),
    urbanShare: num(0.05, 0.95),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
  return base.chain((b) => {
    const p = (lo: number, hi: number) => arbParam(lo, hi, b.baseYear, b.steps);
    // Under drift, urgd states only the first year: no change/byYear path (the schema says so).
    const first = p(-0.1, 0.1).filter((x) => hasTimePath(x as ParamSpec) === null);
    const withDrift = fc.record({ urgd: first, growth: p(-0.05, 0.05), drift: fc.record({ target: p(-0.1, 0.1), speed: p(0, 1) }) });
    const plain = fc.record({ urgd: p(-0.1, 0.1), growth: p(-0.05, 0.05) });
    return fc.oneof(plain, withDrift).map((assumptions) => ({ ...b, assumptions }));
  });
}

/**
 * Inputs whose draws must fail: growth falls linearly from 0 to −1 (everyone leaves) in some
 * projected year.
 */
export function arbInfeasibleUrgdInput(): fc.Arbitrary<ContractInput> {
  return arbUrgdInput([1, 10]).chain((input) =>
    fc.integer({ min: input.baseYear + 1, max: input.baseYear + input.steps }).map((year) => {
      const A = input.assumptions as Record<string, unknown>;
      const first = input.baseYear + 1;
      const growth = year === first ? -1 : { byYear: { [String(first)]: 0, [String(year)]: -1 } };
      return { ...input, assumptions: { ...A, growth } };
    }),
  );
}
