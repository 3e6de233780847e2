/**
 * What the engine needs from a loaded scenario: a structural subset of `LoadedScenario`
 * (src/scenario/load.ts), so that the engine depends on the loader's output, not on the loader.
 *
 * @module
 */
import type { Dist } from '../random/distributions.js';
import type { CompileContext, ModelDefinition } from './model.js';

/** Comparators of the scenario language (`~` and `=` both mean |x − value| ≤ tolerance). */
export type Comparator = '>=' | '>' | '<=' | '<' | '~' | '=';

/** Where a target's number comes from (a seed entry's provenance). */
export interface TargetSource {
  seed: string;
  document: string;
  line: number;
  quote: string;
}

/** A target in inline form, as the loader resolves it (seed references already replaced). */
export interface ResolvedTarget {
  id: string;
  label: string;
  metric: string;
  /** level: metric in `year`; flow: metric summed over `window`; gain: average annual gain over `window`. */
  kind: 'level' | 'flow' | 'gain';
  year?: number;
  window?: [number, number];
  comparator: Comparator;
  value: number;
  tolerance?: number;
  /** Counts towards the joint probability that all milestones are met. */
  milestone: boolean;
  /** Relative targets: another scenario run on the same draws, or the reference's gain itself. */
  reference?: { scenario: string } | { gain: number | Dist };
  source?: TargetSource;
}

/** The part of a validated scenario the engine reads. */
export interface EngineScenarioFields {
  name: string;
  region: string;
  draws: number;
  seed: number;
  sampling?: { lhs: boolean; correlations: { between: [string, string]; rho: number }[] };
  lever?: { param: string; min?: number; max?: number };
  targets: ResolvedTarget[];
}

/** A loaded, validated scenario (structurally, the loader's `LoadedScenario`). */
export interface EngineInput {
  /** Absolute path of the scenario file. */
  file: string;
  scenario: EngineScenarioFields;
  modelName: string;
  /** URL of the model's compiled module: workers import it themselves. */
  modelModule: string;
  model: ModelDefinition;
  /** The `assumptions:` block, validated by the model's schema. */
  assumptions: unknown;
  ctx: CompileContext;
  /** Reference scenarios of relative targets, by the path written in `reference.scenario`. */
  references: Record<string, EngineInput>;
}
