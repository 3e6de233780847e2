/**
 * The committed catalogue tables are what scripts/census-catalogue.mjs derives from the leiii/census
 * files (../shared/data/leiii_census beside the repository; skipped with a message where absent).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/scenario/paths.js';

const source = join(projectRoot, '..', 'shared', 'data', 'leiii_census');
const have = existsSync(join(source, 'census_city_2010-2020_v1.csv'));

describe.skipIf(!have)(`the census catalogue's derivation${have ? '' : ' (skipped: ../shared/data/leiii_census is absent)'}`, () => {
  it('re-derives the four tables byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'urbcast-census-'));
    try {
      execFileSync(process.execPath, [join(projectRoot, 'scripts', 'census-catalogue.mjs'), '--from', source, '--out', out], { stdio: 'pipe' });
      for (const f of ['census_prefectures.csv', 'census_pyramids.csv', 'census_provinces.csv', 'census_province_pyramids.csv']) {
        expect(readFileSync(join(out, f), 'utf8')).toBe(readFileSync(join(projectRoot, 'seeds', 'data', f), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('cites source lines that hold the unit (city file and county rows)', () => {
    const city = readFileSync(join(source, 'census_city_2010-2020_v1.csv'), 'utf8').split('\n');
    const rows = readFileSync(join(projectRoot, 'seeds', 'data', 'census_prefectures.csv'), 'utf8').split('\n').slice(1, -1);
    for (const r of rows) {
      const [code, name] = r.split(',');
      const m = /census_city_2010-2020_v1\.csv line (\d+)/.exec(r)!;
      expect(city[Number(m[1]) - 1].startsWith(`"${name}","${code}"`)).toBe(true);
    }
  });
});
