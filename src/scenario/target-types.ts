/**
 * The shape of a resolved target: what the scenario loader produces (src/scenario/targets.ts)
 * and the engine reads (src/engine/input.ts), compiles (src/engine/target-plan.ts) and reports
 * (src/engine/result.ts). Types only, so that depending on it is depending on the loader's
 * output, not on the loader.
 *
 * @module
 */
import type { Dist } from '../random/distributions.js';

/** Comparators of the scenario language (`~` and `=` both mean |x − value| ≤ tolerance). */
export type Comparator = '>=' | '>' | '<=' | '<' | '~' | '=';

/** Where a target's number comes from (a seed entry's provenance). */
export interface TargetSource {
  seed: string;
  document: string;
  line: number;
  quote: string;
}

/** What a target asks, as the engine carries it from the scenario to the result. */
export interface TargetDefinition {
  id: string;
  label: string;
  /** The label in Chinese, where the loader knows one (a seed target whose label the scenario leaves to the seed). */
  labelZh?: string;
  metric: string;
  /** level: metric in `year`; flow: metric summed over `window`; gain: average annual gain over `window`. */
  kind: 'level' | 'flow' | 'gain';
  year?: number;
  window?: [number, number];
  comparator: Comparator;
  value: number;
  /** Half-width used by `~` and `=`. */
  tolerance?: number;
  /** Counts towards the joint probability that all milestones are met. */
  milestone: boolean;
  /** Relative (gain) targets: another scenario run on the same draws (path as written), or the reference's gain itself. */
  reference?: { scenario: string } | { gain: number | Dist } | { region: string };
  /** The region or group of a multi-region run whose series the target is on (`metric` then names `<region>.<metric>`). */
  region?: string;
  source?: TargetSource;
}

/** A target in inline form, as the loader resolves it (seed references already replaced). */
export interface ResolvedTarget extends TargetDefinition {
  why?: string;
  /** The target's own lever (`lever:` on the target; a bare name becomes `{param}`); absent: the scenario's. */
  lever?: { param: string; min?: number; max?: number };
}
