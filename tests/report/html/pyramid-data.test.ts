import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunPyramids } from '../../../src/engine/result.js';
import { groupStarts, pyramidChart, regroup } from '../../../src/report/html/pyramid-data.js';

const single = Array.from({ length: 101 }, (_, a) => a);
const pyramid = (year: number, f: (area: number, sex: number, a: number) => number) => ({
  year,
  ages: single,
  groups: (['urban', 'rural'] as const).flatMap((area, i) => (['female', 'male'] as const).map((sex, j) => ({ area, sex, values: single.map((a) => f(i, j, a)) }))),
});

describe('pyramid data', () => {
  it('groups single years into 0–4 … 95–99 and 100+', () => {
    expect(groupStarts(single)).toEqual([...Array.from({ length: 20 }, (_, i) => 5 * i), 100]);
    expect(groupStarts([0, 5, 10, 15, 85])).toEqual([0, 5, 10, 15, 85]);
  });

  it('keeps every person when regrouping (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 101, maxLength: 101 }), (values) => {
        const grouped = regroup(single, values, groupStarts(single));
        expect(grouped.reduce((s, x) => s + x, 0)).toBe(values.reduce((s, x) => s + x, 0));
        expect(grouped[20]).toBe(values[100]);
        expect(grouped[0]).toBe(values.slice(0, 5).reduce((s, x) => s + x, 0));
      }),
    );
  });

  it('puts areas and sexes in their places, on one scale for both years', () => {
    const p: RunPyramids = { baseline: pyramid(2021, (area, sex) => 1 + area * 10 + sex * 100), horizon: pyramid(2035, () => 1000) };

    const c = pyramidChart(p, 'zh')!;

    expect(c.ages[0]).toBe('0–4');
    expect(c.ages.at(-1)).toBe('100+');
    const [base, horizon] = c.panels;
    expect([base.urbanFemale[0], base.ruralFemale[0], base.urbanMale[0], base.ruralMale[0]]).toEqual([5, 55, 505, 555]);
    expect(base.total).toBe(101 * (1 + 11 + 101 + 111));
    expect(horizon.year).toBe(2035);
    expect(c.max).toBe(10000);
    expect(base.title).toContain('2021');
  });

  it('is null without pyramids', () => {
    expect(pyramidChart(null, 'en')).toBeNull();
    expect(pyramidChart(undefined, 'en')).toBeNull();
  });
});
