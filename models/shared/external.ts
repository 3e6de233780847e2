/**
 * Net migration across the region's boundary, as the urban/rural accounting models state it:
 * per area, a rate on the area's start-of-year population or a count of persons per year.
 *
 * @module
 */
import { z } from '../../src/vendor/zod.js';
import type { ParamDecl } from '../../src/params/compile.js';
import { ParamSchema } from '../../src/params/schema.js';

/** One area's external migration: `{rate: <param>}` or `{count: <param>}`. */
export const ExternalSchema = z.union([
  z.strictObject({ rate: ParamSchema.describe("Net external migration as a share of the area's start-of-year population") }),
  z.strictObject({ count: ParamSchema.describe('Net external migrants per year, persons') }),
]);

/** Both areas. */
export const ExternalByAreaSchema = z
  .strictObject({ urban: ExternalSchema, rural: ExternalSchema })
  .describe("Net migration across the region's boundary, by area: a rate or a count");

export type External = z.infer<typeof ExternalSchema>;

/**
 * The parameter declaration of one area's external migration (`external.urban.rate`, …).
 *
 * @example
 * externalParam({ rate: -0.007 }, 'urban').key; // 'external.urban.rate'
 */
export function externalParam(x: External, area: 'urban' | 'rural'): ParamDecl {
  return 'rate' in x
    ? { key: `external.${area}.rate`, label: `net external migration rate, ${area}`, unit: 'per year', domain: [-1, 1], spec: x.rate }
    : { key: `external.${area}.count`, label: `net external migrants, ${area}`, unit: 'persons/yr', domain: [-Infinity, Infinity], spec: x.count };
}
