import { describe, expect, it } from 'vitest';
import { hasTimePath, UrgdAssumptionsSchema } from '../../../models/urgd/schema.js';

function issues(raw: unknown): { path: PropertyKey[]; message: string }[] {
  const r = UrgdAssumptionsSchema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

describe('urgd assumptions schema', () => {
  it('accepts a fixed URGD and growth', () => {
    expect(issues({ urgd: 0.03, growth: -0.003 })).toEqual([]);
  });

  it('accepts an uncertain, time-varying URGD without drift', () => {
    expect(issues({ urgd: { value: { dist: 'uniform', min: 0.02, max: 0.04 }, change: -0.001, why: 'Heze 2021–2022' }, growth: 0 })).toEqual([]);
    expect(issues({ urgd: { byYear: { 2022: 0.035, 2035: 0.02 } }, growth: 0 })).toEqual([]);
  });

  it('accepts drift with uncertain target and speed', () => {
    const raw = { urgd: { dist: 'triangular', min: 0.02, mode: 0.03, max: 0.04 }, growth: 0, drift: { target: 0.02, speed: { dist: 'uniform', min: 0.05, max: 0.2 } } };
    expect(issues(raw)).toEqual([]);
  });

  it('rejects a time path on urgd under drift, pointing at it', () => {
    const change = issues({ urgd: { value: 0.03, change: -0.001 }, growth: 0, drift: { target: 0.02, speed: 0.1 } });
    expect(change).toHaveLength(1);
    expect(change[0].path).toEqual(['urgd', 'change']);
    expect(change[0].message).toMatch(/drift/);
    const byYear = issues({ urgd: { byYear: { 2022: 0.03 } }, growth: 0, drift: { target: 0.02, speed: 0.1 } });
    expect(byYear.map((i) => i.path)).toEqual([['urgd', 'byYear']]);
  });

  it('rejects unknown keys, a missing growth and an incomplete drift', () => {
    expect(issues({ urgd: 0.03, growth: 0, tfr: 1.1 }).length).toBeGreaterThan(0);
    expect(issues({ urgd: 0.03 }).map((i) => i.path)).toEqual([['growth']]);
    expect(issues({ urgd: 0.03, growth: 0, drift: { target: 0.02 } }).map((i) => i.path)).toEqual([['drift', 'speed']]);
  });
});

describe('hasTimePath', () => {
  it('names the path kind of the long form, and null otherwise', () => {
    expect(hasTimePath(0.03)).toBeNull();
    expect(hasTimePath({ dist: 'uniform', min: 0, max: 1 })).toBeNull();
    expect(hasTimePath({ value: 0.03 })).toBeNull();
    expect(hasTimePath({ value: 0.03, change: 0 })).toBe('change');
    expect(hasTimePath({ byYear: { 2030: 0.01 } })).toBe('byYear');
  });
});
