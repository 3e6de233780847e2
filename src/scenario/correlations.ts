/**
 * `sampling.correlations` must name existing uncertain inputs. Which inputs are uncertain is only
 * known once the model has declared its parameters (the compile stage), so this check runs after
 * loading, on demand (`simulate validate` when the engine's compile step is not available).
 *
 * @module
 */
import { compileParams } from '../params/compile.js';
import { InputError, throwAll } from './errors.js';
import type { LoadedScenario } from './load.js';

/**
 * The names of the scenario's uncertain inputs (e.g. `ruralToUrban.value`, `tfr.urban.change`).
 * Throws the model's `ParamError` for an out-of-domain parameter.
 *
 * @example
 * uncertainInputs(loaded); // ['ruralToUrban.value', 'reclassification.value']
 */
export function uncertainInputs(loaded: Pick<LoadedScenario, 'model' | 'assumptions' | 'ctx'>): string[] {
  const { model, assumptions, ctx } = loaded;
  return compileParams(model.parameters(assumptions, ctx), ctx.baseYear, ctx.steps).inputs.map((i) => i.name);
}

/**
 * Checks that every correlation names two distinct uncertain inputs; located input errors otherwise.
 *
 * @example
 * checkCorrelations(loaded); // throws InputError at sampling.correlations.0.between.1
 */
export function checkCorrelations(loaded: LoadedScenario): void {
  const correlations = loaded.scenario.sampling?.correlations ?? [];
  if (correlations.length === 0) return;
  const names = uncertainInputs(loaded);
  const known = names.length === 0 ? 'the scenario has no uncertain inputs' : `uncertain inputs are: ${names.join(', ')}`;
  const errors: InputError[] = [];
  correlations.forEach((c, k) => {
    c.between.forEach((name, side) => {
      if (names.includes(name)) return;
      const path = ['sampling', 'correlations', k, 'between', side];
      errors.push(new InputError({ ...loaded.locate(path), path: path.join('.'), found: JSON.stringify(name), expected: `an uncertain input; ${known}` }));
    });
    if (c.between[0] === c.between[1]) {
      const path = ['sampling', 'correlations', k, 'between'];
      errors.push(new InputError({ ...loaded.locate(path), path: path.join('.'), detail: `correlates "${c.between[0]}" with itself` }));
    }
  });
  throwAll(errors);
}
