/**
 * Drivers of a target with a parameter's yearly random-walk shifts (`<key>.walk.<year>`) taken
 * together: one entry `<key>.walk` whose index is the sum of the shifts' first-order indices.
 * The shifts are independent inputs, so that sum is a lower bound of their joint first-order
 * index; shown one by one, a walk's importance is split across years and a pace that matters most
 * looks like several small drivers.
 *
 * @module
 */
import type { DriverResult } from './result.js';

const WALK = /^(.*)\.walk\.\d{4}$/;

/**
 * Groups the walk shifts of each parameter and sorts the drivers by index, largest first (ties
 * keep their order).
 *
 * @example
 * groupWalkDrivers([
 *   { input: 'rho.walk.2023', label: 'ρ: random shift in 2023', index: 0.2, direction: 1 },
 *   { input: 'tfr.value', label: 'TFR', index: 0.3, direction: -1 },
 *   { input: 'rho.walk.2024', label: 'ρ: random shift in 2024', index: 0.2, direction: 1 },
 * ]);
 * // [{ input: 'rho.walk', label: 'ρ: random shifts, all years', index: 0.4, direction: 1 }, { input: 'tfr.value', … }]
 */
export function groupWalkDrivers(drivers: readonly DriverResult[]): DriverResult[] {
  const groups = new Map<string, { entry: DriverResult; signed: number }>();
  const out: { entry: DriverResult; signed?: number; key?: string }[] = [];
  for (const d of drivers) {
    const m = WALK.exec(d.input);
    if (m === null) {
      out.push({ entry: d });
      continue;
    }
    const key = m[1];
    let g = groups.get(key);
    if (g === undefined) {
      g = { entry: { input: `${key}.walk`, label: d.label.replace(/: random shift in \d{4}$/, ': random shifts, all years'), index: 0, direction: 0 }, signed: 0 };
      groups.set(key, g);
      out.push({ entry: g.entry, key });
    }
    g.entry.index += d.index;
    g.signed += d.index * d.direction;
  }
  for (const g of groups.values()) {
    g.entry.index = Math.min(1, g.entry.index);
    g.entry.direction = g.signed > 0 ? 1 : g.signed < 0 ? -1 : 0;
  }
  return out.map((o) => o.entry).map((e, i) => ({ e, i })).sort((a, b) => b.e.index - a.e.index || a.i - b.i).map((x) => x.e);
}
