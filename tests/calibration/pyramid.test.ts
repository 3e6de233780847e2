import { describe, expect, it } from 'vitest';
import { bandShares, fromPyramid, nationalPyramid, pyramidCsv, reweight } from '../../src/calibration/pyramid.js';
import { dataDir } from '../../src/scenario/paths.js';

describe('pyramids', () => {
  const national = nationalPyramid(dataDir, 2020);

  it('reads the national census pyramid', () => {
    expect(national[0].age_group).toBe('0-4');
    // The census communiqué's shares are 17.95 / 63.35 / 18.70; the 5-year table sums within 0.1 point.
    bandShares(national, [0, 15, 60]).forEach((v, i) => expect(Math.abs(v - [17.95, 63.35, 18.7][i])).toBeLessThan(0.1));
  });

  it('reweights bands to the given shares and total, keeping the composition within a band', () => {
    const rows = reweight(national, { froms: [0, 15, 60], shares: [25.1, 56.57, 18.33], source: 't' }, 1e6);

    expect(bandShares(rows, [0, 15, 60]).map((v) => Number(v.toFixed(6)))).toEqual([25.1, 56.57, 18.33]);
    expect(rows.reduce((s, r) => s + r.male + r.female, 0)).toBeCloseTo(1e6, 6);
    expect(rows[1].male / rows[0].male).toBeCloseTo(national[1].male / national[0].male, 12);
  });

  it('refuses shares that do not add up to 100', () => {
    expect(() => reweight(national, { froms: [0, 15], shares: [20, 70], source: 'x.csv row 3' }, 1)).toThrow(/x\.csv row 3/);
  });

  it('writes the CSV the cohort model reads and reads a catalogue pyramid', () => {
    const csv = pyramidCsv(fromPyramid({ ageGroups: ['0-4', '5+'], male: [1.4, 2], female: [1, 2], source: '' }), 'a "b"');

    expect(csv).toBe('age_group,male,female,source\n0-4,1,1,"a ""b"""\n5+,2,2,"a ""b"""\n');
  });

});
