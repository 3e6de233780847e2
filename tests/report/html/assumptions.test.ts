import { describe, expect, it } from 'vitest';
import { assumptionRows, describeValue, inputRows } from '../../../src/report/html/assumptions.js';

const inputs = [
  { name: 'tfr.urban.value', label: 'TFR, urban', unit: 'births per woman', median: 1.3 },
  { name: 'ruralToUrban.value', label: 'rural→urban migration rate', unit: 'per year', median: 0.0164 },
];

describe('describeValue', () => {
  it('writes a number, a distribution and a byYear path', () => {
    expect(describeValue(0.0087091234)).toBe('0.00870912');
    expect(describeValue({ dist: 'pert', min: 0.01, mode: 0.02, max: 0.03 })).toBe('pert(min 0.01, mode 0.02, max 0.03)');
    expect(describeValue({ 2025: 0.02, 2035: { dist: 'uniform', min: 0, max: 1 } })).toBe('2025: 0.02 → 2035: uniform(min 0, max 1)');
    expect(describeValue(undefined)).toBe('');
  });
});

describe('assumptionRows', () => {
  it('lists every parameter of nested groups with its path, value, change, median and why', () => {
    const assumptions = {
      tfr: { urban: { value: { dist: 'pert', min: 0.8, mode: 1.3, max: 1.8 }, change: 0.0087, why: 'WPP × φ' }, rural: 1.6 },
      ruralToUrban: { value: { dist: 'uniform', min: 0.01, max: 0.02 }, change: { dist: 'pert', min: -0.001, mode: 0, max: 0.001 }, why: 'calibration' },
      srb: { dist: 'normal', mean: 1.1, sd: 0.01 },
    };

    const rows = assumptionRows(assumptions, inputs);

    expect(rows.map((r) => r.param)).toEqual(['tfr.urban', 'tfr.rural', 'ruralToUrban', 'srb']);
    expect(rows[0]).toEqual({ param: 'tfr.urban', label: 'TFR, urban', value: 'pert(min 0.8, mode 1.3, max 1.8)', change: '0.0087', median: 1.3, unit: 'births per woman', why: 'WPP × φ' });
    expect(rows[1]).toMatchObject({ value: '1.6', change: '', median: null, why: '' });
    expect(rows[2]).toMatchObject({ change: 'pert(min -0.001, mode 0, max 0.001)', median: 0.0164, why: 'calibration' });
    expect(rows[3]).toMatchObject({ value: 'normal(mean 1.1, sd 0.01)', change: '' });
  });

  it('returns no row for an empty or missing block', () => {
    expect(assumptionRows({}, inputs)).toEqual([]);
    expect(assumptionRows(undefined, inputs)).toEqual([]);
  });
});

describe('inputRows', () => {
  it('falls back to one row per uncertain input', () => {
    expect(inputRows(inputs).map((r) => [r.param, r.median])).toEqual([
      ['tfr.urban.value', 1.3],
      ['ruralToUrban.value', 0.0164],
    ]);
  });
});
