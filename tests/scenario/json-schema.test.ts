import { describe, expect, it } from 'vitest';
import { registry } from '../../models/index.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { ScenarioSchema } from '../../src/scenario/schema.js';

describe('scenarioJsonSchema', () => {
  it('describes every field of the scenario schema', async () => {
    const schema = await scenarioJsonSchema();

    expect(Object.keys(schema.properties!)).toEqual(Object.keys(ScenarioSchema.shape));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties!.model.enum).toEqual(Object.keys(registry));
  });

  it("includes each registered model's assumptions, chosen by model name", async () => {
    const schema = await scenarioJsonSchema();
    const defs = schema.$defs as Record<string, { properties?: Record<string, unknown> }>;

    for (const name of Object.keys(registry)) {
      expect(defs[`assumptions.${name}`].properties).toBeDefined();
      expect(schema.allOf).toContainEqual({
        if: { properties: { model: { const: name } }, required: ['model'] },
        then: { properties: { assumptions: { $ref: `#/$defs/assumptions.${name}` } } },
      });
    }
    expect(Object.keys(defs['assumptions.cohort'].properties!)).toContain('ruralToUrban');
  });

  it('every $ref points into $defs', async () => {
    const schema = await scenarioJsonSchema();
    const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"#\/\$defs\/([^"]+)"/g)].map((m) => m[1]);

    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(schema.$defs).toHaveProperty([r]);
  });
});
