/**
 * The backtest scenarios (bench/backtests/*.yml): each loads, validates and compiles like
 * `simulate validate`, runs the model its name says from the origin its name says, has
 * observations after the origin and none of its inputs refers to a year after the origin; and the
 * committed files are what bench/backtests/make-scenarios.mjs writes from seeds/data.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBacktest } from '../../src/backtest/run-backtest.js';
import { compileForValidation } from '../../src/engine/compile.js';
import { loadScenario } from '../../src/scenario/load.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = join(ROOT, 'bench', 'backtests');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yml'));

describe.each(files)('bench/backtests/%s', (file) => {
  const [, origin, model] = /-(\d{4})(?:-\w+)?-(urgd|components|cohort)\.yml$/.exec(file) ?? [];

  it('validates, compiles and has observations after its origin', async () => {
    const loaded = await loadScenario(join(DIR, file));

    compileForValidation(loaded);
    const obs = checkBacktest(loaded, Number(origin));

    expect(loaded.modelName).toBe(model);
    expect(loaded.scenario.draws).toBe(2000);
    expect(obs.length).toBeGreaterThan(0);
    expect(obs.every((o) => o.year > Number(origin) && o.year <= loaded.scenario.horizon)).toBe(true);
  });

  it('cites no data row of a year after the origin in its inputs (only in its observations)', () => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const rows = [...text.matchAll(/\.csv rows? ((?:\d{4}(?:, )?)+)/g)].flatMap((m) => m[1].split(', ').map(Number));

    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((y) => y > Number(origin))).toEqual([]);
  });
});

describe('bench/backtests/make-scenarios.mjs', () => {
  it('writes exactly the committed scenario files and age structures', () => {
    const out = mkdtempSync(join(tmpdir(), 'urbcast-backtests-'));

    const r = spawnSync(process.execPath, [join(DIR, 'make-scenarios.mjs'), '--out', out], { encoding: 'utf8' });

    expect(r.status, r.stderr).toBe(0);
    const written = r.stdout.trim().split('\n');
    expect(written).toHaveLength(28);
    for (const f of [...written, ...readdirSync(join(out, 'data')).map((d) => `data/${d}`)]) {
      expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(DIR, f), 'utf8'));
    }
  });
});
