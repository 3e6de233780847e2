/**
 * The components model's `assumptions:` block.
 *
 * ```yaml
 * assumptions:
 *   cbr: {urban: 0.0065, rural: 0.0080}      # births per person per year (per-1000 ÷ 1000)
 *   cdr: {urban: 0.0070, rural: 0.0095}      # deaths per person per year
 *   ruralToUrban: 0.021
 *   urbanToRural: 0.002
 *   reclassification: 0.004
 *   external: {urban: {rate: 0}, rural: {count: -20000}}
 * ```
 *
 * @module
 */
import { z } from '../../src/vendor/zod.js';
import { ParamSchema } from '../../src/params/schema.js';
import { ExternalByAreaSchema } from '../shared/external.js';


const ByArea = z.strictObject({ urban: ParamSchema, rural: ParamSchema });

export const ComponentsAssumptionsSchema = z.strictObject({
  cbr: ByArea.describe("Crude birth rate by area: births per person of the area's start-of-year population per year (e.g. 0.0065 = 6.5‰)"),
  cdr: ByArea.describe("Crude death rate by area: deaths per person of the area's start-of-year population per year"),
  ruralToUrban: ParamSchema.describe('Share of the rural population (after natural increase) moving to towns per year'),
  urbanToRural: ParamSchema.describe('Share of the urban population (after natural increase) moving to the countryside per year'),
  reclassification: ParamSchema.describe('Share of the rural population (after migration) whose place becomes urban per year (村改居, 乡改镇)'),
  external: ExternalByAreaSchema,
});

export type ComponentsAssumptions = z.infer<typeof ComponentsAssumptionsSchema>;
