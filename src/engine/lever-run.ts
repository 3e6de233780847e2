/**
 * "What would it take" for every lever of a run: one search per lever, over its targets, in the
 * compiled (first-use) order, by the draws' own crossings (`lever-crossing.ts`) with the probing
 * search (`lever.ts`) for the targets those cannot answer.
 *
 * The search reads only the main run's lever draws (draws 0 … n − 1: their target values,
 * reference parts and weights), so `runScenario` starts it as soon as those are in and lets its
 * evaluations share the pool with the rest of the main run: the workers fill the lever's barriers
 * (each evaluation waits for the previous one) with main draws, and the main run's last batches
 * with lever draws. Its results do not depend on that interleaving: every evaluation is a pure
 * function of its shift and draws, and the search takes them in its own order.
 *
 * @module
 */
import type { CompiledScenario } from './compile.js';
import { searchLevers, type LeverResult } from './lever.js';
import { assumedEvaluation, assumedValues, medianQuantity, medianResponse, shiftedEvaluation, shiftedValues } from './lever-draws.js';
import { searchByCrossings } from './lever-crossing.js';
import type { Executor } from './pool.js';

/** The main run's lever draws, and how to run the shifted ones. */
export interface LeverRunInput {
  /** Draws per evaluation (draws 0 … n − 1 of the main run). */
  n: number;
  /** Their target values in the main run (T per draw). */
  values: Float64Array;
  /** Their reference parts (T per draw), or null when no target has a reference. */
  refParts: Float64Array | null;
  /** Their input values (J per draw), or null when the main run did not keep them. */
  inputs: Float64Array | null;
  /** Their relative importance weights (calibrated runs), else null. */
  weights: Float64Array | null;
  search: 'crossings' | 'probes';
  batchSize: number;
  inFlight: number;
  signal?: AbortSignal;
  /** Called before each evaluation of shifted draws, with their count so far. */
  onEvaluation?: (count: number) => void;
}

/** What {@link searchAllLevers} finds. */
export interface LeverSearch {
  /** Per target: what it would take, or null. */
  levers: (LeverResult | null)[];
  /** Shifted evaluations run. */
  evaluations: number;
}

/**
 * Every target's "what would it take" (null for a target no lever moves, or none found), and the
 * number of shifted evaluations run.
 *
 * @example
 * const { levers, evaluations } = await searchAllLevers(exec, compiled, { n: 2000, values, refParts: null, inputs: null, weights: null, search: 'crossings', batchSize: 200, inFlight: 6 });
 */
export async function searchAllLevers(exec: Executor, cs: CompiledScenario, input: LeverRunInput): Promise<LeverSearch> {
  const { n, values, weights } = input;
  const levers: (LeverResult | null)[] = cs.targets.map(() => null);
  let evaluations = 0;
  const counted = () => input.onEvaluation?.(++evaluations);
  for (const lever of cs.levers) {
    const draws = { n, refParts: input.refParts, inputs: input.inputs, weights, batchSize: input.batchSize, inFlight: input.inFlight, signal: input.signal };
    const response = medianResponse(exec, cs, lever);
    let found: (LeverResult | null)[] = lever.targets.map(() => null);
    if (input.search === 'crossings') {
      const targets = lever.targets.map((k, j) => ({ comparator: cs.targets[k].comparator, value: cs.targets[k].value, slope: response.slopes[j], response: medianQuantity(exec, lever, k) }));
      found = await searchByCrossings(lever, targets, assumedValues(cs, lever, values, n), weights, (delta, need) => {
        counted();
        return shiftedValues(exec, cs, lever, delta, draws, need);
      });
    }
    const open = found.flatMap((r, j) => (r === null ? [j] : []));
    if (open.length > 0) {
      // the probing search, over the targets the crossings could not answer (the same lever, fewer targets)
      const rest = { ...lever, targets: open.map((j) => lever.targets[j]) };
      const probed = await searchLevers(
        rest,
        rest.targets.length,
        (delta, targets) => {
          if (delta === 0) return Promise.resolve(assumedEvaluation(cs, rest, values, n, weights));
          counted();
          return shiftedEvaluation(exec, cs, rest, delta, draws, targets);
        },
        { directions: open.map((j) => response.directions[j]) },
      );
      open.forEach((j, i) => (found[j] = probed[i]));
    }
    lever.targets.forEach((k, j) => (levers[k] = found[j]));
  }
  return { levers, evaluations };
}
