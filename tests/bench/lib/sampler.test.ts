/**
 * The sampler's benchmark row (bench/lib/sampler.mjs): it times every unit of the scenario (the
 * main one and the references projected on the same draws), compiled and reference in turn.
 */
import { describe, expect, it } from 'vitest';
import { samplerBench } from '../../../bench/lib/sampler.mjs';

describe('samplerBench', () => {
  it('times every unit of Heze, the main plan and the Shandong reference, with both samplers', async () => {
    // Act
    const r = await samplerBench('scenarios/heze.yml', 1, 0.01);
    // Assert
    expect(r.units.map((u) => [u.inputs, u.correlated])).toEqual([
      [69, 58],
      [63, 58],
    ]);
    expect(r.units[1].name).toMatch(/Shandong/);
    for (const u of r.units) expect(u.compiled.runs).toHaveLength(1);
    expect(r.compiled.median).toBeCloseTo(r.units[0].compiled.median + r.units[1].compiled.median, 10);
  });
});
