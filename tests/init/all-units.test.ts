/**
 * `simulate init` for every catalogue unit with urban figures (issue 16 part 3): each gives a
 * scenario that `simulate validate` accepts, or a clear InitError; the units the calibration
 * cannot fit are listed here, so that one more failing, or one of them starting to work, fails
 * the test.
 *
 * The calibration takes about 0.5 s a unit, so all 348 took 6 minutes (a busy 2-core machine): `npm test`
 * runs every 8th unit of the catalogue (in its order) plus the listed ones, and
 * `npm run test:init-all` (INIT_ALL=1) runs every unit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/cli/validate-command.js';
import { hasUrbanFigures, loadCatalogue } from '../../src/census/index.js';
import { initRegionOf } from '../../src/init/census-region.js';
import { buildInit, InitError, writeInit } from '../../src/init/init.js';
import { dataDir } from '../../src/scenario/paths.js';
import { capture } from '../cli/capture.js';

/**
 * Units whose 2010 → 2020 change the calibration cannot reproduce: 深圳市 (440300) is 100 % urban in
 * both censuses, so ρ has no value; for 中山市, 白沙黎族自治县 and 资阳市 the model with ρ = 0 already
 * ends above the 2020 urban share and src/calibration keeps ρ ≥ 0 (its domain).
 */
const CANNOT_CALIBRATE = ['440300', '442000', '469025', '512000'];

const all = loadCatalogue().units.filter(hasUrbanFigures);
const everyUnit = process.env.INIT_ALL === '1';
const units = everyUnit ? all : all.filter((u, i) => i % 8 === 0 || CANNOT_CALIBRATE.includes(u.code));
if (!everyUnit) console.log(`init for all units: ${units.length} of ${all.length} units (every 8th and the ones the calibration cannot fit); INIT_ALL=1 (npm run test:init-all) runs them all`);
const dir = mkdtempSync(join(tmpdir(), 'init-all-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`simulate init for ${everyUnit ? 'every catalogue unit' : 'a sample of the catalogue units'} with urban figures`, () => {
  it(`the catalogue has ${all.length} units with urban figures`, () => {
    expect(all.length).toBeGreaterThan(340);
  });

  it('writes a scenario that validates for each, or refuses with a clear message exactly where the calibration cannot fit', async () => {
    const written: string[] = [];
    const refused: string[] = [];
    for (const u of units) {
      const out = join(dir, `${u.code}.yml`);
      try {
        const files = await buildInit(initRegionOf(u), { out, baselineYear: 2020, horizon: 2035, model: 'cohort', draws: 1000, targets: [], seedsDir: join(dir, 'seeds'), dataDir, commandLine: `simulate init --region ${u.code}` });
        await writeInit(files, {});
        written.push(out);
      } catch (e) {
        if (!(e instanceof InitError)) throw new Error(`${u.code} ${u.name}: ${String(e)}`);
        expect(e.message).toMatch(/cannot be calibrated to its 2010 → 2020 census change/);
        refused.push(u.code);
      }
    }
    expect(refused).toEqual(CANNOT_CALIBRATE);

    const { io, text } = capture();
    const code = await validateCommand(written, [], io);

    expect(text.err).toBe('');
    expect(code).toBe(0);
    expect(text.out.trim().split('\n')).toHaveLength(units.length - CANNOT_CALIBRATE.length);
  }, 900_000);

  it('is deterministic: a unit written twice gives the same bytes', async () => {
    const u = units.find((x) => x.code === '371300')!;
    const o = { out: join(dir, 'twice.yml'), baselineYear: 2020, horizon: 2035, model: 'cohort', draws: 1000, targets: [], seedsDir: join(dir, 'seeds'), dataDir, commandLine: 'x' };
    const a = await buildInit(initRegionOf(u), o);
    const b = await buildInit(initRegionOf(u), o);
    expect(b.scenario.text).toBe(a.scenario.text);
    expect(b.pyramid.text).toBe(a.pyramid.text);
  });
});
