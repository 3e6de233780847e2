/**
 * Tests of the contract suite itself: each property must be able to fail. The cohort model is
 * wrapped so that it breaks exactly one rule, and the check for that rule must then throw, while
 * the intact model passes every check. The toy model of tests/fixtures shows a second model (one
 * that keeps no flow accounts) reusing the suite with its own arbitrary.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import cohort, { METRICS } from '../../models/cohort/index.js';
import type { ModelDefinition, Runner } from '../../src/engine/model.js';
import toy from '../fixtures/toy-model.js';
import { arbCohortInput, arbInfeasibleCohortInput } from '../models/cohort/arbitraries.js';
import { contractChecks, type ContractCase, type ContractInput } from './model-contract.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModel = ModelDefinition<any, any>;

/** Cohort with its runner's `run` replaced by `wrap(r, H)`, around the intact runner `r`. */
function wrappedCohort(wrap: (r: Runner, H: number) => Runner['run'], extra: Partial<AnyModel> = {}): AnyModel {
  return { ...(cohort as AnyModel), createRunner: (m, params) => ({ run: wrap(cohort.createRunner(m, params), params.steps) }), ...extra };
}

/** Cohort with its runner's output edited after each run (`edit(out, T1)`, T1 = H + 1). */
function editedCohort(edit: (out: Float64Array, T1: number) => void, extra: Partial<AnyModel> = {}): AnyModel {
  return wrappedCohort((r, H) => (paths, out) => (r.run(paths, out), edit(out, H + 1)), extra);
}

const idx = (name: string) => METRICS.findIndex((m) => m.name === name);

function caseFor(model: AnyModel, over: Partial<ContractCase> = {}): ContractCase {
  return {
    model,
    arbitrary: arbCohortInput({ steps: [1, 4] }),
    infeasible: arbInfeasibleCohortInput(),
    accounting: 'full',
    numRuns: 3,
    draws: 1,
    fastCheck: { endOnFailure: true },
    ...over,
  };
}

function check(c: ContractCase, prefix: string): () => void {
  const k = contractChecks(c).find((x) => x.name.startsWith(prefix));
  if (k === undefined) throw new Error(`no contract check starting with "${prefix}"`);
  return () => k.run();
}

describe('contractChecks', () => {
  it('passes the intact cohort model on every check', () => {
    const checks = contractChecks(caseFor(cohort as AnyModel));
    expect(checks.every((k) => k.enabled)).toBe(true);
    for (const k of checks) k.run();
  });

  it('catches a broken accounting identity (one extra birth per year)', () => {
    const broken = editedCohort((out, T1) => {
      for (let t = 1; t < T1; t++) out[idx('births.U') * T1 + t] += 1e-3 * out[idx('urban') * T1 + t];
    });
    expect(check(caseFor(broken), 'conserves people')).toThrow();
  });

  it('catches contributions that do not add up to the change of the share', () => {
    const broken = editedCohort((out, T1) => {
      for (let t = 1; t < T1; t++) out[idx('contrib.natural') * T1 + t] += 1e-10;
    });
    expect(check(caseFor(broken), 'decomposes')).toThrow();
  });

  it('catches total ≠ urban + rural and a share outside [0, 1]', () => {
    const total = editedCohort((out, T1) => {
      out[idx('total') * T1 + T1 - 1] *= 1 + 1e-9;
    });
    const share = editedCohort((out, T1) => {
      out[idx('urbanShare') * T1 + T1 - 1] = 1.5;
    });
    expect(check(caseFor(total), 'keeps total')).toThrow();
    expect(check(caseFor(share), 'keeps total')).toThrow();
  });

  it('catches a baseline that differs from the context, and a non-zero flow at t = 0', () => {
    const base = editedCohort((out, T1) => {
      out[idx('urban') * T1] *= 1.001;
    });
    const flow0 = editedCohort((out, T1) => {
      out[idx('ruralToUrban') * T1] = 1;
    });
    expect(check(caseFor(base), 'starts from')).toThrow();
    expect(check(caseFor(flow0), 'starts from')).toThrow();
  });

  it('catches state leaking from one run into the next', () => {
    let calls = 0;
    const leaky = editedCohort((out, T1) => {
      out[idx('urban') * T1 + T1 - 1] += calls++ * 1e-6;
    });
    expect(check(caseFor(leaky), 'is deterministic')).toThrow();
  });

  it('catches a runner that leaves output slots unwritten', () => {
    const lazy = wrappedCohort((r, H) => {
      const scratch = new Float64Array(METRICS.length * (H + 1));
      return (paths, out) => {
        r.run(paths, scratch);
        // copies everything except the last year of the last metric
        out.set(scratch.subarray(0, scratch.length - 1));
      };
    });
    expect(check(caseFor(lazy), 'is deterministic')).toThrow();
  });

  it('catches a runner whose partial run (steps < H) differs from the whole one, and passes one that ignores steps', () => {
    const drifting = wrappedCohort((r, H) => (paths, out, observe, steps) => {
      r.run(paths, out, observe, steps);
      if (steps !== undefined) out[idx('urban') * (H + 1)] *= 1 + 1e-15;
    });
    const ignoring = wrappedCohort((r) => (paths, out) => r.run(paths, out));
    expect(check(caseFor(drifting), 'runs the first `steps` years')).toThrow();
    expect(check(caseFor(ignoring), 'runs the first `steps` years')).not.toThrow();
  });

  it('catches a runner that clamps infeasible emigration instead of throwing', () => {
    const clamping = wrappedCohort((r) => (paths, out) => {
      try {
        r.run(paths, out);
      } catch {
        out.fill(0);
      }
    });
    expect(check(caseFor(clamping), 'throws a DrawError')).toThrow();
  });

  it('catches a schema that accepts unknown keys', () => {
    const loose: AnyModel = { ...(cohort as AnyModel), assumptionsSchema: (cohort.assumptionsSchema as unknown as z.ZodObject).loose() };
    expect(check(caseFor(loose), 'rejects unknown keys')).toThrow();
  });

  it('catches a missing core metric', () => {
    const noRural: AnyModel = {
      ...(cohort as AnyModel),
      compile: (A, ctx) => {
        const m = cohort.compile(A, ctx);
        return { ...m, metrics: m.metrics.map((x) => (x.name === 'rural' ? { ...x, name: 'countryside' } : x)) };
      },
    };
    expect(check(caseFor(noRural), 'declares the core metrics')).toThrow();
  });

  it('lets a model without flow accounts opt out of the identity, and still checks the rest (toy model)', () => {
    // Arrange: the toy fixture's own arbitrary — a migration rate and a growth rate.
    const arbitrary: fc.Arbitrary<ContractInput> = fc.record({
      assumptions: fc.record({ migration: fc.double({ min: 0, max: 0.2, noNaN: true }), growth: fc.double({ min: -0.05, max: 0.05, noNaN: true }) }),
      baseYear: fc.integer({ min: 2000, max: 2030 }),
      steps: fc.integer({ min: 1, max: 20 }),
      population: fc.double({ min: 1e3, max: 1e8, noNaN: true }),
      urbanShare: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      seed: fc.nat(),
    });
    const checks = contractChecks({ model: toy as AnyModel, arbitrary, accounting: 'none', numRuns: 10 });
    // Act / assert
    expect(checks.find((k) => k.name.startsWith('conserves people'))?.enabled).toBe(false);
    expect(checks.find((k) => k.name.startsWith('throws a DrawError'))?.enabled).toBe(false);
    for (const k of checks) if (k.enabled) k.run();
  });
});
