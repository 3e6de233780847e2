/**
 * The cohort model's `assumptions:` block: strict objects, rate parameters in every form of the
 * parameter language, Rogers–Castro schedules, external migration as a rate or a count.
 */
import { describe, expect, it } from 'vitest';
import { CohortAssumptionsSchema } from '../../../models/cohort/schema.js';
import { baseAssumptions } from './helpers.js';

const parse = (over: Record<string, unknown>) => CohortAssumptionsSchema.safeParse({ ...baseAssumptions(), ...over });
const issuePath = (over: Record<string, unknown>) => {
  const r = parse(over);
  return r.success ? null : r.error.issues[0].path.join('.');
};

describe('CohortAssumptionsSchema', () => {
  it('accepts the documented block with every form of rate parameter', () => {
    const r = parse({
      tfr: { urban: { dist: 'uniform', min: 0.9, max: 1.1 }, rural: { value: 1.3, change: -0.01, why: 'WPP trend' } },
      ruralToUrban: { byYear: { 2022: 0.02, 2030: { dist: 'triangular', min: 0.01, mode: 0.015, max: 0.02 } } },
      migrationSchedule: { mu2: 22, why: 'census migration table' },
      returnSchedule: {},
      externalSchedule: { c: 0.001 },
      external: { urban: { count: 12000 }, rural: { rate: -0.002 } },
    });
    expect(r.success).toBe(true);
  });

  it('rejects unknown keys at every level, naming the path', () => {
    expect(issuePath({ fertility: 1 })).toBe('');
    expect(issuePath({ e0: { urban: { female: 80, male: 75, other: 1 }, rural: { female: 79, male: 74 } } })).toBe('e0.urban');
    expect(issuePath({ migrationSchedule: { peak: 22 } })).toBe('migrationSchedule');
  });

  it('requires every rate parameter, and external migration as exactly one of rate or count', () => {
    const { srb: _srb, ...noSrb } = baseAssumptions();
    expect(CohortAssumptionsSchema.safeParse(noSrb).success).toBe(false);
    expect(parse({ external: { urban: { rate: 0, count: 0 }, rural: { rate: 0 } } }).success).toBe(false);
    expect(parse({ external: { urban: {}, rural: { rate: 0 } } }).success).toBe(false);
  });

  it('rejects negative or non-finite Rogers–Castro parameters (μ2 may be any finite age)', () => {
    expect(issuePath({ migrationSchedule: { a2: -0.01 } })).toBe('migrationSchedule.a2');
    expect(issuePath({ migrationSchedule: { lambda2: Infinity } })).toBe('migrationSchedule.lambda2');
    expect(parse({ migrationSchedule: { mu2: -5 } }).success).toBe(true);
  });
});
