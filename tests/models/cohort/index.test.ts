/**
 * The cohort model's definition: parameter order and domains (the runner reads paths by index),
 * the metrics, and the rule "any rate above 1 is an input error" (MODEL.md).
 */
import { describe, expect, it } from 'vitest';
import cohort, { METRICS, P } from '../../../models/cohort/index.js';
import { CORE_METRICS } from '../../../src/engine/model.js';
import { ParamError, compileParams } from '../../../src/params/compile.js';
import { baseAssumptions, context } from './helpers.js';

const A = cohort.assumptionsSchema.parse(baseAssumptions());

describe('cohort.parameters', () => {
  it('lists the parameters in the order of P (the runner’s indices)', () => {
    const keys = cohort.parameters(A, context()).map((d) => d.key);
    expect(keys).toEqual([
      'tfr.urban',
      'tfr.rural',
      'e0.urban.female',
      'e0.urban.male',
      'e0.rural.female',
      'e0.rural.male',
      'srb',
      'ruralToUrban',
      'urbanToRural',
      'reclassification',
      'external.urban.rate',
      'external.rural.rate',
    ]);
    expect(Object.values(P)).toEqual(keys.map((_, i) => i));
  });

  it('names external counts as such, with an unbounded domain', () => {
    const B = cohort.assumptionsSchema.parse({ ...baseAssumptions(), external: { urban: { count: -5000 }, rural: { rate: 0 } } });
    const d = cohort.parameters(B, context())[P.externalU];
    expect(d.key).toBe('external.urban.count');
    expect(d.domain).toEqual([-Infinity, Infinity]);
  });

  it('bounds ρ so that the peak-age rate ρ·κ·g(a) is at most 1, and rejects a ρ above it', () => {
    // Arrange
    const ctx = context();
    const d = cohort.parameters(A, ctx)[P.ruralToUrban];
    const gRU = cohort.compile(A, ctx).data.gRU;
    const limit = 1 / Math.max(...gRU);
    // Assert
    expect(d.domain[1]).toBe(Math.min(1, limit));
    expect(Math.max(...gRU) * d.domain[1]).toBeCloseTo(1, 14);
    const over = cohort.parameters(cohort.assumptionsSchema.parse({ ...baseAssumptions(), ruralToUrban: limit * 1.001 }), ctx);
    expect(() => compileParams(over, ctx.baseYear, ctx.steps)).toThrow(ParamError);
    const at = cohort.parameters(cohort.assumptionsSchema.parse({ ...baseAssumptions(), ruralToUrban: d.domain[1] }), ctx);
    expect(() => compileParams(at, ctx.baseYear, ctx.steps)).not.toThrow();
  });

  it('rejects a reclassification rate above 1 and a negative TFR', () => {
    const ctx = context();
    const bad = (over: Record<string, unknown>) => () =>
      compileParams(cohort.parameters(cohort.assumptionsSchema.parse({ ...baseAssumptions(), ...over }), ctx), ctx.baseYear, ctx.steps);
    expect(bad({ reclassification: 1.01 })).toThrow(ParamError);
    expect(bad({ tfr: { urban: -0.1, rural: 1 } })).toThrow(ParamError);
    expect(bad({ reclassification: 1 })).not.toThrow();
  });
});

describe('cohort metrics and definition', () => {
  it('declares the core metrics first and the flows in the kernel’s order', () => {
    const names = METRICS.map((m) => m.name);
    expect(names.slice(0, 4)).toEqual([...CORE_METRICS]);
    expect(names.slice(4)).toEqual([
      'births.U',
      'births.R',
      'deaths.U',
      'deaths.R',
      'ruralToUrban',
      'urbanToRural',
      'reclassification',
      'external.U',
      'external.R',
      'contrib.natural',
      'contrib.internal',
      'contrib.reclassification',
      'contrib.external',
    ]);
    expect(cohort.compile(A, context()).metrics).toBe(METRICS);
  });

  it('is registered as `cohort` with ruralToUrban as the default lever', () => {
    expect(cohort.name).toBe('cohort');
    expect(cohort.defaultLever).toBe('ruralToUrban');
    expect(cohort.parameters(A, context()).some((d) => d.key === cohort.defaultLever)).toBe(true);
  });
});
