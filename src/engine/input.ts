/**
 * What the engine needs from a loaded scenario: a structural subset of `LoadedScenario`
 * (src/scenario/load.ts), so that the engine depends on the loader's output, not on the loader.
 * Targets are typed by src/scenario/target-types.ts (types only), shared with the loader.
 *
 * @module
 */
import type { ResolvedTarget } from '../scenario/target-types.js';
import type { CompileContext, ModelDefinition } from './model.js';

export type { Comparator, ResolvedTarget, TargetSource } from '../scenario/target-types.js';

/** The part of a validated scenario the engine reads. */
export interface EngineScenarioFields {
  name: string;
  region: string;
  draws: number;
  seed: number;
  sampling?: { lhs: boolean; correlations: { between: [string, string]; rho: number }[] };
  lever?: { param: string; min?: number; max?: number };
  targets: ResolvedTarget[];
  /** Observations of the region (`history:`); those after the baseline weight the draws when `calibration` is set. */
  history?: { year: number; metric: string; value: number; se: number }[];
  /** Calibration to history (importance weights); absent: every draw weighs the same. */
  calibration?: { method: 'importance'; minEss: number };
}

/** A loaded, validated scenario (structurally, the loader's `LoadedScenario`). */
export interface EngineInput {
  /** Absolute path of the scenario file. */
  file: string;
  scenario: EngineScenarioFields;
  modelName: string;
  /** URL of the model's compiled module: workers import it themselves. */
  modelModule: string;
  /** URL of a module with the model's `createRunner` alone (`ModelRunnerPart`), which workers import instead, if the model has one. */
  runnerModule?: string;
  model: ModelDefinition;
  /** The `assumptions:` block, validated by the model's schema. */
  assumptions: unknown;
  ctx: CompileContext;
  /** Reference scenarios of relative targets, by the path written in `reference.scenario`. */
  references: Record<string, EngineInput>;
}
