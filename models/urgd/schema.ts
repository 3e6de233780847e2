/**
 * The urgd model's `assumptions:` block.
 *
 * ```yaml
 * assumptions:
 *   urgd: {dist: triangular, min: 0.02, mode: 0.035, max: 0.05}   # URGD in the first projected year
 *   growth: -0.003                                                # total population, per year
 *   drift: {target: 0.02, speed: 0.1}                            # optional: URGD tends to 0.02
 * ```
 *
 * @module
 */
import { z } from '../../src/vendor/zod.js';
import { ParamSchema, type ParamSpec } from '../../src/params/schema.js';

/** Optional drift of the URGD towards a long-run value. */
export const DriftSchema = z
  .strictObject({
    target: ParamSchema.describe('Long-run URGD the path tends to, per year (e.g. 0.02)'),
    speed: ParamSchema.describe('Share of the remaining gap to the target closed each year, 0–1'),
    why: z.string().min(1).optional(),
  })
  .describe('URGD_t = URGD_{t−1} + speed·(target − URGD_{t−1}) from the second projected year on');

/**
 * Which time path a rate parameter states of its own (`change` or `byYear`), or null.
 *
 * @example
 * hasTimePath({ value: 0.03, change: -0.001 }); // 'change'
 * hasTimePath(0.03); // null
 */
export function hasTimePath(p: ParamSpec): 'change' | 'byYear' | null {
  if (typeof p !== 'object' || p === null || 'dist' in p) return null;
  if (p.byYear !== undefined) return 'byYear';
  if (p.change !== undefined) return 'change';
  return null;
}

export const UrgdAssumptionsSchema = z
  .strictObject({
    urgd: ParamSchema.describe(
      'Urban–rural growth difference r_U − r_R (exponential rates), per year: the annual change of logit(urban share). ' +
        'With drift, only its first-year value is used',
    ),
    growth: ParamSchema.describe('Annual growth rate of the total population (e.g. −0.003): T_{t+1} = T_t·(1 + growth)'),
    drift: DriftSchema.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.drift === undefined) return;
    const path = hasTimePath(a.urgd);
    if (path !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['urgd', path],
        message:
          'with drift, urgd is only the first projected year\'s value (a number, a distribution or {value}); ' +
          `later years follow the drift, so a ${path} path would be ignored`,
      });
    }
  });

export type UrgdAssumptions = z.infer<typeof UrgdAssumptionsSchema>;
export type Drift = z.infer<typeof DriftSchema>;
