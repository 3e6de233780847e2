import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../../src/report/html/page.js';
import { toyResult } from '../../fixtures/engine/result.js';

const extras = { assumptions: [], assumptionsComplete: false, history: [] };

describe('htmlPage', () => {
  it('is one self-contained document: no external script, style, image or link', async () => {
    const r = await toyResult();

    const html = htmlPage(r, extras, 'en');

    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('uPlot');
  });

  it('has the sections in order and the chart data inlined', async () => {
    const r = await toyResult();

    const html = htmlPage(r, extras, 'en');

    const order = ['s-targets', 's-fan-urbanShare', 's-fan-total', 's-decomposition', 's-drivers', 's-assumptions'].map((id) => html.indexOf(`id="${id}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const json = /<script type="application\/json" id="chart-data">(.*?)<\/script>/s.exec(html)![1];
    expect(JSON.parse(json).fans[0].bands[3]).toEqual(r.metrics.find((m) => m.name === 'urbanShare')!.quantiles.p50);
  });

  it('speaks Chinese with --lang zh', async () => {
    const r = await toyResult();

    const html = htmlPage(r, extras, 'zh');

    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('规划目标');
    expect(html).toContain('常住人口城镇化率');
  });
});
