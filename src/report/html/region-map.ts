/**
 * The regions section of the HTML report of a multi-region run: the per-region table and a map of
 * the regions, each filled by its median urban share at the horizon on a sequential scale, with a
 * legend (a gradient with its ends and middle labelled) and, on hover, the region's numbers.
 * Static SVG: no script, so it prints and opens from disk like the rest of the page.
 *
 * The outlines come from the boundary tables `seeds/data/*_boundaries.csv` (`code,name,ring,points`,
 * points `lon lat;lon lat;…`, derived by scripts/region-boundaries.mjs), matched to a region by its
 * Chinese name; regions without an outline are in the table only. Projection: equirectangular with
 * longitudes scaled by cos(mean latitude) (fine at a province's size).
 *
 * @module
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../../data/csv.js';
import { pMet, type RegionRow } from '../regions.js';
import { escapeHtml } from './escape.js';

/** A unit's outline: its name and outer rings of [lon, lat]. */
export interface Outline {
  code: string;
  name: string;
  rings: [number, number][][];
}

/**
 * Every outline in the boundary tables of `dataDir`.
 *
 * @example
 * loadOutlines('seeds/data').find((o) => o.name === '菏泽市');
 */
export function loadOutlines(dataDir: string): Outline[] {
  const byCode = new Map<string, Outline>();
  for (const f of readdirSync(dataDir).filter((n) => n.endsWith('_boundaries.csv')).sort()) {
    for (const row of readCsv(join(dataDir, f))) {
      const o = byCode.get(row.code) ?? { code: row.code, name: row.name, rings: [] };
      o.rings.push(row.points.split(';').map((p) => p.split(' ').map(Number) as [number, number]));
      byCode.set(row.code, o);
    }
  }
  return [...byCode.values()];
}

/** The name a region row is matched by: its first word (`菏泽市 Heze` → `菏泽市`). */
const key = (name: string) => name.split(' ')[0];

/** Light to dark blue (ColorBrewer Blues, 3 stops). */
const STOPS: [number, number, number][] = [
  [222, 235, 247],
  [107, 174, 214],
  [8, 81, 156],
];

/**
 * The colour of a value at position `f` (0 … 1) of the scale.
 *
 * @example
 * colourAt(0); // 'rgb(222,235,247)'
 */
export function colourAt(f: number): string {
  const x = Math.min(1, Math.max(0, f)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const u = x - i;
  const c = STOPS[i].map((v, k) => Math.round(v + u * (STOPS[i + 1][k] - v)));
  return `rgb(${c.join(',')})`;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * The map as an SVG element (width 640), or '' when no region has an outline.
 *
 * @example
 * regionMap(rows, outlines, 2035);
 */
export function regionMap(rows: RegionRow[], outlines: Outline[], horizon: number): string {
  const drawn = rows.map((r) => ({ r, o: outlines.find((o) => o.name === key(r.name)) })).filter((x): x is { r: RegionRow; o: Outline } => x.o !== undefined);
  if (drawn.length === 0) return '';
  const pts = drawn.flatMap((d) => d.o.rings.flat());
  const lat0 = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const xs = pts.map((p) => p[0] * kx);
  const ys = pts.map((p) => -p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const W = 640;
  const s = W / (x1 - x0);
  const H = Math.ceil((y1 - y0) * s);
  const proj = ([lon, lat]: [number, number]) => [((lon * kx - x0) * s).toFixed(1), ((-lat - y0) * s).toFixed(1)];
  const values = drawn.map((d) => d.r.share.median);
  const lo = Math.floor(Math.min(...values) * 100) / 100;
  const hi = Math.max(lo + 0.01, Math.ceil(Math.max(...values) * 100) / 100);
  const paths = drawn.map(({ r, o }) => {
    const d = o.rings.map((ring) => `M${ring.map((p) => proj(p).join(',')).join('L')}Z`).join('');
    const tip = `${r.name}: urban share ${horizon} ${pct(r.share.median)} (80% ${pct(r.share.p10)}–${pct(r.share.p90)})${r.targets.map((t) => `; ${t.id} P(met) ${pMet(t.pMet)}`).join('')}`;
    return `<path class="region" data-region="${escapeHtml(r.id)}" d="${d}" fill="${colourAt((r.share.median - lo) / (hi - lo))}" stroke="#fff" stroke-width="1"><title>${escapeHtml(tip)}</title></path>`;
  });
  const labels = drawn.map(({ r, o }) => {
    const ring = o.rings.reduce((a, b) => (b.length > a.length ? b : a));
    const c = ring.reduce((acc, p) => [acc[0] + p[0] / ring.length, acc[1] + p[1] / ring.length], [0, 0]) as [number, number];
    const [x, y] = proj(c);
    const dark = (r.share.median - lo) / (hi - lo) > 0.55;
    return `<text x="${x}" y="${y}" text-anchor="middle" font-size="11" fill="${dark ? '#fff' : '#222'}">${escapeHtml(key(r.name))} ${(100 * r.share.median).toFixed(0)}</text>`;
  });
  const grad = STOPS.map((_, k) => `<stop offset="${(k / (STOPS.length - 1)).toFixed(2)}" stop-color="${colourAt(k / (STOPS.length - 1))}"/>`).join('');
  const legend =
    `<g class="legend" transform="translate(10,${H + 12})"><text x="0" y="0" font-size="12">Median urban share ${horizon}</text>` +
    `<rect x="0" y="6" width="240" height="12" fill="url(#region-scale)" stroke="#888" stroke-width="0.5"/>` +
    [0, 0.5, 1].map((f) => `<text x="${240 * f}" y="32" font-size="11" text-anchor="${f === 0 ? 'start' : f === 1 ? 'end' : 'middle'}">${pct(lo + f * (hi - lo))}</text>`).join('') +
    '</g>';
  return `<svg class="region-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H + 50}" width="${W}" height="${H + 50}" role="img" aria-label="Map of the regions by median urban share in ${horizon}"><defs><linearGradient id="region-scale">${grad}</linearGradient></defs>${paths.join('')}${labels.join('')}${legend}</svg>`;
}

/**
 * The section's body: the table, then the map.
 *
 * @example
 * regionsSection(rows, loadOutlines(dataDir), 2020, 2035);
 */
export function regionsSection(rows: RegionRow[], outlines: Outline[], baseYear: number, horizon: number): string {
  const head = ['region', `urban ${baseYear}`, `urban ${horizon}: median (80% interval)`, `population ${horizon}`, 'targets: P(met)'];
  const body = rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.name)} <span class="id">${escapeHtml(r.id)}</span></td><td class="num">${pct(r.baseShare)}</td><td class="num">${pct(r.share.median)} (${pct(r.share.p10)} – ${pct(r.share.p90)})</td><td class="num">${(r.total / 1e4).toFixed(1)}万</td><td>${r.targets.map((t) => `${escapeHtml(t.id)} ${pMet(t.pMet)}`).join(', ')}</td></tr>`,
    )
    .join('');
  const table = `<table class="data regions"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`;
  return `${table}${regionMap(rows, outlines, horizon)}`;
}
