/**
 * The scenario language (YAML, validated with zod). The engine validates everything except the
 * `assumptions:` block, which belongs to the model named by `model:` and is validated by that
 * model's own schema. `simulate schema` prints this as JSON Schema.
 *
 * @module
 */
import { z } from '../vendor/zod.js';
import { DistSchema } from '../params/schema.js';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const year = z.number().int().min(1900).max(2300);
const why = z.string().min(1);

/** A seed entry id (`seeds/<city>.yml`), e.g. `heze.P004`. */
export const SeedIdSchema = z.string().regex(/^[a-z]+\.P\d{3}$/, 'a seed id such as heze.P005');

/**
 * A number with its provenance: `8790000`, `{value: 8790000, seed: heze.P001, why: "…"}` (the
 * loader checks the value equals the seed's) or `{seed: heze.P004}` (the loader fills the value).
 */
const Sourced = <T extends z.ZodTypeAny>(inner: T) =>
  z.union([
    inner,
    z.strictObject({ value: inner, seed: SeedIdSchema.optional(), why: why.optional() }),
    z.strictObject({ seed: SeedIdSchema.describe('Seed entry holding the number (kind baseline or history)'), why: why.optional() }),
  ]);

export const ComparatorSchema = z.enum(['>=', '>', '<=', '<', '~', '=']);

/** A reference for a relative target: another scenario run with the same draws, or a distribution. */
const ReferenceSchema = z.union([
  z.strictObject({ scenario: z.string().min(1).describe('Path of the reference scenario, relative to this file') }),
  z.strictObject({ gain: z.union([finite, DistSchema]).describe("The reference's average annual gain, in share points (0.01 = 1 pp)"), why: why.optional() }),
  z.strictObject({ region: z.string().min(1).describe('A region or group of this run (model regions): the same metric of it, on the same draws') }),
]);

/** "What would it take": the parameter moved, and optionally the bracket of its level. */
const LeverSchema = z.strictObject({
  param: z.string().min(1).describe('Parameter moved by "what would it take", e.g. ruralToUrban'),
  min: finite.optional().describe("Lowest level searched (default: the parameter's domain)"),
  max: finite.optional().describe("Highest level searched (default: the parameter's domain)"),
});

const TargetCommon = {
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/).optional().describe('Short id for reports (defaults to the seed id or metric-year)'),
  label: z.string().optional(),
  labelZh: z.string().min(1).optional().describe("The label in Chinese, for --lang zh (default for a seed target without label: the seed's)"),
  tolerance: finite.nonnegative().optional().describe('Half-width for the ≈ comparator, in the metric\'s unit'),
  milestone: z.boolean().optional().describe('Counts towards the joint probability that all milestones are met (default true)'),
  lever: z
    .union([z.string().min(1), LeverSchema])
    .optional()
    .describe("This target's own lever for \"what would it take\": a parameter name or {param, min, max} (default: the scenario's lever)"),
  region: z
    .string()
    .min(1)
    .optional()
    .describe('A region or group of a multi-region run (model regions): the target is on its series, e.g. region heze → heze.urbanShare'),
  why: why.optional(),
};

/** A target: a reference to a seed entry, or an inline definition. */
export const TargetSchema = z.union([
  z.strictObject({
    seed: SeedIdSchema.describe('Seed entry holding the number'),
    ...TargetCommon,
    reference: ReferenceSchema.optional(),
  }),
  z.strictObject({
    metric: z.string().min(1).describe('A metric of the model, e.g. urbanShare, total, urban, ruralToUrban'),
    year: year.optional().describe('Level target: the year'),
    window: z.tuple([year, year]).optional().describe('Flow target: sum over these years; gain target: the years'),
    comparator: ComparatorSchema,
    value: finite,
    reference: ReferenceSchema.optional().describe('Makes this a relative-gain target'),
    ...TargetCommon,
  }),
]);

const CorrelationSchema = z.strictObject({
  between: z.tuple([z.string(), z.string()]).describe('Two uncertain inputs, e.g. [ruralToUrban.value, reclassification.value]'),
  rho: finite.min(-1).max(1).describe('Gaussian-copula (normal-score) correlation'),
  why: why.optional(),
});

/**
 * One observation of the past (or of years after the baseline that are already known): a metric's
 * value in a year, its standard error in the metric's unit, and where it comes from. Used to weight
 * draws (`calibration:`), to draw observed points in reports and to score backtests.
 */
export const ObservationSchema = z.strictObject({
  year,
  metric: z.string().min(1).describe('A metric of the model, e.g. urbanShare, total'),
  value: finite,
  se: finite.positive().describe("The observation's standard error, in the metric's unit (e.g. 0.003 = 0.3 points of share)"),
  vintage: year.optional().describe('Year the figure was published (a backtest from origin Y uses only vintages ≤ Y)'),
  source: z.string().min(1).describe('Where the figure comes from: data file and row, or seed id'),
  why: why.optional().describe('Why this standard error (or anything else worth saying)'),
});

/** Calibration to history: importance weights from the observations after the baseline. */
export const CalibrationSchema = z.strictObject({
  method: z.literal('importance').default('importance').describe('Importance weights w_i ∝ Π N(obs; path_i, se), normalised'),
  minEss: z.number().int().min(1).default(200).describe('Refuse (exit 2) when the effective sample size (Σw)²/Σw² is below this'),
  why: why.optional(),
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  region: z.string().min(1),
  model: z.string().min(1).describe('Registered model name, e.g. cohort'),
  extends: z.string().optional().describe('A scenario file this one derives from (relative path)'),
  baseline: z.strictObject({
    year,
    population: Sourced(finite.positive()).describe('Total resident population at the end of the baseline year, persons'),
    urbanShare: Sourced(finite.min(0).max(1)).describe('Urban share at the end of the baseline year, 0–1'),
    ageStructure: z.string().optional().describe('CSV of the age-sex structure (relative path)'),
    why: why.optional(),
  }),
  horizon: year.describe('Last projected year'),
  draws: z.number().int().min(1).max(1_000_000_000).default(10_000),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
  sampling: z
    .strictObject({
      lhs: z.boolean().default(false).describe('Latin-hypercube stratification'),
      correlations: z.array(CorrelationSchema).default([]),
    })
    .optional(),
  lever: LeverSchema.optional().describe("The lever of every target without its own (default: the model's, e.g. ruralToUrban)"),
  assumptions: z.record(z.string(), z.unknown()).describe("The model's parameters; see the model's README"),
  targets: z.array(TargetSchema).default([]),
  history: z.array(ObservationSchema).default([]).describe('Observations of the region: for weighting, reports and backtests'),
  calibration: CalibrationSchema.optional().describe('Weight each draw by how well its path fits the history after the baseline'),
});

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;
export type Target = z.output<typeof TargetSchema>;
export type Comparator = z.output<typeof ComparatorSchema>;
export type Observation = z.output<typeof ObservationSchema>;
export type Calibration = z.output<typeof CalibrationSchema>;

/** A sourced number once the loader has resolved `{seed}` to its value. */
export type ResolvedSourced = number | { value: number; seed?: string; why?: string };

/**
 * The plain value of a resolved sourced number.
 *
 * @example
 * sourcedValue({ value: 0.519, seed: 'heze.P004' }); // 0.519
 */
export function sourcedValue(v: ResolvedSourced): number {
  return typeof v === 'number' ? v : v.value;
}
