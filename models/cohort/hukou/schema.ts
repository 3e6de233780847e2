/**
 * The cohort model's optional `hukou:` block: the baseline split of the population by household
 * registration and the rates that move people between registrations. Absent, the model is v1.
 * See README.md ("Hukou") beside the model for the states, flows and order of operations.
 *
 * @module
 */
import { z } from '../../../src/vendor/zod.js';
import { ParamSchema, ValueSchema } from '../../../src/params/schema.js';

/**
 * A baseline quantity: a number or a distribution, drawn once per draw (no time path).
 *
 * @example
 * BaselineValueSchema.parse({ value: { dist: 'uniform', min: 0.55, max: 0.6 }, why: 'assumption' });
 */
export const BaselineValueSchema = z.union([
  ValueSchema,
  z.strictObject({ value: ValueSchema, why: z.string().min(1).optional() }),
]);

/** Citizenisation: a rate on the urban migrants (per year) or a count of persons per year. */
export const ConversionSchema = z.union([
  z.strictObject({ rate: ParamSchema.describe('Share of urban residents without local urban hukou granted it per year') }),
  z.strictObject({ count: ParamSchema.describe('Urban residents without local urban hukou granted it, persons per year') }),
]);

export const HukouSchema = z
  .strictObject({
    baseline: z
      .strictObject({
        registered: BaselineValueSchema.describe('Registered (户籍) population at the end of the baseline year, persons'),
        hukouShare: BaselineValueSchema.describe('Urban-hukou share of the registered population at the baseline, 0–1 (户籍人口城镇化率)'),
        nonLocal: BaselineValueSchema.describe('Residents registered outside the region at the baseline, persons (all placed in towns)'),
        why: z.string().min(1).optional(),
      })
      .describe('The baseline split by registration; the registered population living outside follows as registered − (residents − nonLocal)'),
    conversion: ConversionSchema.describe('Citizenisation (农业转移人口市民化) of urban residents without local urban hukou'),
    reclassifiedGain: ParamSchema.describe('Probability that a reclassified rural resident with local rural hukou gains urban hukou'),
    arrivalsNonLocal: ParamSchema.optional().describe(
      'Share of net external arrivals who are registered elsewhere; the rest return from the registered population living outside (default 1)',
    ),
    outsideChange: ParamSchema.optional().describe(
      'Annual rate of change of the registered population living outside (their births, deaths and transfers of hukou away; default 0)',
    ),
    why: z.string().min(1).optional(),
  })
  .describe('Household registration (户籍): urban residents split by hukou, citizenisation, registered population');

export type HukouAssumptions = z.infer<typeof HukouSchema>;
export type BaselineValue = z.infer<typeof BaselineValueSchema>;
