import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { CohortAssumptionsSchema } from '../../models/cohort/schema.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ParamSchema } from '../../src/params/schema.js';
import { ScenarioSchema, TargetSchema } from '../../src/scenario/schema.js';
import { describeSchema, explainZod, walkZod } from '../../src/scenario/zod-issues.js';

/** Every path gets its own line, so tests can see which path each error was located at. */
const lines = new Map<string, number>();
const locate = (path: string[], opts?: { key?: boolean }) => {
  const k = `${path.join('.')}${opts?.key ? ' (key)' : ''}`;
  if (!lines.has(k)) lines.set(k, lines.size + 1);
  return { file: '/w/x.yml', line: lines.get(k)!, column: opts?.key ? 1 : 2 };
};
const explain = (schema: z.ZodType, value: unknown, base = ['p']) => explainZod(schema, value, base, locate);
const details = (schema: z.ZodType, value: unknown) => explain(schema, value).map((e) => `${e.path}: ${e.detail}`);

describe('unions follow the branch that matches the value', () => {
  it('a string where a rate is expected: found, expected a number or a distribution', () => {
    expect(details(ParamSchema, 'abc')).toEqual([
      'p: found "abc" (a string), expected a number or a distribution (or a mapping with keys value, change, byYear, walk, why)',
    ]);
  });

  it('a mapping with dist is judged as a distribution, not as the long form', () => {
    expect(details(ParamSchema, { dist: 'normal', mean: 1 })).toEqual(['p.sd: found nothing (the field is missing), expected a number']);
  });

  it('an unknown distribution name lists the names', () => {
    const [e] = explain(ParamSchema, { dist: 'gaussian', mean: 1, sd: 1 });

    expect(e.path).toBe('p.dist');
    expect(e.detail).toContain('found "gaussian" (a string), expected one of "normal", "truncnormal", "uniform", "triangular", "lognormal", "beta", "pert"');
  });

  it('any other mapping is judged as the long form', () => {
    expect(details(ParamSchema, { value: 'abc' })).toEqual([
      'p.value: found "abc" (a string), expected a number or a distribution',
    ]);
    expect(details(ParamSchema, { value: 1, foo: 2 })).toEqual(['p.foo: unknown key "foo"; allowed keys: value, change, byYear, walk, why']);
  });

  it('a distribution whose refinement fails reports the refinement at its field', () => {
    expect(details(ParamSchema, { dist: 'triangular', min: 0, mode: 5, max: 1 })).toEqual(['p.mode: need min ≤ mode ≤ max; found 5']);
  });

  it('a seed target with an inline field is judged as a seed target; an inline target as inline', () => {
    expect(details(TargetSchema, { seed: 'heze.P001', tolerance: -1 })).toEqual(['p.tolerance: found -1, expected a number ≥ 0']);
    expect(details(TargetSchema, { metric: 'urbanShare', year: 2030, comparator: '=>', value: 0.6 })).toEqual([
      'p.comparator: found "=>" (a string), expected one of ">=", ">", "<=", "<", "~", "="',
    ]);
  });
});

describe('locations', () => {
  it('unknown keys are located at the key, other errors at the value', () => {
    const [unknown] = explain(ParamSchema, { value: 1, foo: 2 });
    const [bad] = explain(ParamSchema, { value: 'x' });

    expect(unknown.column).toBe(1);
    expect(unknown.line).toBe(lines.get('p.foo (key)'));
    expect(bad.column).toBe(2);
    expect(bad.line).toBe(lines.get('p.value'));
  });

  it('record keys that do not match are located at the key and named', () => {
    const [e] = explain(ParamSchema, { byYear: { 2022: 1, year2030: 2 } });

    expect(e.path).toBe('p.byYear.year2030');
    expect(e.detail).toBe('invalid key "year2030": keys must be four-digit years');
    expect(e.line).toBe(lines.get('p.byYear.year2030 (key)'));
  });

  it('paths are prefixed by the base path (e.g. assumptions)', () => {
    const [e] = explainZod(z.strictObject({ srb: ParamSchema }), { srb: 'x' }, ['assumptions'], locate);

    expect(e.path).toBe('assumptions.srb');
  });
});

