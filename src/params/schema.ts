/**
 * The scenario language's rate parameters: a fixed value or a distribution, with a time path.
 *
 * ```yaml
 * ruralToUrban: 0.021                                   # fixed, constant
 * ruralToUrban: {dist: triangular, min: 0.015, mode: 0.021, max: 0.03}   # uncertain, constant
 * ruralToUrban:                                         # uncertain start plus annual change
 *   value: {dist: uniform, min: 0.018, max: 0.024}
 *   change: {dist: normal, mean: -0.0005, sd: 0.0002}
 *   why: "…"
 * ruralToUrban:                                         # uncertain start, and a pace that wanders
 *   value: {dist: pert, min: 0.012, mode: 0.016, max: 0.02}
 *   walk: {sd: 0.12, scale: log}                        # log-rate random walk, sd 0.12 a year
 * tfr:                                                  # values by year, linear in between
 *   byYear: {2022: 1.1, 2030: {dist: uniform, min: 0.9, max: 1.4}}
 * ```
 *
 * @module
 */
import { z } from '../vendor/zod.js';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const positive = finite.refine((x) => x > 0, { message: 'must be greater than 0' });

/** A distribution in the scenario language. */
export const DistSchema = z
  .discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('normal'), mean: finite, sd: positive }),
    z
      .strictObject({ dist: z.literal('truncnormal'), mean: finite, sd: positive, min: finite, max: finite })
      .refine((d) => d.min < d.max, { message: 'min must be less than max', path: ['min'] }),
    z
      .strictObject({ dist: z.literal('uniform'), min: finite, max: finite })
      .refine((d) => d.min <= d.max, { message: 'min must not exceed max', path: ['min'] }),
    z
      .strictObject({ dist: z.literal('triangular'), min: finite, mode: finite, max: finite })
      .refine((d) => d.min <= d.mode && d.mode <= d.max, { message: 'need min ≤ mode ≤ max', path: ['mode'] }),
    z.strictObject({ dist: z.literal('lognormal'), median: positive, sigma: positive }),
    z
      .strictObject({ dist: z.literal('beta'), alpha: positive, beta: positive, min: finite.optional(), max: finite.optional() })
      .refine((d) => (d.min ?? 0) < (d.max ?? 1), { message: 'min must be less than max', path: ['min'] }),
    z
      .strictObject({ dist: z.literal('pert'), min: finite, mode: finite, max: finite, lambda: positive.optional() })
      .refine((d) => d.min <= d.mode && d.mode <= d.max, { message: 'need min ≤ mode ≤ max', path: ['mode'] }),
  ])
  .describe('A distribution: normal, truncnormal, uniform, triangular, lognormal, beta or pert');

/** A number or a distribution. */
export const ValueSchema = z.union([finite, DistSchema]);

const Why = z.string().min(1).describe('Source or reason for this value (a seed id, a data file and row, or an argued assumption)');

/**
 * A random walk (or AR(1)) on a parameter's path: z₀ = 0 (or ~ N(0, initial²)), z_t = ar·z_{t−1} + ε_t
 * with ε_t ~ N(0, sd²) drawn per projected year after the first; the path is (value + change·t) + z_t
 * (`scale: linear`) or (value + change·t + offset)·exp(z_t) − offset (`scale: log`), kept inside the parameter's domain.
 */
export const WalkSchema = z
  .strictObject({
    sd: positive.describe('Standard deviation of the yearly innovation (in the rate\'s unit, or of its log with scale: log)'),
    ar: finite
      .refine((x) => x >= 0 && x <= 1, { message: 'must be between 0 and 1' })
      .optional()
      .describe('Persistence of the deviation: 1 (default) is a random walk, below 1 an AR(1) that reverts to the central path'),
    scale: z.enum(['linear', 'log']).optional().describe('linear (default): added to the path; log: multiplies it by exp(z)'),
    offset: finite
      .refine((x) => x >= 0, { message: 'must be ≥ 0' })
      .optional()
      .describe('With scale: log, the walk multiplies (path + offset) and subtracts offset again, so that a rate near 0 can still move'),
    initial: positive.optional().describe('Standard deviation of z in the first projected year (default: z starts at 0): an uncertain level'),
  })
  .describe('A yearly random deviation of the path (random walk or AR(1)), so that uncertainty grows with the horizon');

/** The long form of a rate parameter. */
export const ParamObjectSchema = z
  .strictObject({
    value: ValueSchema.optional().describe('Level in the first projected year (fixed or a distribution)'),
    change: ValueSchema.optional().describe('Additive change per year after the first projected year'),
    byYear: z
      .record(z.string().regex(/^\d{4}$/, 'keys must be four-digit years'), ValueSchema)
      .optional()
      .describe('Values at given years, linear in between, held flat outside'),
    walk: WalkSchema.optional(),
    why: Why.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.byYear !== undefined && (p.value !== undefined || p.change !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'use either byYear or value/change, not both', path: ['byYear'] });
    } else if (p.byYear === undefined && p.value === undefined) {
      ctx.addIssue({ code: 'custom', message: 'needs value (or byYear)', path: ['value'] });
    } else if (p.byYear !== undefined && p.walk !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'walk goes with value/change, not with byYear', path: ['walk'] });
    } else if (p.byYear !== undefined && Object.keys(p.byYear).length === 0) {
      ctx.addIssue({ code: 'custom', message: 'byYear needs at least one year', path: ['byYear'] });
    }
  });

/** A rate parameter: a number, a distribution, or the long form with a time path. */
export const ParamSchema = z.union([finite, DistSchema, ParamObjectSchema]);

export type Value = z.infer<typeof ValueSchema>;
export type ParamSpec = z.infer<typeof ParamSchema>;
export type ParamObject = z.infer<typeof ParamObjectSchema>;
export type Walk = z.infer<typeof WalkSchema>;
