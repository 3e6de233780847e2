import { describe, expect, it } from 'vitest';
import type { ModelDefinition } from '../../src/engine/model.js';
import type { Target } from '../../src/scenario/schema.js';
import { resolveTargets } from '../../src/scenario/targets.js';

const cohortLike = { name: 'cohort' } as ModelDefinition;
const withCitizens = { name: 'citizen', metrics: [{ name: 'citizenised', label: '', unit: '', kind: 'flow' }] } as unknown as ModelDefinition;
const lines = (path: (string | number)[]) => ({ file: '/w/x.yml', line: 10 + Number(path[1] ?? 0), column: path.length });
const resolve = (targets: unknown[], model = cohortLike) =>
  resolveTargets(targets as Target[], { baseYear: 2021, horizon: 2035, model, locate: lines });
const problems = (targets: unknown[], model = cohortLike) => resolve(targets, model).errors.map((e) => `${e.path}: ${e.detail}`);

describe('inline targets', () => {
  it('a year makes a level target, a window a flow, a reference a gain; ids and labels default', () => {
    const { targets, errors } = resolve([
      { metric: 'urbanShare', year: 2035, comparator: '>=', value: 0.7 },
      { metric: 'ruralToUrban', window: [2022, 2025], comparator: '>', value: 1e5 },
      { metric: 'urbanShare', window: [2024, 2025], comparator: '>=', value: 0.005, reference: { gain: 0.01 }, milestone: false, id: 'rel' },
    ]);

    expect(errors).toEqual([]);
    expect(targets.map((t) => [t.id, t.label, t.kind, t.milestone])).toEqual([
      ['urbanShare-2035', 'urbanShare 2035', 'level', true],
      ['ruralToUrban-2022-2025', 'ruralToUrban 2022–2025', 'flow', true],
      ['rel', 'urbanShare 2024–2025', 'gain', false],
    ]);
    expect(targets[2].reference).toEqual({ gain: 0.01 });
  });

  it("carries a target's own lever, a bare parameter name as {param}; none when not given", () => {
    const { targets, errors } = resolve([
      { metric: 'hukouShare', year: 2035, comparator: '>=', value: 0.73, lever: 'hukou.conversion.rate' },
      { metric: 'total', year: 2035, comparator: '>=', value: 1.1e7, lever: { param: 'external.urban.rate', min: 0, max: 0.05 } },
      { metric: 'urbanShare', year: 2035, comparator: '>=', value: 0.7 },
    ]);

    expect(errors).toEqual([]);
    expect(targets.map((t) => t.lever)).toEqual([{ param: 'hukou.conversion.rate' }, { param: 'external.urban.rate', min: 0, max: 0.05 }, undefined]);
    expect('lever' in targets[2]).toBe(false);
  });

  it('default ids that clash get a suffix; stated ids that clash are an error', () => {
    const two = { metric: 'urban', year: 2030, comparator: '>=', value: 1 };

    expect(resolve([two, { ...two, comparator: '<=' }]).targets.map((t) => t.id)).toEqual(['urban-2030', 'urban-2030-2']);
    expect(problems([{ ...two, id: 'u' }, { ...two, id: 'u' }])).toEqual(['targets.1.id: duplicate target id "u"; ids name targets in reports']);
  });

  it('years must lie after the baseline year and up to the horizon; windows must be ordered', () => {
    expect(
      problems([
        { metric: 'urban', year: 2021, comparator: '>=', value: 1 },
        { metric: 'urban', year: 2036, comparator: '>=', value: 1 },
        { metric: 'urban', year: 2035, comparator: '>=', value: 1 },
        { metric: 'births.U', window: [2025, 2022], comparator: '>=', value: 1 },
        { metric: 'births.U', window: [2030, 2040], comparator: '>=', value: 1 },
        { metric: 'urban', year: 2030, window: [2022, 2030], comparator: '>=', value: 1 },
        { metric: 'urban', comparator: '>=', value: 1 },
      ]),
    ).toEqual([
      'targets.0.year: found 2021, expected a year from 2022 to 2035 (after the baseline year, up to the horizon)',
      'targets.1.year: found 2036, expected a year from 2022 to 2035 (after the baseline year, up to the horizon)',
      'targets.3.window: found [2025, 2022], expected a window [first year, last year] with first ≤ last',
      'targets.4.window: found [2030, 2040], expected years from 2022 to 2035',
      'targets.5: give year (a level target) or window (a flow target), not both',
      'targets.6: needs year (a level target) or window (a flow or gain target)',
    ]);
  });
});

