import { describe, expect, it } from 'vitest';
import { quantilesCsv, QUANTILES_HEADER } from '../../src/report/csv.js';
import { toyResult } from '../fixtures/engine/result.js';

describe('quantilesCsv', () => {
  it('has one row per metric and year, without the baseline year of flows', async () => {
    const r = await toyResult();

    const lines = quantilesCsv(r).trimEnd().split('\n');

    expect(lines[0]).toBe(QUANTILES_HEADER);
    expect(QUANTILES_HEADER).toBe('metric,year,mean,p025,p10,p25,p50,p75,p90,p975');
    const flowlike = r.metrics.filter((m) => m.kind === 'flow' || m.kind === 'contribution').length;
    expect(lines).toHaveLength(1 + r.metrics.length * r.years.length - flowlike);
    expect(lines.some((l) => l.startsWith('ruralToUrban,2020,'))).toBe(false);
  });

  it('holds the result’s numbers at full precision', async () => {
    const r = await toyResult();
    const share = r.metrics.find((m) => m.name === 'urbanShare')!;
    const row = quantilesCsv(r)
      .split('\n')
      .find((l) => l.startsWith('urbanShare,2030,'))!
      .split(',');
    expect(row.slice(2).map(Number)).toEqual([share.mean[10], share.quantiles.p025[10], share.quantiles.p10[10], share.quantiles.p25[10], share.quantiles.p50[10], share.quantiles.p75[10], share.quantiles.p90[10], share.quantiles.p975[10]]);
  });
});
