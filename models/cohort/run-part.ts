/**
 * The part of the `cohort` model that runs draws: `createRunner` alone, without the assumptions'
 * schema (zod) that only loading needs. Worker threads import this module (the registry's
 * `runner`), which saves each of them the schema's import.
 *
 * @module
 */
import type { CompiledParams } from '../../src/params/compile.js';
import type { CompiledModel, ModelRunnerPart, Runner } from '../../src/engine/model.js';
import type { CohortData } from './compile.js';
import { createHukouExtension } from './hukou/extension.js';
import { createCohortRunner } from './runner.js';
import { selectKernel } from './wasm/select.js';

/** Number of the v1 parameters; the hukou block's follow. */
export const V1_PARAMS = 12;

/**
 * Allocates a runner for a compiled cohort model.
 *
 * @example
 * const runner = createRunner(compiled, params);
 * runner.run(paths, out);
 */
export function createRunner(m: CompiledModel<CohortData>, params: CompiledParams): Runner {
  const hk = m.data.hukou;
  // One kernel for the resident step and the hukou accounts, so that both run in its memory.
  const kern = selectKernel();
  const ext = hk ? createHukouExtension(V1_PARAMS, params.steps, m.data.baseYear, hk.conversionIsCount, kern) : undefined;
  return createCohortRunner(m.data, params.steps, ext, kern);
}

const runPart: ModelRunnerPart<CohortData> = { createRunner };

export default runPart;