describe('seed targets', () => {
  it('are replaced by their inline form, keeping provenance; stated fields win', () => {
    const { targets } = resolve([{ seed: 'heze.P011', tolerance: 0.01, label: 'about 57%' }, { seed: 'heze.P003' }]);

    expect(targets[0]).toMatchObject({ id: 'heze.P011', label: 'about 57%', metric: 'urbanShare', kind: 'level', year: 2025, comparator: '~', value: 0.57, tolerance: 0.01 });
    expect(targets[1]).toMatchObject({ id: 'heze.P003', comparator: '>=', value: 0.7, milestone: true, source: { seed: 'heze.P003', line: 144 } });
  });

  it("carry the seed's Chinese label only with the seed's own label", () => {
    const { targets } = resolve([{ seed: 'heze.P003' }, { seed: 'heze.P011', label: 'about 57%' }]);

    expect(targets[0]).toMatchObject({ label: 'urbanisation rate, 2035', labelZh: '常住人口城镇化率，2035年' });
    expect(targets[1].label).toBe('about 57%');
    expect('labelZh' in targets[1]).toBe(false);
  });

  it('take a stated labelZh, on seed and inline targets alike', () => {
    const { targets } = resolve([
      { seed: 'heze.P011', label: 'about 57%', labelZh: '57%左右' },
      { metric: 'urbanShare', year: 2030, comparator: '>=', value: 0.6, labelZh: '城镇化率，2030年' },
    ]);

    expect(targets.map((t) => [t.label, t.labelZh])).toEqual([
      ['about 57%', '57%左右'],
      ['urbanShare 2030', '城镇化率，2030年'],
    ]);
  });

  it('a gain seed needs a reference; other seeds refuse one', () => {
    expect(problems([{ seed: 'heze.P013' }])[0]).toMatch(/^targets\.0: seed heze\.P013 is a gain relative to another region: add reference:/);
    expect(problems([{ seed: 'heze.P001', reference: { gain: 0.01 } }])).toEqual(['targets.0.reference: seed heze.P001 is a level target; only gain targets take a reference']);
    expect(resolve([{ seed: 'heze.P013', reference: { scenario: 'shandong.yml' } }]).targets[0]).toMatchObject({ kind: 'gain', window: [2024, 2025], reference: { scenario: 'shandong.yml' } });
  });

  it('citizenised needs a model that declares the metric', () => {
    expect(problems([{ seed: 'jinan.P017' }])).toEqual(['targets.0.seed: seed jinan.P017: model cohort has no metric citizenised']);
    const from2020 = resolveTargets([{ seed: 'jinan.P017' }] as Target[], { baseYear: 2020, horizon: 2035, model: withCitizens, locate: lines });

    expect(from2020.errors).toEqual([]);
    expect(from2020.targets[0]).toMatchObject({ metric: 'citizenised', kind: 'flow', window: [2021, 2025], value: 600_000 });
  });

  it('a seed about a year outside the projection is an error at the target', () => {
    expect(problems([{ seed: 'jinan.P006' }]).length).toBe(0);
    const early = resolveTargets([{ seed: 'heze.P001' }] as Target[], { baseYear: 2025, horizon: 2035, model: cohortLike, locate: lines });

    expect(early.errors.map((e) => e.detail)).toEqual(['seed heze.P001 is about 2025 (year), outside the projection; expected a year from 2026 to 2035 (after the baseline year, up to the horizon)']);
  });

  it('errors are located at the target line', () => {
    const [e] = resolve([{ metric: 'urban', year: 2030, comparator: '>=', value: 1 }, { seed: 'heze.P099' }]).errors;

    expect([e.line, e.path]).toEqual([11, 'targets.1.seed']);
  });
});
