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

  it('shows the --set overrides in the identity, and "none" without them', async () => {
    const r = await toyResult();

    const withSets = htmlPage({ ...r, scenario: { ...r.scenario, sets: ['assumptions.migration=0.02'] } }, extras, 'en');
    const without = htmlPage({ ...r, scenario: { ...r.scenario, sets: [] } }, extras, 'zh');

    expect(withSets).toContain('<dd data-field="sets">--set assumptions.migration=0.02</dd>');
    expect(without).toContain('<dd data-field="sets">无</dd>');
  });

  it("shows a calibrated run's effective sample size in the identity, and none for an unweighted run", async () => {
    const r = await toyResult();
    const calibration = { method: 'importance' as const, ess: 271.25, minEss: 200, observations: [{ year: 2022, metric: 'urbanShare', value: 0.52, se: 0.003, median: 0.521 }] };

    const en = htmlPage({ ...r, calibration }, extras, 'en');
    const zh = htmlPage({ ...r, calibration }, extras, 'zh');

    expect(en).toContain('<dt>Effective sample size</dt><dd data-field="ess" data-value="271.25">271 of 400 draws (minEss 200; importance weights from 1 observation)</dd>');
    expect(zh).toContain('<dt>有效样本量</dt><dd data-field="ess" data-value="271.25">271 ／400 次抽样（minEss 200；按 1 个观测值计算重要性权重）</dd>');
    expect(htmlPage(r, extras, 'en')).not.toContain('data-field="ess"');
  });

  it("names each target's lever beside the level it needs, with the exact values", async () => {
    const r = await toyResult();
    const people = r.targets.find((t) => t.id === 'people')!;

    const en = htmlPage(r, extras, 'en');
    const zh = htmlPage(r, extras, 'zh');

    const row = (html: string) => html.split('<tr').find((x) => x.includes('data-target="people"'))!;
    expect(row(en)).toContain('<td data-field="lever.param" data-lever="growth">growth rate</td>');
    expect(row(en)).toContain(`data-field="lever.needed" data-value="${people.lever!.needed}" data-assumed="${people.lever!.assumed}"`);
    expect(row(zh)).toContain('>总人口增长率</td>');
    expect(en.split('<tr').find((x) => x.includes('data-target="toy.P001"'))).toContain('data-lever="migration">rural→urban migration rate</td>');
  });

  it('labels the drivers in Chinese with --lang zh', async () => {
    const r = await toyResult();
    const drivers = [{ input: 'ruralToUrban.value', label: 'rural→urban migration rate', index: 0.8, direction: 1 as const }];

    const html = htmlPage({ ...r, targets: r.targets.map((t) => ({ ...t, drivers })) }, extras, 'zh');

    const section = html.slice(html.indexOf('id="s-drivers"'), html.indexOf('id="s-assumptions"'));
    expect(section).toContain('乡→城迁移率');
    expect(section).not.toContain('rural→urban migration rate');
  });

  it('has a pyramids section only when the result has pyramids', async () => {
    const r = await toyResult();
    const ages = [0, 5, 10];
    const groups = (['urban', 'rural'] as const).flatMap((area) => (['female', 'male'] as const).map((sex) => ({ area, sex, values: [3, 2, 1] })));
    const pyramids = { baseline: { year: 2021, ages, groups }, horizon: { year: 2035, ages, groups } };

    expect(htmlPage(r, extras, 'en')).not.toContain('id="s-pyramids"');
    const html = htmlPage({ ...r, pyramids }, extras, 'en');
    expect(html).toContain('id="pyramid-baseline"');
    expect(html).toContain('id="pyramid-horizon"');
  });

  it('without draws (a deterministic path) shows no probabilities and no drivers', async () => {
    const r = await toyResult();

    const html = htmlPage({ ...r, run: { ...r.run, draws: 0 }, targets: [] }, extras, 'en');

    expect(html).not.toContain('id="s-drivers"');
    expect(html).not.toContain('id="targets"');
    expect(html).toContain('no probabilities');
  });
});
