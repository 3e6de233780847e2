import { describe, expect, it } from 'vitest';
import cohort, { METRICS as COHORT_METRICS } from '../../../models/cohort/index.js';
import components, { METRICS, P } from '../../../models/components/index.js';
import { CORE_METRICS } from '../../../src/engine/model.js';
import { deterministicTable, projectDeterministic } from '../../../src/engine/deterministic.js';
import { compileParams, evaluatePaths, medianInputs, ParamError } from '../../../src/params/compile.js';
import { context, HEZE, project } from './helpers.js';

function paramError(f: () => unknown): ParamError {
  try {
    f();
  } catch (e) {
    if (e instanceof ParamError) return e;
    throw e;
  }
  throw new Error('expected a ParamError');
}

const shape = (m: (typeof METRICS)[number]) => ({ name: m.name, unit: m.unit, kind: m.kind, display: m.display });

describe('components model definition', () => {
  it('has exactly the cohort model\'s metrics: names, order, units, kinds and display columns', () => {
    expect(METRICS.map(shape)).toEqual(COHORT_METRICS.map(shape));
    expect(METRICS.slice(0, 4).map((m) => m.name)).toEqual([...CORE_METRICS]);
  });

  it('declares its parameters in the runner\'s order, with the external keys the scenario chose', () => {
    const ctx = context();
    const keys = components.parameters(HEZE, ctx).map((d) => d.key);
    expect(keys).toEqual(['cbr.urban', 'cbr.rural', 'cdr.urban', 'cdr.rural', 'ruralToUrban', 'urbanToRural', 'reclassification', 'external.urban.rate', 'external.rural.rate']);
    expect(keys.indexOf('ruralToUrban')).toBe(P.ruralToUrban);
    expect(keys.indexOf('external.rural.rate')).toBe(P.externalR);
    const counted = components.parameters({ ...HEZE, external: { urban: { count: 1000 }, rural: { rate: 0 } } }, ctx);
    expect(counted[P.externalU]).toMatchObject({ key: 'external.urban.count', unit: 'persons/yr', domain: [-Infinity, Infinity] });
  });

  it('shares the cohort model\'s default lever and its keys for the common parameters', () => {
    expect(components.defaultLever).toBe(cohort.defaultLever);
    expect(components.name).toBe('components');
  });

  it('rejects a crude rate given per 1000 (domain [0, 1]) at its scenario path', () => {
    const ctx = context();
    const A = { ...HEZE, cbr: { urban: 6.5, rural: 0.008 } };
    const e = paramError(() => compileParams(components.parameters(A, ctx), ctx.baseYear, ctx.steps));
    expect(e.path).toEqual(['assumptions', 'cbr', 'urban']);
  });
});

describe('components assumptions schema', () => {
  const ok = (raw: unknown) => components.assumptionsSchema.safeParse(raw).success;

  it('accepts rates and counts, fixed or uncertain, with time paths', () => {
    expect(ok(HEZE)).toBe(true);
    expect(ok({ ...HEZE, ruralToUrban: { value: { dist: 'uniform', min: 0.015, max: 0.025 }, change: -0.0005, why: 'argued' } })).toBe(true);
    expect(ok({ ...HEZE, external: { urban: { count: { dist: 'normal', mean: 1e4, sd: 2e3 } }, rural: { rate: 0 } } })).toBe(true);
  });

  it('rejects unknown keys, a missing area, and external migration given both as a rate and a count', () => {
    expect(ok({ ...HEZE, tfr: { urban: 1, rural: 1.3 } })).toBe(false);
    expect(ok({ ...HEZE, cdr: { urban: 0.007 } })).toBe(false);
    expect(ok({ ...HEZE, external: { urban: { rate: 0, count: 5 }, rural: { rate: 0 } } })).toBe(false);
  });
});

describe('components model, end to end', () => {
  it('projects the median draw and prints the cohort model\'s table columns', () => {
    // Arrange
    const ctx = context();
    const assumptions = components.assumptionsSchema.parse(HEZE);
    // Act
    const r = projectDeterministic({ model: components, assumptions, ctx, scenario: { name: 'test', region: 'Heze' } });
    const header = deterministicTable(r, 'test').split('\n').find((l) => /^\s*year\b/.test(l)) ?? '';
    // Assert
    for (const col of ['births', 'deaths', 'net internal', 'reclassified', 'external', 'Δ natural pp', 'Δ internal pp', 'Δ reclassification pp', 'Δ external pp']) {
      expect(header).toContain(col);
    }
    expect(r.series[3][14]).toBeGreaterThan(r.series[3][0]);
  });

  it('dumps per-step inputs from which the projection is recomputed independently', () => {
    // Arrange
    const ctx = context();
    const A = components.assumptionsSchema.parse({ ...HEZE, external: { urban: { count: 5000 }, rural: { rate: -0.003 } } });
    const params = compileParams(components.parameters(A, ctx), ctx.baseYear, ctx.steps);
    const paths = new Float64Array(params.keys.length * ctx.steps);
    evaluatePaths(params, medianInputs(params), paths);
    type Ext = { rate: number } | { count: number };
    // Act
    const dump = components.inspect!(components.compile(A, ctx), params, paths) as {
      format: string;
      baseline: { urban: number; rural: number };
      steps: { cbr: { U: number; R: number }; cdr: { U: number; R: number }; ruralToUrban: number; urbanToRural: number; reclassification: number; external: { U: Ext; R: Ext } }[];
    };
    // Assert: the README's equations, written out again.
    expect(dump.format).toBe('urbcast.components-schedules/1');
    let { urban: U, rural: R } = dump.baseline;
    for (const s of dump.steps) {
      const N = (e: Ext, start: number) => ('count' in e ? e.count : e.rate * start);
      const NU = N(s.external.U, U);
      const NR = N(s.external.R, R);
      const u1 = U * (1 + s.cbr.U - s.cdr.U);
      const r1 = R * (1 + s.cbr.R - s.cdr.R);
      const u2 = u1 + s.ruralToUrban * r1 - s.urbanToRural * u1;
      const r2 = r1 - s.ruralToUrban * r1 + s.urbanToRural * u1;
      U = u2 + s.reclassification * r2 + NU;
      R = r2 * (1 - s.reclassification) + NR;
    }
    const p = project({ ...HEZE, external: { urban: { count: 5000 }, rural: { rate: -0.003 } } });
    expect(p.series('urban')[14] / U).toBeCloseTo(1, 12);
    expect(p.series('rural')[14] / R).toBeCloseTo(1, 12);
  });
});
