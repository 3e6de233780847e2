import { describe, expect, it } from 'vitest';
import { compileForValidation, compileScenario } from '../../src/engine/compile.js';
import { ParamError } from '../../src/params/compile.js';
import { toyInput } from '../fixtures/engine/toy-scenario.js';

function paramError(f: () => unknown): ParamError {
  try {
    f();
  } catch (e) {
    if (e instanceof ParamError) return e;
    throw e;
  }
  throw new Error('no ParamError thrown');
}

const uncertain = { migration: { value: { dist: 'uniform' as const, min: 0.01, max: 0.03 }, change: { dist: 'uniform' as const, min: -0.001, max: 0 } }, growth: { dist: 'uniform' as const, min: 0, max: 0.01 } };

describe('compileScenario', () => {
  it('produces plain, structured-cloneable data', () => {
    const cs = compileScenario(toyInput({ assumptions: uncertain, targets: [{ year: 2025 }], sampling: { lhs: true, correlations: [{ between: ['migration.value', 'growth.value'], rho: 0.3 }] } }));

    expect(structuredClone(cs)).toEqual(cs);
    expect(cs.main.sampling).toMatchObject({ seed: 7, draws: 200, lhs: true });
    expect(cs.main.sampling.cholesky).toBeInstanceOf(Float64Array);
    expect(cs.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(cs.main.inputs.map((i) => i.name)).toEqual(['migration.value', 'migration.change', 'growth.value']);
  });

  it('applies draws and seed overrides', () => {
    expect(compileScenario(toyInput(), { draws: 50, seed: 3 }).main.sampling).toMatchObject({ draws: 50, seed: 3 });
  });

  it("takes the model's default lever, its median first-year level and its domain as bracket", () => {
    const [lever, ...rest] = compileScenario(toyInput({ assumptions: uncertain, targets: [{ year: 2025 }, { year: 2030 }] })).levers;
    expect(rest).toEqual([]);
    expect(lever).toMatchObject({ key: 'migration', param: 0, lo: 0, hi: 1, unit: 'per year', targets: [0, 1] });
    expect(lever.assumed).toBeCloseTo(0.02, 15);
  });

  it("takes the scenario's lever and bracket", () => {
    const [lever] = compileScenario(toyInput({ assumptions: uncertain, targets: [{ year: 2025 }], lever: { param: 'growth', min: -0.1, max: 0.2 } })).levers;
    expect(lever).toMatchObject({ key: 'growth', param: 1, lo: -0.1, hi: 0.2, targets: [0] });
  });

  it("gives a target its own lever, one lever per distinct parameter and bracket, in order of first use", () => {
    const cs = compileScenario(
      toyInput({
        assumptions: uncertain,
        lever: { param: 'migration', min: 0, max: 0.5 },
        targets: [
          { id: 'a', year: 2025, lever: { param: 'growth' } },
          { id: 'b', year: 2025 },
          { id: 'c', year: 2030, lever: { param: 'growth' } },
          // the scenario's parameter with no bracket: the scenario's bracket, so the scenario's lever
          { id: 'd', year: 2030, lever: { param: 'migration' } },
          // the same parameter with a bracket of its own: a lever of its own
          { id: 'e', year: 2030, lever: { param: 'growth', min: -0.05, max: 0.05 } },
        ],
      }),
    );
    expect(cs.levers.map((l) => [l.key, l.lo, l.hi, l.targets])).toEqual([
      ['growth', -0.5, 0.5, [0, 2]],
      ['migration', 0, 0.5, [1, 3]],
      ['growth', -0.05, 0.05, [4]],
    ]);
    expect(cs.levers[0].assumed).toBeCloseTo(0.005, 15);
  });

  it('has no lever when the model names none and no target or scenario does', () => {
    const model = { ...toyInput().model, defaultLever: undefined };
    expect(compileScenario({ ...toyInput({ targets: [{ year: 2025 }] }), model }).levers).toEqual([]);
  });

  it.each([
    [{ param: 'migrations' }, ['lever', 'param'], /unknown parameter "migrations".*migration, growth/],
    [{ param: 'migration', min: -0.5 }, ['lever', 'min'], /below the domain/],
    [{ param: 'migration', min: 0.5, max: 0.2 }, ['lever'], /must be less than/],
  ])('rejects lever %j', (lever, path, message) => {
    const e = paramError(() => compileScenario(toyInput({ lever })));
    expect(e.path).toEqual(path);
    expect(e.message).toMatch(message);
  });

  it.each([
    [{ param: 'migrations' }, ['targets', '1', 'lever', 'param'], /unknown parameter "migrations".*migration, growth/],
    [{ param: 'growth', min: -0.6 }, ['targets', '1', 'lever', 'min'], /targets\.1\.lever\.min -0\.6 is below the domain of growth, \[-0\.5, 0\.5\]/],
    [{ param: 'growth', max: 0.6 }, ['targets', '1', 'lever', 'max'], /above the domain/],
    [{ param: 'growth', min: 0.2, max: 0.1 }, ['targets', '1', 'lever'], /targets\.1\.lever\.min \(0\.2\) must be less than targets\.1\.lever\.max \(0\.1\)/],
    [{ param: 'growth', min: 0.01 }, ['targets', '1', 'lever', 'min'], /found targets\.1\.lever\.min 0\.01, expected at most the assumed level of growth, 0\.005/],
    [{ param: 'migration', max: 0.01 }, ['targets', '1', 'lever', 'max'], /found targets\.1\.lever\.max 0\.01, expected at least the assumed level of migration, 0\.02/],
  ])("rejects a target's lever %j at the target", (lever, path, message) => {
    const e = paramError(() => compileScenario(toyInput({ assumptions: uncertain, targets: [{ year: 2025 }, { year: 2030, lever }] })));
    expect(e.path).toEqual(path);
    expect(e.message).toMatch(message);
  });

  it('rejects a lever whose parameter cannot move (a one-point domain)', () => {
    const base = toyInput({ targets: [{ year: 2025, lever: { param: 'growth' } }] });
    const fixedGrowth = { ...base.model, parameters: (A: unknown, ctx: typeof base.ctx) => base.model.parameters(A, ctx).map((p) => (p.key === 'growth' ? { ...p, domain: [0, 0] as [number, number] } : p)) };
    const e = paramError(() => compileScenario({ ...base, model: fixedGrowth }));
    expect(e.path).toEqual(['targets', '0', 'lever', 'param']);
    expect(e.message).toMatch(/parameter "growth" cannot be shifted: found the domain \[0, 0\], expected a parameter whose level can move/);
  });

  it('rejects a correlation naming a fixed parameter, at its path', () => {
    const e = paramError(() => compileScenario(toyInput({ sampling: { lhs: false, correlations: [{ between: ['migration.value', 'growth.value'], rho: 0.3 }] } })));
    expect(e.path).toEqual(['sampling', 'correlations', '0', 'between', '1']);
  });

  it('lets a correlation name a target’s uncertain reference gain', () => {
    const cs = compileScenario(
      toyInput({
        targets: [{ id: 'rel', kind: 'gain', window: [2021, 2025], reference: { gain: { dist: 'uniform', min: 0, max: 0.01 } } }],
        sampling: { lhs: false, correlations: [{ between: ['migration.value', 'targets.rel.reference.gain'], rho: 0.5 }] },
      }),
    );
    expect(cs.main.inputs.map((i) => i.name)).toEqual(['migration.value', 'targets.rel.reference.gain']);
    expect(cs.main.inputs[1].param).toBe(-1);
    expect(cs.main.params.inputs).toHaveLength(1);
  });

  it('compiles each reference scenario once, with the same seed and draws', () => {
    const ref = toyInput({ name: 'province', file: '/virtual/province.yml', seed: 999, draws: 5, assumptions: { migration: 0.01 } });
    const cs = compileScenario(
      toyInput({
        references: { 'province.yml': ref },
        targets: [
          { id: 'a', kind: 'gain', window: [2021, 2025], reference: { scenario: 'province.yml' } },
          { id: 'b', kind: 'gain', window: [2026, 2030], reference: { scenario: 'province.yml' } },
        ],
      }),
    );
    expect(cs.references).toHaveLength(1);
    expect(cs.references[0]).toMatchObject({ file: '/virtual/province.yml', sampling: { seed: 7, draws: 200 } });
    expect(cs.targets.map((t) => t.ref)).toEqual([
      { kind: 'scenario', unit: 0, m: 3, tEnd: 5, tBefore: 0 },
      { kind: 'scenario', unit: 0, m: 3, tEnd: 10, tBefore: 5 },
    ]);
  });

  it("locates a reference scenario's own error at the target's reference, naming the file", () => {
    const bad = toyInput({ file: '/virtual/bad.yml', sampling: { lhs: false, correlations: [{ between: ['nope', 'migration.value'], rho: 0.1 }] } });
    const e = paramError(() => compileScenario(toyInput({ references: { 'bad.yml': bad }, targets: [{ kind: 'gain', window: [2021, 2025], reference: { scenario: 'bad.yml' } }] })));
    expect(e.path).toEqual(['targets', '0', 'reference', 'scenario']);
    expect(e.message).toMatch(/in reference scenario \/virtual\/bad\.yml, at sampling\.correlations\.0\.between\.0: unknown uncertain input "nope"/);
  });

  it('compileForValidation reports the same errors without running', () => {
    expect(() => compileForValidation(toyInput({ targets: [{ metric: 'nope', year: 2025 }] }))).toThrow(ParamError);
    expect(compileForValidation(toyInput({ targets: [{ year: 2025 }] })).targets).toHaveLength(1);
  });
});
