/**
 * The deterministic projection's pyramids (src/engine/deterministic.ts): taken through the
 * model's `pyramid` hook at the baseline and the horizon of the median path.
 */
import { describe, expect, it } from 'vitest';
import { deterministicJson, projectDeterministic } from '../../src/engine/deterministic.js';
import { loadScenario } from '../../src/scenario/load.js';
import { toyInput } from '../fixtures/engine/toy-scenario.js';

const totalOf = (p: { groups: { values: number[] }[] }) => p.groups.reduce((s, g) => s + g.values.reduce((a, b) => a + b, 0), 0);

describe('projectDeterministic: pyramids', () => {
  it('gives the cohort model’s pyramids at the baseline and the horizon, summing to the total population', async () => {
    const loaded = await loadScenario('scenarios/heze.yml');

    const r = projectDeterministic(loaded);

    const total = r.series[r.metrics.findIndex((m) => m.name === 'total')];
    expect(r.pyramids!.baseline.year).toBe(r.years[0]);
    expect(r.pyramids!.horizon.year).toBe(r.years.at(-1));
    expect(totalOf(r.pyramids!.baseline) / total[0]).toBeCloseTo(1, 12);
    expect(totalOf(r.pyramids!.horizon) / total.at(-1)!).toBeCloseTo(1, 12);
    // the baseline and the horizon are different states
    expect(r.pyramids!.horizon.groups[0].values).not.toEqual(r.pyramids!.baseline.groups[0].values);
  });

  it('has none for a model without ages, and says so in the JSON', () => {
    const r = projectDeterministic(toyInput());

    expect(r.pyramids).toBeNull();
    expect(deterministicJson(r).pyramids).toBeNull();
  });
});
