/**
 * The model registry: scenario `model:` names → model modules. The engine never imports a model
 * directly; it receives the module's URL (workers import it themselves) and its default export.
 *
 * @module
 */
import { compiledUrl } from '../src/engine/compiled-url.js';
import type { ModelDefinition } from '../src/engine/model.js';

/** A registered model: the URL of its module (default export: a ModelDefinition). */
export interface ModelEntry {
  module: string;
  title: string;
  /**
   * Optional: a module whose default export is the model's `createRunner` alone
   * (`ModelRunnerPart`), without its schemas; worker threads import it instead of `module`.
   */
  runner?: string;
}

/** Every model a scenario can name. */
export const registry: Record<string, ModelEntry> = {
  cohort: {
    module: compiledUrl('./cohort/index.js', import.meta.url),
    runner: compiledUrl('./cohort/run-part.js', import.meta.url),
    title: 'Cohort-component urban/rural model by single year of age and sex (MODEL.md v1)',
  },
  urgd: {
    module: compiledUrl('./urgd/index.js', import.meta.url),
    title: 'UN World Urbanization Prospects method: logistic urban share driven by the urban–rural growth difference',
  },
  regions: {
    module: compiledUrl('./regions/index.js', import.meta.url),
    title: 'Several regions, each a scenario with its own model, projected on the same draws and added up',
  },
  components: {
    module: compiledUrl('./components/index.js', import.meta.url),
    title: "Urban/rural components model with crude rates, no ages (the cohort model's steps on two totals)",
  },
};

/**
 * Loads a model definition from a module URL (as workers do).
 *
 * @example
 * const cohort = await loadModel(registry.cohort.module);
 */
export async function loadModel(moduleUrl: string): Promise<ModelDefinition> {
  const mod = (await import(moduleUrl)) as { default: ModelDefinition };
  return mod.default;
}
