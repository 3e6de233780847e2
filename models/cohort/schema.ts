/**
 * The cohort model's `assumptions:` block.
 *
 * @module
 */
import { z } from '../../src/vendor/zod.js';
import { ParamSchema } from '../../src/params/schema.js';
import { ExternalByAreaSchema } from '../shared/external.js';
import { HukouSchema } from './hukou/schema.js';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const nonneg = finite.refine((x) => x >= 0, { message: 'must be ≥ 0' });

/** Rogers–Castro parameters (7-parameter form); omitted ones take MODEL.md's defaults. */
export const RogersCastroSchema = z
  .strictObject({
    a1: nonneg.optional(),
    alpha1: nonneg.optional(),
    a2: nonneg.optional(),
    alpha2: nonneg.optional(),
    mu2: finite.optional(),
    lambda2: nonneg.optional(),
    c: nonneg.optional(),
    why: z.string().optional(),
  })
  .describe('Rogers–Castro migration age schedule: g(a) = a1·e^(−alpha1·a) + a2·e^(−alpha2(a−mu2) − e^(−lambda2(a−mu2))) + c');


const BySex = z.strictObject({ female: ParamSchema, male: ParamSchema });

export const CohortAssumptionsSchema = z.strictObject({
  tfr: z.strictObject({ urban: ParamSchema, rural: ParamSchema }).describe('Total fertility rate by area, births per woman'),
  e0: z.strictObject({ urban: BySex, rural: BySex }).describe('Life expectancy at birth by area and sex, years'),
  srb: ParamSchema.describe('Sex ratio at birth, males per female (e.g. 1.10)'),
  ruralToUrban: ParamSchema.describe('Share of the rural population moving to towns per year, at the baseline age structure'),
  urbanToRural: ParamSchema.describe('Share of the urban population moving to the countryside per year, at the baseline age structure'),
  reclassification: ParamSchema.describe('Share of the rural population whose place becomes urban per year (村改居, 乡改镇)'),
  external: ExternalByAreaSchema,
  migrationSchedule: RogersCastroSchema.optional().describe('Age schedule of rural→urban migration'),
  returnSchedule: RogersCastroSchema.optional().describe('Age schedule of urban→rural migration (default: as migrationSchedule)'),
  externalSchedule: RogersCastroSchema.optional().describe('Age schedule of external migration (default: as migrationSchedule)'),
  hukou: HukouSchema.optional(),
});

export type CohortAssumptions = z.infer<typeof CohortAssumptionsSchema>;
export type RogersCastro = z.infer<typeof RogersCastroSchema>;
