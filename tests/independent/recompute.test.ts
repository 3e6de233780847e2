/**
 * Independent recomputation: the model's `--dump-schedules` output (cohort.inspect) for the median
 * paths of test scenarios is written to a temp dir, recomputed by tests/independent/recompute.py
 * (standard-library Python written from MODEL.md, not from kernel.ts), and compared with the
 * runner's outputs to 1e-9 relative. Skipped, saying so, when python3 is not on the PATH.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import cohort, { METRICS } from '../../models/cohort/index.js';
import { DrawError } from '../../src/engine/model.js';
import { baseAssumptions, context, medianPaths, relDiff, run, setup, type Setup } from '../models/cohort/helpers.js';

const SCRIPT = fileURLToPath(new URL('./recompute.py', import.meta.url));
const PYTHON = 'python3';
const hasPython = spawnSync(PYTHON, ['--version']).status === 0;
if (!hasPython) console.warn(`recompute.test.ts: SKIPPED — ${PYTHON} not found on PATH; the independent recomputation did not run.`);
const title = (t: string) => (hasPython ? t : `${t} [skipped: ${PYTHON} not found on PATH]`);

interface PyYear {
  year: number;
  total: number;
  urban: number;
  rural: number;
  urbanShare: number;
  flows?: Record<string, number>;
}

/** Writes the model's dump for `paths` to a temp dir and runs the script on it. */
function recompute(s: Setup, paths: Float64Array): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'urbcast-recompute-'));
  const file = join(dir, 'dump.json');
  writeFileSync(file, JSON.stringify(cohort.inspect!(s.compiled, s.params, paths)));
  const r = spawnSync(PYTHON, [SCRIPT, file, '--flows'], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function compareWithRunner(s: Setup): void {
  // Arrange
  const paths = medianPaths(s);
  // Act
  const py = recompute(s, paths);
  const out = run(s, paths);
  // Assert
  expect(py.stderr).toBe('');
  expect(py.status).toBe(0);
  const years = (JSON.parse(py.stdout) as { years: PyYear[] }).years;
  expect(years.map((y) => y.year)).toEqual(Array.from({ length: s.H + 1 }, (_, t) => s.ctx.baseYear + t));
  const T0 = years[0].total;
  for (const name of ['total', 'urban', 'rural', 'urbanShare'] as const) {
    const x = out.series(name);
    years.forEach((y, t) => expect(relDiff(y[name], x[t]), `${name} ${y.year}`).toBeLessThanOrEqual(1e-9));
  }
  for (const m of METRICS.filter((k) => k.kind === 'flow')) {
    const x = out.series(m.name);
    for (let t = 1; t <= s.H; t++) {
      expect(relDiff(years[t].flows![m.name], x[t], 1e-6 * T0), `${m.name} ${years[t].year}`).toBeLessThanOrEqual(1e-9);
    }
  }
}

describe('independent recomputation from the schedules dump (python3)', () => {
  it.skipIf(!hasPython)(title('reproduces a Heze-like projection (14 years) with time-varying paths'), () => {
    const raw = {
      ...baseAssumptions(),
      tfr: { urban: { value: 0.95, change: 0.01 }, rural: { byYear: { 2022: 1.35, 2030: 1.15, 2035: 1.1 } } },
      e0: {
        urban: { female: { value: 81, change: 0.2 }, male: { value: 76, change: 0.25 } },
        rural: { female: { byYear: { 2022: 79, 2035: 82 } }, male: { dist: 'triangular', min: 72, mode: 74, max: 75 } },
      },
      ruralToUrban: { value: { dist: 'uniform', min: 0.018, max: 0.024 }, change: -0.0005 },
      reclassification: { byYear: { 2022: 0.008, 2028: 0.004 } },
      external: { urban: { count: { value: 15000, change: -1000 } }, rural: { rate: -0.004 } },
    };
    compareWithRunner(setup(raw, context({ steps: 14, population: 8.7e6, urbanShare: 0.519 })));
  });

  it.skipIf(!hasPython)(title('reproduces a projection with custom schedules, a young city and strong emigration'), () => {
    const raw = {
      ...baseAssumptions(),
      tfr: { urban: 1.6, rural: 2.4 },
      e0: { urban: { female: 70, male: 64 }, rural: { female: 62, male: 58 } },
      srb: 1.15,
      ruralToUrban: 0.06,
      urbanToRural: 0.01,
      reclassification: 0.03,
      external: { urban: { rate: 0.008 }, rural: { rate: -0.009 } },
      migrationSchedule: { a1: 0.03, mu2: 24, lambda2: 0.3, c: 0.002 },
      returnSchedule: { mu2: 35, a2: 0.03 },
      externalSchedule: { a1: 0, alpha2: 0.2 },
    };
    compareWithRunner(setup(raw, context({ baseYear: 2005, steps: 10, population: 2.5e5, urbanShare: 0.2 })));
  });

  it.skipIf(!hasPython)(title('rejects, in the same year as the model, a step whose net emigration exceeds a cell'), () => {
    // Arrange: rural emigration of 30% of the baseline rural population a year, as a count.
    const raw = { ...baseAssumptions(), external: { urban: { rate: 0 }, rural: { count: -0.3 * 8.7e6 * 0.481 } } };
    const s = setup(raw, context({ steps: 10 }));
    // Act
    const py = recompute(s, medianPaths(s));
    let thrown: unknown;
    try {
      run(s);
    } catch (e) {
      thrown = e;
    }
    // Assert
    expect(thrown).toBeInstanceOf(DrawError);
    expect(py.status).toBe(2);
    expect(py.stderr).toMatch(new RegExp(`${(thrown as DrawError).year}: net external emigration`));
  });

  it.skipIf(!hasPython)(title('refuses a file that is not a schedules dump, with exit status 2'), () => {
    const dir = mkdtempSync(join(tmpdir(), 'urbcast-recompute-'));
    const file = join(dir, 'other.json');
    writeFileSync(file, JSON.stringify({ format: 'something/1' }));
    const r = spawnSync(PYTHON, [SCRIPT, file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/expected format urbcast\.schedules\/1/);
  });
});
