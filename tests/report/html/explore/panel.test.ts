import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../src/scenario/load.js';
import { exploreModel } from '../../../../src/report/html/explore/model.js';
import { distText, explorePanel, exploreRows } from '../../../../src/report/html/explore/panel.js';
import { commandLine } from '../../../../src/report/html/explore/page-entry.js';
import { toyResult } from '../../../fixtures/engine/result.js';

describe('exploreRows', () => {
  it("lists every uncertain input of Heze's parameters, the levers' first, each slider holding its centre inside the parameter's domain", async () => {
    const model = exploreModel(await loadScenario('scenarios/heze.yml'));

    const rows = exploreRows(model, 'en');

    expect(rows.map((r) => r.name).sort()).toEqual(model.cs.main.inputs.filter((i) => i.param >= 0).map((i) => i.name).sort());
    expect(rows.slice(0, 2).map((r) => [r.name, r.leverOf])).toEqual([
      ['ruralToUrban.value', ['heze.P001', 'heze.P003', 'heze.P013']],
      ['hukou.conversion.rate.value', ['heze.P002']],
    ]);
    for (const r of rows) {
      const inp = model.cs.main.inputs.find((i) => i.name === r.name)!;
      const [lo, hi] = model.cs.main.domains[inp.param];
      expect(r.min, r.name).toBeLessThanOrEqual(r.centre);
      expect(r.max, r.name).toBeGreaterThanOrEqual(r.centre);
      expect(r.min, r.name).toBeLessThan(r.max);
      if (!r.name.endsWith('.change')) expect(r.min >= lo && r.max <= hi, r.name).toBe(true);
    }
  });

  it('names every assumption in Chinese with --lang zh', async () => {
    const rows = exploreRows(exploreModel(await loadScenario('scenarios/heze.yml')), 'zh');

    for (const r of rows) expect(r.label, r.name).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('explorePanel', () => {
  it('has a row per assumption with a centre slider and box, a spread slider, the draws, reset and the file run in its status', async () => {
    const model = exploreModel(await loadScenario('scenarios/jinan.yml'));
    const rows = exploreRows(model, 'en');
    const r = await toyResult();

    const html = explorePanel(rows, r, 'en');

    expect(html.match(/<tr data-input=/g)).toHaveLength(rows.length);
    expect(html.match(/type="range" class="centre"/g)).toHaveLength(rows.length);
    expect(html.match(/type="range" class="spread"/g)).toHaveLength(rows.length);
    expect(html).toContain('id="explore-draws"');
    expect(html).toContain('id="explore-reset"');
    expect(html).toContain(`Showing the file’s run (${r.run.draws.toLocaleString('en-US')} draws)`);
    expect(html).toContain(`<code>${distText(rows[0].dist)}</code>`);
  });
});

describe('commandLine', () => {
  it('quotes for the shell only what needs it', () => {
    expect(commandLine('scenarios/heze.yml', 2000, 7, ['assumptions.srb.value=1.1', "assumptions.tfr.urban.value={dist: pert, min: 1, mode: 1.2, max: 1.5}", "x='y'"])).toBe(
      "npx simulate --scenario scenarios/heze.yml --draws 2000 --seed 7 --set assumptions.srb.value=1.1 --set 'assumptions.tfr.urban.value={dist: pert, min: 1, mode: 1.2, max: 1.5}' --set 'x='\\''y'\\'''",
    );
  });
});
