/**
 * The `regions` model's `assumptions:` block: the regions (each a scenario file with its own model
 * and assumptions), named groups of them, the factors they share and the migration between them.
 *
 * @module
 */
import { z } from '../../src/vendor/zod.js';
import { ParamSchema } from '../../src/params/schema.js';
import type { CompileContext } from '../../src/engine/model.js';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const why = z.string().min(1);
/** A region or group id: used as the prefix of its series (`heze.urbanShare`) and of its inputs. */
const Id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'an id of lower-case letters, digits and hyphens, e.g. heze or jining-metro');

export const RegionSchema = z.strictObject({
  id: Id,
  name: z.string().min(1).optional().describe("Name in reports (default: the scenario's region)"),
  scenario: z.string().min(1).describe('Scenario file of the region (relative to this file): its baseline, model and assumptions'),
  why: why.optional(),
});

export const GroupSchema = z.strictObject({
  id: Id,
  name: z.string().min(1).optional(),
  members: z.array(Id).min(1).describe('Ids of the regions it adds up'),
  why: why.optional(),
});

export const SharedFactorSchema = z
  .strictObject({
    input: z.string().min(1).describe("An uncertain input every region has, e.g. ruralToUrban.value"),
    rho: finite.min(0).max(0.99).describe("Normal-score correlation of two regions' values of the input"),
    why: why.optional(),
  })
  .describe("A common factor: every pair of regions' values of `input` correlate by rho (inputs correlated with it inside a region follow)");

export const MigrationSchema = z
  .strictObject({
    external: ParamSchema.describe("Net migration across the whole's boundary, a share of its start-of-year population per year"),
    passes: z.number().int().min(2).max(10).default(2).describe('Projections per draw: each corrects the regions\' external rates so that their flows add up'),
    why: why.optional(),
  })
  .describe("Balances migration: the regions' net external flows add up to the whole's, each year, by a common shift of their rates");

export const RegionsAssumptionsSchema = z.strictObject({
  id: Id.describe('Id of the whole (the sum of every region), for targets and references, e.g. shandong'),
  regions: z.array(RegionSchema).min(1),
  groups: z.array(GroupSchema).default([]),
  shared: z.array(SharedFactorSchema).default([]),
  migration: MigrationSchema.optional(),
});

/** One region's scenario, loaded and validated (plain data: its model is found by `modelModule`). */
export interface LoadedRegion {
  id: string;
  name: string;
  file: string;
  modelName: string;
  modelModule: string;
  assumptions: unknown;
  ctx: CompileContext;
  correlations: { between: [string, string]; rho: number }[];
}

/** The validated block, with the regions' scenarios once the loader has expanded it. */
export type RegionsAssumptions = z.infer<typeof RegionsAssumptionsSchema> & { loaded?: LoadedRegion[] };
