/**
 * The interactive report's model of a scenario, made on the server side: the scenario compiled
 * (stage two, as for a run) and its main parameters as the model declares them, which the page
 * compiles again with shifted assumptions (`shift.ts`).
 *
 * @module
 */
import { compileScenario } from '../../../engine/compile.js';
import type { EngineInput } from '../../../engine/input.js';
import type { ExploreModel } from './shift.js';

/**
 * @example
 * const model = exploreModel(await loadScenario('scenarios/heze.yml'), { draws: 2000 });
 * model.decls.map((d) => d.key); // ['tfr.urban', 'tfr.rural', …]
 */
export function exploreModel(loaded: EngineInput, run: { draws?: number; seed?: number } = {}): ExploreModel {
  const cs = compileScenario(loaded, run);
  return { cs, decls: loaded.model.parameters(loaded.assumptions, loaded.ctx) };
}
