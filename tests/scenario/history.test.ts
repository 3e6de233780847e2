import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/load.js';

const base = fileURLToPath(new URL('../fixtures/scenarios/base.yml', import.meta.url));

/** Writes a scenario extending base.yml (baseline 2021, horizon 2030) with the given lines. */
function scenario(lines: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'urbcast-history-'));
  const file = join(dir, 'calibrated.yml');
  writeFileSync(file, `extends: ${base}\n${lines}`);
  return file;
}

async function inputError(file: string): Promise<InputError> {
  try {
    await loadScenario(file);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

const obs = (year: number, metric = 'urbanShare', value = 0.55) => `  - {year: ${year}, metric: ${metric}, value: ${value}, se: 0.01, source: test}\n`;

describe('history and calibration checks', () => {
  it('loads observations before, within and after the projection, and the calibration block with its defaults', async () => {
    const loaded = await loadScenario(scenario(`history:\n${obs(2010)}${obs(2024)}${obs(2024, 'total', 8.7e6)}${obs(2040)}calibration: {}\n`));

    expect(loaded.scenario.history.map((o) => o.year)).toEqual([2010, 2024, 2024, 2040]);
    expect(loaded.scenario.calibration).toEqual({ method: 'importance', minEss: 200 });
  });

  it('rejects a metric the model does not output, located at the metric', async () => {
    const file = scenario(`history:\n${obs(2024)}${obs(2025, 'citizenised')}`);

    const e = await inputError(file);

    expect(e.file).toBe(file);
    expect([e.line, e.column]).toEqual([4, 26]);
    expect(e.path).toBe('history.1.metric');
    expect(e.found).toBe('"citizenised" (a string)');
    expect(e.expected).toMatch(/^a metric of model cohort: total, urban, rural, urbanShare, /);
  });

  it('rejects calibration: without an observation in the projected years, saying which years it has', async () => {
    const file = scenario(`history:\n${obs(2020)}${obs(2031)}calibration: {minEss: 100}\n`);

    const e = await inputError(file);

    expect(e.format('/')).toBe(
      `${file.slice(1)}:5:14: calibration: found observations in 2020, 2031 only, expected at least one history: observation in the projected years 2022–2030 to weight the draws by (or drop calibration:)`,
    );
  });

  it('rejects calibration: with no history at all', async () => {
    const e = await inputError(scenario('calibration: {}\n'));

    expect([e.path, e.found]).toEqual(['calibration', 'no history: observations']);
  });

  it('rejects the same (year, metric) observed twice among those that weight the draws', async () => {
    const e = await inputError(scenario(`history:\n${obs(2024)}${obs(2024, 'urbanShare', 0.56)}calibration: {}\n`));

    expect(e.path).toBe('history.1');
    expect(e.detail).toBe('urbanShare in 2024 is observed twice (also history.0); calibration would count both as independent evidence: keep one');
  });

  it('accepts the same (year, metric) twice without calibration (e.g. two vintages for a backtest) or outside the projected years', async () => {
    await expect(loadScenario(scenario(`history:\n${obs(2024)}${obs(2024)}`))).resolves.toBeDefined();
    await expect(loadScenario(scenario(`history:\n${obs(2019)}${obs(2019)}${obs(2024)}calibration: {}\n`))).resolves.toBeDefined();
  });
});
