import { describe, expect, it } from 'vitest';
import { chartData } from '../../../src/report/html/chart-data.js';
import type { ObservedPoint } from '../../../src/report/html/history.js';
import { toyResult } from '../../fixtures/engine/result.js';

const history: ObservedPoint[] = [
  { year: 1990, urbanShare: 0.2, total: 900000, kind: 'census' },
  { year: 2010, urbanShare: 0.35, total: 980000, kind: 'census' },
  { year: 2012, urbanShare: null, total: 990000, kind: 'year-end' },
];

describe('chartData', () => {
  it('makes a fan for the urban share and the total population, with the history before the baseline', async () => {
    const r = await toyResult();

    const data = chartData(r, history, 'en');

    expect(data.fans.map((f) => f.id)).toEqual(['fan-urbanShare', 'fan-total']);
    const share = data.fans[0];
    // 1990 is too far back; 2012 has no share
    expect(share.years).toEqual([2010, ...r.years]);
    expect(share.census[0]).toBe(0.35);
    expect(share.bands).toHaveLength(7);
    expect(share.bands.every((b) => b.length === share.years.length && b[0] === null)).toBe(true);
    const metric = r.metrics.find((m) => m.name === 'urbanShare')!;
    expect(share.bands[3].slice(1)).toEqual(metric.quantiles.p50);
    expect(data.fans[1].years).toEqual([2010, 2012, ...r.years]);
  });

  it('marks the level targets of the metric with their probability, inside the y range', async () => {
    const r = await toyResult();

    const share = chartData(r, [], 'en').fans[0];

    const levels = r.targets.filter((t) => t.metric === 'urbanShare' && t.kind === 'level');
    expect(share.targets.map((t) => [t.id, t.year, t.value, t.pMet])).toEqual(levels.map((t) => [t.id, t.year, t.value, t.pMet]));
    for (const t of share.targets) expect(t.value).toBeGreaterThan(share.range[0]);
    for (const t of share.targets) expect(t.value).toBeLessThan(share.range[1]);
    const values = share.bands.flat().filter((x): x is number => x !== null);
    expect(Math.min(...values)).toBeGreaterThan(share.range[0]);
    expect(Math.max(...values)).toBeLessThan(share.range[1]);
  });

  it('decomposes the median path by the contrib.* metrics, summing to the net change', async () => {
    const r = await toyResult();

    const d = chartData(r, [], 'zh').decomposition!;

    expect(d.years).toEqual(r.years.slice(1));
    expect(d.series.map((s) => s.name)).toEqual(['contrib.internal']);
    expect(d.series[0].label).toBe('城乡迁移');
    const internal = r.metrics.find((m) => m.name === 'contrib.internal')!;
    expect(d.series[0].values).toEqual(internal.deterministic.slice(1));
    d.net.forEach((x, i) => expect(x).toBeCloseTo(d.series.reduce((s, c) => s + c.values[i], 0), 15));
  });

  it('has no decomposition without contrib.* metrics', async () => {
    const r = await toyResult();

    const data = chartData({ ...r, metrics: r.metrics.filter((m) => !m.name.startsWith('contrib.')) }, [], 'en');

    expect(data.decomposition).toBeNull();
  });

  it('makes small fans of the flows between areas, leaving out by-area parts and flows that are always zero', async () => {
    const r = await toyResult();
    const flow = r.metrics.find((m) => m.name === 'ruralToUrban')!;
    const zero = { ...flow, name: 'urbanToRural', quantiles: Object.fromEntries(Object.entries(flow.quantiles).map(([k, v]) => [k, v.map((x) => (x === null ? null : 0))])) as typeof flow.quantiles, deterministic: flow.deterministic.map((x) => (x === null ? null : 0)) };
    const byArea = { ...flow, name: 'births.U' };

    const data = chartData({ ...r, metrics: [...r.metrics, zero, byArea] }, [], 'zh');

    expect(data.flows.map((f) => f.id)).toEqual(['fan-ruralToUrban']);
    expect(data.flows[0]).toMatchObject({ small: true, title: '乡→城迁移人口', yLabel: '人/年' });
    expect(data.flows[0].bands[3]).toEqual(flow.quantiles.p50);
    expect(data.fans.every((f) => !f.small)).toBe(true);
  });

  it('adds a fan for every other share the model reports (e.g. hukouShare)', async () => {
    const r = await toyResult();
    const share = r.metrics.find((m) => m.name === 'urbanShare')!;

    const data = chartData({ ...r, metrics: [...r.metrics, { ...share, name: 'hukouShare', label: 'Hukou share' }] }, [], 'en');

    expect(data.fans.map((f) => f.id)).toEqual(['fan-urbanShare', 'fan-total', 'fan-hukouShare']);
    expect(data.fans[2].census.every((x) => x === null)).toBe(true);
  });

  it('draws one deterministic path (no draws) as the median line with no bands', async () => {
    const r = await toyResult();

    const data = chartData({ ...r, run: { ...r.run, draws: 0 } }, [], 'en');

    const share = data.fans[0];
    expect(data.deterministic).toBe(true);
    expect(share.bands[3]).toEqual(r.metrics.find((m) => m.name === 'urbanShare')!.deterministic);
    for (const k of [0, 1, 2, 4, 5, 6]) expect(share.bands[k].every((x) => x === null)).toBe(true);
  });
});
