import { describe, expect, it } from 'vitest';
import { parseTargetArg, TargetArgError } from '../../src/init/target-arg.js';

describe('parseTargetArg', () => {
  it('reads YEAR:METRIC<comparator>VALUE', () => {
    expect(parseTargetArg('2025:urbanShare>=0.60')).toEqual({ year: 2025, metric: 'urbanShare', comparator: '>=', value: 0.6, text: '2025:urbanShare>=0.60' });
    expect(parseTargetArg('2035:total>12000000').comparator).toBe('>');
    expect(parseTargetArg('2030:urbanShare≥0.7').comparator).toBe('>=');
    expect(parseTargetArg('2030:urbanShare~0.7').comparator).toBe('~');
  });

  it('refuses other forms, and a share written in percent', () => {
    for (const bad of ['2025:urbanShare', 'urbanShare>=0.6', '2025:urbanShare=>0.6', '25:urbanShare>=0.6']) expect(() => parseTargetArg(bad)).toThrow(TargetArgError);
    expect(() => parseTargetArg('2025:urbanShare>=60')).toThrow(/write 0.60 for 60 %/);
  });
});
