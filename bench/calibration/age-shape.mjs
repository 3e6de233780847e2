/**
 * A region's age–sex shape when only its broad age shares are published: the national census
 * pyramid (seeds/data/census_pyramid_china.csv) with each broad band (e.g. 0-14, 15-59, 60+)
 * scaled so that the band's share of the population equals the region's published share.
 * Within a band the national 5-year and sex composition is kept. This is a derivation, not data:
 * every file it writes says so in its `source` column.
 *
 * @module
 */
import { join } from 'node:path';
import { readCsv } from '../../dist/src/data/csv.js';
import { parseAgeGroup } from '../../dist/models/cohort/data.js';

/**
 * The national census pyramid of `censusYear` as `{ age_group, first, male, female }` rows.
 *
 * @example
 * const rows = nationalPyramid('seeds/data', 2010); // 21 groups, 0-4 … 100+
 */
export function nationalPyramid(dataDir, censusYear) {
  return readCsv(join(dataDir, 'census_pyramid_china.csv'))
    .filter((r) => Number(r.census_year) === censusYear)
    .map((r) => ({ age_group: r.age_group, first: parseAgeGroup(r.age_group)[0], male: Number(r.male), female: Number(r.female) }));
}

/**
 * Scales each band of `rows` to the region's share. `bands` lists `{ from, share }` in age order
 * (`from` = first age of the band, `share` in percent; a band runs to the next band's `from`).
 * The shares must add up to 100 ± 0.05 (published shares are rounded to 0.01). Returns rows of
 * the same groups whose counts add up to `total`.
 *
 * @example
 * reweight(nationalPyramid('seeds/data', 2020), [{ from: 0, share: 25.1 }, { from: 15, share: 56.57 }, { from: 60, share: 18.32 }], 8795939);
 */
export function reweight(rows, bands, total) {
  const sum = bands.reduce((s, b) => s + b.share, 0);
  if (Math.abs(sum - 100) > 0.05) throw new Error(`band shares add up to ${sum}, not 100`);
  const bandOf = (first) => bands.findLastIndex((b) => b.from <= first);
  const national = new Float64Array(bands.length);
  for (const r of rows) national[bandOf(r.first)] += r.male + r.female;
  return rows.map((r) => {
    const b = bandOf(r.first);
    const f = ((bands[b].share / sum) * total) / national[b];
    return { ...r, male: r.male * f, female: r.female * f };
  });
}

/**
 * Broad-band shares (percent) of a pyramid, for checks.
 *
 * @example
 * bandShares(rows, [0, 15, 60]); // [17.95…, 63.35…, 18.70…] for the 2020 census
 */
export function bandShares(rows, froms) {
  const out = new Float64Array(froms.length);
  let all = 0;
  for (const r of rows) {
    out[froms.findLastIndex((f) => f <= r.first)] += r.male + r.female;
    all += r.male + r.female;
  }
  return Array.from(out, (x) => (100 * x) / all);
}

/**
 * CSV text in the format the cohort model reads (`age_group,male,female`), counts rounded to
 * whole persons, with a `source` column repeated on every row.
 *
 * @example
 * writeFileSync('x.csv', toCsv(rows, 'derived: …'));
 */
export function toCsv(rows, source) {
  const q = `"${source.replaceAll('"', '""')}"`;
  return ['age_group,male,female,source', ...rows.map((r) => `${r.age_group},${Math.round(r.male)},${Math.round(r.female)},${q}`)].join('\n') + '\n';
}
