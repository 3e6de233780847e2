/**
 * `simulate init --region <province>` for all 31 provinces of the 2020 census (INIT_ALL=1, `npm run
 * test:init-provinces`; about 3 minutes, so not in `npm test`, which runs Henan end to end in
 * tests/cli/init-province.test.ts and small stand-in provinces in tests/init/province.test.ts).
 * Each province with several units is written or refused exactly as listed here, with --partial
 * every one is written, and every written scenario passes `simulate validate`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { loadCatalogue } from '../../src/census/catalogue.js';
import { loadProvinces } from '../../src/census/provinces.js';
import { validateCommand } from '../../src/cli/validate-command.js';
import { InitError } from '../../src/init/init.js';
import { buildProvinceInit, writeProvinceInit } from '../../src/init/province.js';
import { dataDir } from '../../src/scenario/paths.js';
import { capture } from '../cli/capture.js';

/** Provinces with a unit init refuses (src/init/province.ts says which and why). */
const REFUSED: Record<string, string[]> = {
  '420000': ['429004'], // 仙桃市: no 2020 urban population in the catalogue
  '440000': ['440300', '442000'], // 深圳市 (100 % urban), 中山市 (share fell 2010 → 2020)
  '460000': ['460300', '460400', '469025'], // 三沙市, 儋州市: no urban figures; 白沙: share fell
  '510000': ['512000'], // 资阳市: share fell
  '650000': ['652700', '652800', '653200', '654000', '654200', '654300', '659001', '659002', '659003', '659004', '659005', '659006', '659007', '659008', '659009', '659010'],
};

const cat = loadCatalogue();
const several = loadProvinces(cat).filter((p) => p.units.length > 1);
const dir = mkdtempSync(join(tmpdir(), 'init-provinces-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(process.env.INIT_ALL !== '1')('simulate init for every province (INIT_ALL=1)', () => {
  it('writes or refuses each as listed; with --partial writes all; each validates', async () => {
    const refused: Record<string, string[]> = {};
    const written: string[] = [];
    const rows: string[] = [];
    for (const p of several) {
      for (const partial of [false, true]) {
        const o = { outDir: join(dir, `${p.code}-${partial}`), partial, baselineYear: 2020, horizon: 2035, model: 'cohort', draws: 100, targets: [], seedsDir: join(dir, 'seeds'), dataDir, commandLine: `simulate init --region ${p.code}` };
        try {
          const files = await buildProvinceInit(p, cat, o);
          await writeProvinceInit(files, {});
          written.push(files.scenario.path);
          if (partial) {
            const doc = parse(readFileSync(files.scenario.path, 'utf8'));
            rows.push(`${p.name}\t${files.included.length}/${p.units.length}\t${(100 * files.coverage.share).toFixed(1)}%\t${doc.baseline.population.value}\t${p.census2020.population}`);
            expect(files.refused.map((r) => r.unit.code)).toEqual(REFUSED[p.code] ?? []);
          }
        } catch (e) {
          if (!(e instanceof InitError) || partial) throw e;
          refused[p.code] = several.find((x) => x.code === p.code)!.units.filter((u) => e.message.includes(`(${u.code}):`)).map((u) => u.code);
        }
      }
    }
    console.log(`province\tunits written\tof the census\tsum\tprovince census\n${rows.join('\n')}`);
    expect(refused).toEqual(REFUSED);
    const { io, text } = capture();
    const code = await validateCommand(written, [], io);
    expect(text.err).toBe('');
    expect(code).toBe(0);
    expect(written).toHaveLength(2 * several.length - Object.keys(REFUSED).length);
  }, 1_800_000);
});
