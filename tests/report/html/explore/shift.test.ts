/**
 * The page's shifted scenario is the CLI's: for every uncertain assumption of Heze and Jinan,
 * moving its centre and spread and compiling with `shiftedScenario` gives the same compiled
 * scenario (parameters, inputs, sampling, model, targets, references) as loading the file with
 * the `--set` arguments `setArgs` prints and compiling it.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../../../src/engine/compile.js';
import { loadScenario } from '../../../../src/scenario/load.js';
import { distCentre, setArgs, shiftDist, shiftedScenario, statedDist } from '../../../../src/report/html/explore/shift.js';
import { exploreModel } from '../../../../src/report/html/explore/model.js';
import type { Dist } from '../../../../src/random/distributions.js';

describe('shiftDist', () => {
  it.each<[Dist, number, number, Dist]>([
    [{ dist: 'pert', min: 1, mode: 2, max: 4 }, 3, 1, { dist: 'pert', min: 2, mode: 3, max: 5 }],
    [{ dist: 'pert', min: 1, mode: 2, max: 4, lambda: 6 }, 2, 0.5, { dist: 'pert', min: 1.5, mode: 2, max: 3, lambda: 6 }],
    [{ dist: 'triangular', min: 0, mode: 1, max: 3 }, 2, 2, { dist: 'triangular', min: 0, mode: 2, max: 6 }],
    [{ dist: 'uniform', min: 0, max: 2 }, 3, 1, { dist: 'uniform', min: 2, max: 4 }],
    [{ dist: 'normal', mean: 0, sd: 1 }, 2, 3, { dist: 'normal', mean: 2, sd: 3 }],
    [{ dist: 'truncnormal', mean: 1, sd: 1, min: 0, max: 3 }, 2, 1, { dist: 'truncnormal', mean: 2, sd: 1, min: 1, max: 4 }],
    [{ dist: 'lognormal', median: 2, sigma: 0.5 }, 3, 2, { dist: 'lognormal', median: 3, sigma: 1 }],
    [{ dist: 'beta', alpha: 2, beta: 3 }, 1, 1, { dist: 'beta', alpha: 2, beta: 3, min: 0.5, max: 1.5 }],
  ])('moves %j to centre %d, spread ×%d', (d, centre, spread, want) => {
    const got = shiftDist(d, centre, spread);

    expect(got).toEqual(want);
    expect(distCentre(got)).toBe(centre);
  });

  it('rounds what it computes to 12 significant digits (a readable --set)', () => {
    expect(shiftDist({ dist: 'pert', min: 0.01256, mode: 0.01642, max: 0.02028 }, 0.024, 1)).toEqual({ dist: 'pert', min: 0.02014, mode: 0.024, max: 0.02786 });
  });

  it('returns the distribution itself when nothing moves', () => {
    const d: Dist = { dist: 'pert', min: 1, mode: 2, max: 4 };

    expect(shiftDist(d, 2, 1)).toBe(d);
  });
});

describe.each(['scenarios/heze.yml', 'scenarios/jinan.yml'])('%s: shiftedScenario equals the CLI with --set', (file) => {
  it('for every uncertain assumption, centre and spread moved', async () => {
    const loaded = await loadScenario(file);
    const model = exploreModel(loaded, { draws: 64, seed: 7 });
    const own = model.cs.main.inputs.filter((i) => i.param >= 0);
    expect(own.length).toBeGreaterThan(5);
    let refused = 0;
    for (const [j, inp] of own.entries()) {
      const d = statedDist(model, inp.name);
      const c = distCentre(d);
      // a small move inside every domain (rates near 0 stay positive), alternately wider and narrower
      const shift = { name: inp.name, centre: c + (j % 2 === 0 ? 0.05 : -0.03) * (Math.abs(c) || 1e-3) * (inp.name.endsWith('.change') ? 0 : 1), spread: j % 2 === 0 ? 0.75 : 1.25 };

      const sets = setArgs(model, [shift]);
      const cliLoaded = await loadScenario(file, { sets });
      let page;
      try {
        page = shiftedScenario(model, [shift], { draws: 64, seed: 7 });
      } catch (e) {
        // out of the parameter's domain: the CLI says the same
        expect(() => compileScenario(cliLoaded, { draws: 64, seed: 7 }), inp.name).toThrow((e as Error).message);
        refused++;
        continue;
      }
      const cli = compileScenario(cliLoaded, { draws: 64, seed: 7 });

      expect(sets).toHaveLength(1);
      expect(page.main.params, inp.name).toEqual(cli.main.params);
      expect(page.main.inputs, inp.name).toEqual(cli.main.inputs);
      expect(page.main.sampling, inp.name).toEqual(cli.main.sampling);
      expect(page.main.model, inp.name).toEqual(cli.main.model);
      expect(page.main.domains, inp.name).toEqual(cli.main.domains);
      expect(page.targets, inp.name).toEqual(cli.targets);
      expect(page.references, inp.name).toEqual(cli.references);
    }
    expect(refused).toBeLessThan(own.length / 4);
  }, 120_000);

  it('prints no --set and changes nothing when nothing moves', async () => {
    const model = exploreModel(await loadScenario(file), { draws: 64 });
    const still = model.cs.main.inputs.filter((i) => i.param >= 0).map((i) => ({ name: i.name, centre: distCentre(statedDist(model, i.name)), spread: 1 }));

    expect(setArgs(model, still)).toEqual([]);
    expect(shiftedScenario(model, still).main.params).toEqual(model.cs.main.params);
  });
});
