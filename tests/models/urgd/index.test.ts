import { describe, expect, it } from 'vitest';
import urgd, { METRICS, P } from '../../../models/urgd/index.js';
import { logistic } from '../../../models/urgd/logit.js';
import { CORE_METRICS } from '../../../src/engine/model.js';
import { projectDeterministic, deterministicTable } from '../../../src/engine/deterministic.js';
import { compileParams, evaluatePaths, medianInputs, ParamError } from '../../../src/params/compile.js';
import { context, project } from './helpers.js';
import { thrown } from '../../thrown.js';

const DRIFTING = { urgd: { dist: 'triangular', min: 0.025, mode: 0.035, max: 0.045 }, growth: -0.002, drift: { target: 0.02, speed: 0.1 } };

describe('urgd model definition', () => {
  it('declares urgd and growth, plus drift.target and drift.speed only with drift, in the runner\'s order', () => {
    const ctx = context();
    expect(urgd.parameters(urgd.assumptionsSchema.parse({ urgd: 0.03, growth: 0 }), ctx).map((d) => d.key)).toEqual(['urgd', 'growth']);
    const keys = urgd.parameters(urgd.assumptionsSchema.parse(DRIFTING), ctx).map((d) => d.key);
    expect(keys).toEqual(['urgd', 'growth', 'drift.target', 'drift.speed']);
    expect([keys.indexOf('urgd'), keys.indexOf('growth'), keys.indexOf('drift.target'), keys.indexOf('drift.speed')]).toEqual([P.urgd, P.growth, P.driftTarget, P.driftSpeed]);
  });

  it('outputs the core metrics first, then the URGD with its own column, then the one-term decomposition', () => {
    expect(METRICS.slice(0, 4).map((m) => m.name)).toEqual([...CORE_METRICS]);
    expect(new Set(METRICS.map((m) => m.name)).size).toBe(METRICS.length);
    expect(METRICS[4]).toMatchObject({ name: 'urgd', unit: 'per year', kind: 'flow', display: { column: 'URGD' } });
    expect(METRICS.filter((m) => m.kind === 'contribution').map((m) => m.name)).toEqual(['contrib.urgd']);
  });

  it('names urgd as the default lever, and a parameter it declares', () => {
    expect(urgd.defaultLever).toBe('urgd');
    expect(urgd.name).toBe('urgd');
  });

  it('rejects a baseline urban share of 0 or 1 at baseline.urbanShare', () => {
    for (const u of [0, 1]) {
      const e = thrown(ParamError, () => urgd.compile({ urgd: 0.03, growth: 0 }, context({ urbanShare: u })));
      expect(e.path).toEqual(['baseline', 'urbanShare']);
      expect(e.message).toMatch(/strictly between 0 and 1; found/);
    }
  });

  it('rejects out-of-domain values (a URGD of 3 meant as 3 %, a speed above 1) when the parameters compile', () => {
    const ctx = context();
    const typo = thrown(ParamError, () => compileParams(urgd.parameters({ urgd: 3, growth: 0 }, ctx), ctx.baseYear, ctx.steps));
    expect(typo.path).toEqual(['assumptions', 'urgd']);
    const fast = thrown(ParamError, () => compileParams(urgd.parameters({ urgd: 0.03, growth: 0, drift: { target: 0.02, speed: 1.5 } }, ctx), ctx.baseYear, ctx.steps));
    expect(fast.path).toEqual(['assumptions', 'drift', 'speed']);
  });
});

describe('urgd model, end to end', () => {
  it('projects the median draw: the triangular mode, drifting towards the target', () => {
    // Act
    const p = project(DRIFTING);
    // Assert: the first URGD is the median of triangular(0.025, 0.035, 0.045); then drift.
    const applied = p.series('urgd');
    expect(applied[1]).toBeCloseTo(0.035, 12);
    expect(applied[2]).toBeCloseTo(0.035 + 0.1 * (0.02 - 0.035), 12);
    expect(p.series('total')[p.H]).toBeCloseTo(8.7e6 * 0.998 ** p.H, 3);
  });

  it('runs in the deterministic projection and prints a URGD column', () => {
    // Arrange
    const ctx = context();
    const assumptions = urgd.assumptionsSchema.parse(DRIFTING);
    // Act
    const r = projectDeterministic({ model: urgd, assumptions, ctx, scenario: { name: 'test', region: 'Heze' } });
    const table = deterministicTable(r, 'test');
    // Assert
    expect(r.years).toEqual(Array.from({ length: 15 }, (_, t) => 2021 + t));
    expect(r.series.every((s) => s.length === 15)).toBe(true);
    expect(table).toMatch(/URGD/);
  });

  it('dumps the applied URGD and growth per step, from which the projection is recomputed by hand', () => {
    // Arrange
    const ctx = context();
    const A = urgd.assumptionsSchema.parse(DRIFTING);
    const params = compileParams(urgd.parameters(A, ctx), ctx.baseYear, ctx.steps);
    const paths = new Float64Array(params.keys.length * ctx.steps);
    evaluatePaths(params, medianInputs(params), paths);
    const compiled = urgd.compile(A, ctx);
    // Act
    const dump = urgd.inspect!(compiled, params, paths) as {
      format: string;
      baseline: { population: number; urbanShare: number };
      steps: { year: number; urgd: number; growth: number }[];
    };
    // Assert
    expect(dump.format).toBe('urbcast.urgd-schedules/1');
    expect(dump.steps.map((s) => s.year)).toEqual(Array.from({ length: 14 }, (_, t) => 2022 + t));
    let T = dump.baseline.population;
    let L = Math.log(dump.baseline.urbanShare / (1 - dump.baseline.urbanShare));
    for (const s of dump.steps) {
      T *= 1 + s.growth;
      L += s.urgd;
    }
    const p = project(DRIFTING);
    expect(p.series('urbanShare')[14]).toBeCloseTo(logistic(L), 12);
    expect(p.series('total')[14]).toBeCloseTo(T, 4);
  });
});
