import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupWalkDrivers } from '../../src/engine/group-drivers.js';
import type { DriverResult } from '../../src/engine/result.js';

const d = (input: string, index: number, direction: 1 | -1 | 0 = 1): DriverResult => ({ input, label: `${input.split('.')[0]}: random shift in ${input.slice(-4)}`, index, direction });

describe('groupWalkDrivers', () => {
  it('takes a parameter’s yearly shifts together, summing their indices, and sorts largest first', () => {
    // Arrange
    const drivers = [d('tfr.value', 0.3, -1), d('rho.walk.2023', 0.2), d('rho.walk.2024', 0.15), d('nu.walk.2023', 0.01, -1)];
    // Act
    const g = groupWalkDrivers(drivers);
    // Assert
    expect(g.map((x) => x.input)).toEqual(['rho.walk', 'tfr.value', 'nu.walk']);
    expect(g[0].index).toBeCloseTo(0.35, 12);
    expect(g[0].label).toBe('rho: random shifts, all years');
    expect(g[2].direction).toBe(-1);
  });

  it('keeps every other input, and the total index, unchanged (property)', () => {
    const arb = fc.array(
      fc.record({
        key: fc.constantFrom('a', 'b', 'c'),
        year: fc.option(fc.integer({ min: 2021, max: 2035 }), { nil: undefined }),
        index: fc.double({ min: 0, max: 0.05, noNaN: true }),
        direction: fc.constantFrom(1 as const, -1 as const, 0 as const),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (xs) => {
        const drivers = xs.map((x, i) => ({ input: x.year === undefined ? `${x.key}.value${i}` : `${x.key}.walk.${x.year}`, label: 'x', index: x.index, direction: x.direction }));
        const g = groupWalkDrivers(drivers);
        const sum = (ys: DriverResult[]) => ys.reduce((s, y) => s + y.index, 0);
        expect(sum(g)).toBeCloseTo(sum(drivers), 9);
        expect(g.filter((y) => !y.input.includes('.walk'))).toHaveLength(drivers.filter((y) => !y.input.includes('.walk')).length);
        for (let i = 1; i < g.length; i++) expect(g[i - 1].index).toBeGreaterThanOrEqual(g[i].index);
        expect(new Set(g.map((y) => y.input)).size).toBe(g.length); // one entry per walk
      }),
    );
  });
});
