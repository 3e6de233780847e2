/**
 * The per-model benchmark (bench/lib/models.mjs): it times each model's own runner at the median
 * of every input, so what it runs is the deterministic projection of the scenario.
 */
import { describe, expect, it } from 'vitest';
import { modelBench } from '../../../bench/lib/models.mjs';
import { projectDeterministic } from '../../../src/engine/deterministic.js';
import { loadScenario } from '../../../src/scenario/load.js';

describe('modelBench', () => {
  it.each([
    ['scenarios/heze.yml', 'cohort + hukou', 1618],
    ['bench/backtests/heze-2010-urgd.yml', 'urgd', 2],
  ])('runs %s with the model (%s, %i cells) and gives the deterministic projection bit for bit', async (file, model, cells) => {
    // Arrange
    const m = await modelBench(file);
    const det = projectDeterministic(await loadScenario(file));
    // Act
    const r = m.measure(0.01);
    // Assert
    expect(m.model).toBe(model);
    expect(m.cells).toBe(cells);
    expect(r.draws).toBeGreaterThan(0);
    expect(Array.from(m.out)).toEqual(det.series.flat());
  });
});
