/**
 * The scenario language as JSON Schema (for editors), generated from the zod schemas: the
 * scenario's own and every registered model's `assumptions` schema, so nothing is written twice.
 * `assumptions` is checked against the schema of the model the scenario names (`if`/`then` per model).
 *
 * @module
 */
import { z } from '../vendor/zod.js';
import { loadModel, registry as defaultRegistry, type ModelEntry } from '../../models/index.js';
import { ScenarioSchema } from './schema.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; $defs?: Record<string, unknown> };

/**
 * Builds the JSON Schema of scenario files with the assumptions of every registered model.
 * Everything is converted in one pass, so that subschemas used in several places (a rate
 * parameter, a distribution) are written once under `$defs` and referenced.
 *
 * @example
 * const schema = await scenarioJsonSchema();
 * schema.$defs['assumptions.cohort']; // the cohort model's assumptions
 */
export async function scenarioJsonSchema(registry: Record<string, ModelEntry> = defaultRegistry): Promise<JsonSchema> {
  const names = Object.keys(registry);
  const models = await Promise.all(names.map(async (name) => loadModel(registry[name].module)));
  const shape: Record<string, z.ZodType> = { scenario: ScenarioSchema };
  models.forEach((m, i) => (shape[`assumptions.${names[i]}`] = (m.assumptionsSchema as z.ZodType).describe(`Assumptions of model ${names[i]}: ${m.title}`)));
  const all = z.toJSONSchema(z.object(shape), { io: 'input', reused: 'ref', unrepresentable: 'any' }) as JsonSchema;
  const { scenario, ...assumptions } = all.properties!;
  const properties = (scenario.properties ?? {}) as Record<string, Record<string, unknown>>;
  return {
    $schema: all.$schema,
    title: 'urbcast scenario',
    ...scenario,
    properties: { ...properties, model: { ...properties.model, enum: names } },
    allOf: names.map((name) => ({
      if: { properties: { model: { const: name } }, required: ['model'] },
      then: { properties: { assumptions: { $ref: `#/$defs/assumptions.${name}` } } },
    })),
    $defs: { ...all.$defs, ...assumptions },
  };
}
