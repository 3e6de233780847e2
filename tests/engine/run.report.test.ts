/**
 * What `runScenario` records for reports (src/engine/run.ts): the `--set` overrides in the
 * scenario's identity and the median path's pyramids.
 */
import { describe, expect, it } from 'vitest';
import { projectDeterministic } from '../../src/engine/deterministic.js';
import { runScenario } from '../../src/engine/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { toyInput } from '../fixtures/engine/toy-scenario.js';

const quick = { draws: 20, workers: 1, progress: false, lever: false, sensitivity: false } as const;

describe('runScenario: identity and pyramids', () => {
  it('records the --set overrides it is given, in order, and none by default', async () => {
    const sets = ['assumptions.migration=0.02', 'draws=20'];

    const [withSets, without] = await Promise.all([runScenario(toyInput(), { ...quick, sets }), runScenario(toyInput(), quick)]);

    expect(withSets.scenario.sets).toEqual(sets);
    expect(without.scenario.sets).toEqual([]);
  });

  it('has no pyramids for a model without ages', async () => {
    const r = await runScenario(toyInput(), quick);

    expect(r.pyramids).toBeNull();
  });

  it('gives the cohort model’s pyramids of the median path (the deterministic projection’s)', async () => {
    const loaded = await loadScenario('scenarios/heze.yml', { sets: ['assumptions.srb.value=1.1'] });

    const r = await runScenario(loaded, { ...quick, sets: ['assumptions.srb.value=1.1'] });

    expect(r.pyramids).toEqual(projectDeterministic(loaded).pyramids);
    expect(r.pyramids!.horizon.year).toBe(r.years.at(-1));
  });
});
