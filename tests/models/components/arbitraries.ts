/**
 * fast-check arbitraries of components scenarios in the scenario language, for the model contract.
 *
 * Ranges: crude birth and death rates 0–0.05 per person per year, internal rates 0–0.1,
 * reclassification 0–0.05, external rates −0.01…0.01 or counts of ±0.2 % of the area's baseline
 * population, population 1e3–1e8, urban share 0.05–0.95, horizon 1–20 years. No draw fails: each
 * year the rural area keeps at least (1 − 0.05)(1 − 0.1)(1 − 0.05) ≈ 0.81 of itself before
 * external migration, so a rate leaves ≥ 0.80 of it, and counts of at most 0.2 % of the baseline
 * leave R_t ≥ 0.81^t·R_0 − 0.002·R_0/(1 − 0.81) ≥ (1.5 % − 1.1 %)·R_0 > 0 for t ≤ 20 (the urban
 * area keeps more). Rate parameters use the cohort arbitraries' generator.
 */
import fc from 'fast-check';
import type { ContractInput } from '../../contract/model-contract.js';
import { arbParam, num } from '../cohort/arbitraries.js';

/** Valid, feasible inputs of the components model. */
export function arbComponentsInput(steps: [number, number] = [1, 20]): fc.Arbitrary<ContractInput> {
  const base = fc.record({
    baseYear: fc.integer({ min: 1995, max: 2029 }),
    steps: fc.integer({ min: steps[0], max: steps[1] }),
    population: num(3, 8).map((x) => 10 ** x),
    urbanShare: num(0.05, 0.95),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
  return base.chain((b) => {
    const p = (lo: number, hi: number) => arbParam(lo, hi, b.baseYear, b.steps);
    const ext = (areaPop: number) =>
      fc.oneof({ arbitrary: p(-0.01, 0.01).map((rate) => ({ rate })), weight: 3 }, { arbitrary: p(-0.002 * areaPop, 0.002 * areaPop).map((count) => ({ count })), weight: 1 });
    return fc
      .record({
        cbr: fc.record({ urban: p(0, 0.05), rural: p(0, 0.05) }),
        cdr: fc.record({ urban: p(0, 0.05), rural: p(0, 0.05) }),
        ruralToUrban: p(0, 0.1),
        urbanToRural: p(0, 0.1),
        reclassification: p(0, 0.05),
        external: fc.record({ urban: ext(b.population * b.urbanShare), rural: ext(b.population * (1 - b.urbanShare)) }),
      })
      .map((assumptions) => ({ ...b, assumptions }));
  });
}

/**
 * Inputs whose first projected year must fail: net rural emigration of 1.5–10 times the whole
 * baseline population.
 */
export function arbInfeasibleComponentsInput(): fc.Arbitrary<ContractInput> {
  return fc.tuple(arbComponentsInput([1, 5]), num(1.5, 10)).map(([input, k]) => {
    const A = input.assumptions as Record<string, unknown>;
    return { ...input, assumptions: { ...A, external: { urban: { rate: 0 }, rural: { count: -k * input.population } } } };
  });
}
