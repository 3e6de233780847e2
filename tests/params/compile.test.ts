import { describe, expect, it } from 'vitest';
import { compileParams, evaluatePaths, medianInputs, ParamError } from '../../src/params/compile.js';

describe('compileParams and evaluatePaths', () => {
  it('builds value + change·t paths', () => {
    const c = compileParams([{ key: 'r', label: 'r', unit: '', domain: [0, 1], spec: { value: 0.02, change: -0.001 } }], 2020, 5);
    const out = new Float64Array(5);

    evaluatePaths(c, new Float64Array(0), out);

    expect(Array.from(out).map((x) => Number(x.toFixed(12)))).toEqual([0.02, 0.019, 0.018, 0.017, 0.016]);
  });

  it('interpolates byYear values linearly and holds them flat outside', () => {
    const c = compileParams([{ key: 'tfr', label: 'tfr', unit: '', domain: [0, 5], spec: { byYear: { '2023': 1, '2025': 2 } } }], 2020, 7);
    const out = new Float64Array(7);

    evaluatePaths(c, new Float64Array(0), out);

    // years 2021 … 2027
    expect(Array.from(out)).toEqual([1, 1, 1, 1.5, 2, 2, 2]);
  });

  it('names each uncertain input by parameter path and part', () => {
    const c = compileParams(
      [{ key: 'tfr.urban', label: 'tfr', unit: '', domain: [0, 5], spec: { value: { dist: 'uniform', min: 1, max: 2 }, change: { dist: 'uniform', min: -0.01, max: 0 } } }],
      2020,
      3,
    );
    expect(c.inputs.map((i) => i.name)).toEqual(['tfr.urban.value', 'tfr.urban.change']);
    expect(Array.from(medianInputs(c))).toEqual([1.5, -0.005]);
  });

  it('rejects a path that can leave its domain, naming the field', () => {
    const f = () => compileParams([{ key: 'rate', label: 'rate', unit: '', domain: [0, 1], spec: { dist: 'normal', mean: 0.02, sd: 0.01 } }], 2020, 3);
    expect(f).toThrow(ParamError);
    expect(f).toThrow(/unbounded/);
    try {
      f();
    } catch (e) {
      expect((e as ParamError).path).toEqual(['assumptions', 'rate']);
    }
  });
});