describe('messages', () => {
  it('a missing required field, a number out of range, an integer, a list of the wrong length', () => {
    const errors = details(ScenarioSchema, {
      name: 'x',
      model: 'cohort',
      baseline: { year: 2021.5, population: -1, urbanShare: 1.3 },
      horizon: 2035,
      draws: 0,
      assumptions: {},
      sampling: { correlations: [{ between: ['a'], rho: 0.5 }] },
    });

    expect(errors).toEqual([
      'p.region: found nothing (the field is missing), expected a string',
      'p.baseline.year: found 2021.5, expected an integer from 1900 to 2300',
      'p.baseline.population: found -1, expected a number > 0',
      'p.baseline.urbanShare: found 1.3, expected a number ≤ 1',
      'p.draws: found 0, expected a number ≥ 1',
      'p.sampling.correlations.0.between: found a list ([a]), expected at least 2 items',
    ]);
  });

  it('describeSchema puts the long form last', () => {
    expect(describeSchema(ParamSchema)).toBe('a number or a distribution (or a mapping with keys value, change, byYear, walk, why)');
    expect(describeSchema(z.enum(['en', 'zh']))).toBe('one of "en", "zh"');
    expect(describeSchema(z.tuple([z.number(), z.number()]))).toBe('a list of 2 items');
  });
});

describe('properties', () => {
  /** YAML-like values: what a scenario file can contain. */
  const yamlValue = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 1900, max: 2300 }),
      fc.constantFrom('normal', 'uniform', 'triangular', 'pert', 'abc', '2030', ''),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('dist', 'mean', 'sd', 'min', 'max', 'mode', 'value', 'change', 'byYear', 'why', '2030', 'x'), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  it('the walk finds an error exactly when zod rejects the value (rate parameters)', () => {
    fc.assert(
      fc.property(yamlValue, (v) => {
        const valid = ParamSchema.safeParse(v).success;
        const errors = walkZod(ParamSchema, v, ['p'], locate);
        expect(errors.length === 0).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('the walk finds an error exactly when zod rejects the value (targets)', () => {
    const target = fc.record(
      {
        seed: fc.constantFrom('heze.P001', 'x'),
        metric: fc.constantFrom('urbanShare', ''),
        year: fc.oneof(fc.integer({ min: 1800, max: 2400 }), fc.constant('y')),
        window: fc.array(fc.integer({ min: 2000, max: 2050 }), { maxLength: 3 }),
        comparator: fc.constantFrom('>=', '~', '=>'),
        value: fc.oneof(fc.double({ noNaN: true }), fc.constant('v')),
        tolerance: fc.double({ min: -1, max: 1, noNaN: true }),
        reference: fc.oneof(fc.record({ scenario: fc.constantFrom('a.yml', '') }), fc.record({ gain: yamlValue })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(target, (v) => {
        expect(walkZod(TargetSchema, v, ['p'], locate).length === 0).toBe(TargetSchema.safeParse(v).success);
      }),
      { numRuns: 1000 },
    );
  });

  it('the walk finds an error exactly when zod rejects the value (a scenario with one field changed)', () => {
    const base = parse(readFileSync(new URL('../fixtures/scenarios/base.yml', import.meta.url), 'utf8')) as Record<string, unknown>;
    const leaves = (v: unknown, at: string[] = []): string[][] =>
      v !== null && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [[...at, k], ...leaves(x, [...at, k])]) : [];
    const set = (v: unknown, path: string[], x: unknown): unknown => {
      if (path.length === 0) return x;
      const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string, unknown>;
      copy[path[0]] = set(copy[path[0]], path.slice(1), x);
      return copy;
    };
    const cases: [z.ZodType, unknown][] = [
      [ScenarioSchema, base],
      [CohortAssumptionsSchema, base.assumptions],
    ];
    for (const [schema, doc] of cases) {
      fc.assert(
        fc.property(fc.constantFrom(...leaves(doc)), yamlValue, (path, x) => {
          const changed = set(doc, path, x);
          expect(walkZod(schema, changed, [], locate).length === 0).toBe(schema.safeParse(changed).success);
        }),
        { numRuns: 1000 },
      );
    }
  });

  it('every error is one line and names a path under the base path', () => {
    fc.assert(
      fc.property(yamlValue, (v) => {
        for (const e of explain(ParamSchema, v)) {
          expect(e.format('/w')).not.toContain('\n');
          expect(e.path === 'p' || e.path.startsWith('p.')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
