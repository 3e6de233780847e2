/**
 * Each scenario loads and validates (stage one: YAML, schema, the cohort model's assumptions,
 * seeds, targets, reference scenarios) and compiles without running (stage two: every parameter
 * path inside its domain for every draw, correlations between existing inputs and jointly possible,
 * targets on known metrics within the projection), with the plan targets it is meant to test.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileForValidation } from '../../src/engine/compile.js';
import { loadScenario } from '../../src/scenario/load.js';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

const EXPECTED: Record<string, { baseYear: number; targets: string[] }> = {
  'heze.yml': { baseYear: 2021, targets: ['heze.P001', 'heze.P003', 'heze.P013', 'heze.P002'] },
  'jining.yml': { baseYear: 2021, targets: ['jining.P026', 'jining.P027'] },
  'jinan.yml': { baseYear: 2020, targets: ['jinan.P006', 'jinan.P013', 'jinan.P009', 'jinan.P010', 'jinan.P007', 'jinan.P016'] },
  'shandong.yml': { baseYear: 2021, targets: [] },
};

describe.each(Object.entries(EXPECTED))('scenarios/%s', (file, expected) => {
  it('loads, validates and compiles, with the plan targets it tests', async () => {
    const loaded = await loadScenario(join(SCENARIOS, file));

    const compiled = compileForValidation(loaded);

    expect(loaded.modelName).toBe('cohort');
    expect(loaded.ctx.baseYear).toBe(expected.baseYear);
    expect(loaded.ctx.horizon).toBe(2035);
    expect(loaded.scenario.draws).toBe(10000);
    expect(compiled.targets.map((t) => t.id)).toEqual(expected.targets);
  });
});

describe('scenarios/heze.yml', () => {
  it('compares its gain with shandong.yml on the same seed', async () => {
    const heze = await loadScenario(join(SCENARIOS, 'heze.yml'));

    const shandong = heze.references['shandong.yml'];

    expect(shandong.scenario.region).toContain('Shandong');
    expect(shandong.scenario.seed).toBe(heze.scenario.seed);
    expect(heze.scenario.targets.find((t) => t.id === 'heze.P013')).toMatchObject({ kind: 'gain', window: [2024, 2025], value: 0.005 });
  });
});
