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
    const lever = compileScenario(toyInput({ assumptions: uncertain })).lever!;
    expect(lever).toMatchObject({ key: 'migration', param: 0, lo: 0, hi: 1, unit: 'per year' });
    expect(lever.assumed).toBeCloseTo(0.02, 15);
  });

  it("takes the scenario's lever and bracket", () => {
    const lever = compileScenario(toyInput({ assumptions: uncertain, lever: { param: 'growth', min: -0.1, max: 0.2 } })).lever!;
    expect(lever).toMatchObject({ key: 'growth', param: 1, lo: -0.1, hi: 0.2 });
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
