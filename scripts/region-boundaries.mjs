// Derives seeds/data/shandong_boundaries.csv (simplified prefecture outlines for the map of regions)
// from leiii/census census_city_2010-2020_v1.csv, column coord (MIT; not committed): the outer rings
// of each Shandong prefecture (islands under 2 % of the unit's largest ring dropped), simplified by
// Douglas–Peucker (src/regions/simplify.ts) with a tolerance of 0.02°, coordinates to 3 decimals.
// Usage (after npm run build): node scripts/region-boundaries.mjs [path of census_city_2010-2020_v1.csv]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { outerRings, ringArea, simplifyRing } from '../dist/src/regions/simplify.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = process.argv[2] ?? '/work/shared/data/leiii_census/census_city_2010-2020_v1.csv';
const TOLERANCE = 0.02;
const lines = readFileSync(src, 'utf8').replace(/^\uFEFF/, '').split('\n');
const out = ['code,name,ring,points,source'];
lines.forEach((line, k) => {
  const m = /^"?([^",]+)"?,"?(37\d{4})"?,"?山东省"?,.*?"?((?:MULTI)?POLYGON\(.*\))"?\s*$/.exec(line);
  if (m === null) return;
  const rings = outerRings(m[3]);
  const largest = Math.max(...rings.map(ringArea));
  rings
    .filter((r) => ringArea(r) >= 0.02 * largest)
    .forEach((r, i) => {
      const pts = simplifyRing(r, TOLERANCE).map(([x, y]) => `${x.toFixed(3)} ${y.toFixed(3)}`).join(';');
      out.push(`${m[2]},${m[1]},${i},${pts},"leiii/census census_city_2010-2020_v1.csv line ${k + 1} column coord (MIT; Dong, Du & Liu 2022), outer ring ${i}, Douglas–Peucker ${TOLERANCE}°"`);
    });
});
writeFileSync(join(root, 'seeds/data/shandong_boundaries.csv'), out.join('\n') + '\n');
console.log(`wrote seeds/data/shandong_boundaries.csv: ${out.length - 1} rings`);
