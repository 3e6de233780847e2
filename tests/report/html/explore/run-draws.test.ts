/**
 * The page's run equals the CLI's main run bit for bit: same P(met), standard errors, quantiles,
 * moments and drivers, for a shifted assumption and a batch size unlike the CLI's.
 */
import { describe, expect, it } from 'vitest';
import cohort from '../../../../models/cohort/index.js';
import { runScenario } from '../../../../src/engine/run.js';
import { DrawKernel, type BatchResult, type DrawTask } from '../../../../src/engine/kernel.js';
import { loadScenario } from '../../../../src/scenario/load.js';
import { exploreModel } from '../../../../src/report/html/explore/model.js';
import { runDraws } from '../../../../src/report/html/explore/run-draws.js';
import { setArgs, shiftedScenario } from '../../../../src/report/html/explore/shift.js';

describe('runDraws', () => {
  it('gives the numbers of runScenario with the same --set, draws and seed (Heze, with its Shandong reference)', async () => {
    const loaded = await loadScenario('scenarios/heze.yml');
    const model = exploreModel(loaded);
    const shifts = [{ name: 'ruralToUrban.value', centre: 0.019, spread: 1.5 }];
    const cs = shiftedScenario(model, shifts, { draws: 700, seed: 11 });
    const sets = setArgs(model, shifts);

    const page = await runDraws(cs, { cohort }, { batch: 37, scenario: { name: '', file: '', sha256: null, model: 'cohort', region: '', sets: [] }, engineVersion: 'test' });
    const cli = await runScenario(await loadScenario('scenarios/heze.yml', { sets }), { draws: 700, seed: 11, lever: false, workers: 1, progress: false });

    expect(page).not.toBeNull();
    const pick = (r: typeof cli) => ({
      targets: r.targets.map((t) => [t.id, t.pMet, t.se, t.median, t.q025, t.q10, t.q90, t.q975, t.drivers]),
      metrics: r.metrics.map((m) => [m.name, m.quantiles, m.mean, m.sd, m.deterministic]),
      joint: r.joint,
    });
    expect(pick(page!)).toEqual(pick(cli));
    expect(page!.targets.find((t) => t.id === 'heze.P001')!.pMet).toBeGreaterThan(0);
  }, 120_000);

  it('gives the same bits with helpers drawing every other batch, answering out of order', async () => {
    const cs = exploreModel(await loadScenario('scenarios/heze.yml'), { draws: 900 }).cs;
    const info = { scenario: { name: '', file: '', sha256: null, model: 'cohort', region: '', sets: [] }, engineVersion: 'test' };
    const helpers = [0, 1].map((h) => {
      const kernel = new DrawKernel(cs, cohort, cs.references.map(() => cohort));
      // the second helper answers late: the batches still go in draw order
      return (task: DrawTask) => new Promise<BatchResult>((resolve) => setTimeout(() => resolve(kernel.run(task)), h * 20));
    });
    const asked: number[] = [];
    const counting = helpers.map((f) => (task: DrawTask) => (asked.push(task.start), f(task)));

    const alone = await runDraws(cs, { cohort }, { batch: 64, ...info });
    const shared = await runDraws(cs, { cohort }, { batch: 64, helpers: counting, ...info });

    expect(asked.length).toBeGreaterThan(5);
    expect(shared!.targets).toEqual(alone!.targets);
    expect(shared!.metrics).toEqual(alone!.metrics);
  }, 120_000);

  it('stops between batches when pause resolves false', async () => {
    const cs = exploreModel(await loadScenario('scenarios/heze.yml'), { draws: 400 }).cs;
    let batches = 0;

    const r = await runDraws(cs, { cohort }, { batch: 50, pause: async () => ++batches < 2, scenario: { name: '', file: '', sha256: null, model: 'cohort', region: '', sets: [] }, engineVersion: 'test' });

    expect(r).toBeNull();
    expect(batches).toBe(2);
  });
});
