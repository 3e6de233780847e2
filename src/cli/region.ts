/**
 * The region `simulate extract` is about: a census catalogue unit (name and pinyin) when the name
 * is one; any other name (a county, a metro area) only with --city, taken as written.
 *
 * @module
 */
import { findRegion, loadCatalogue, RegionLookupError } from '../census/index.js';

/** A region as commands need it: its Chinese name and, when known, its pinyin. */
export interface RegionName {
  name: string;
  pinyin?: string;
}

/**
 * Resolves a region name: a catalogue unit, or with `asWritten` any name when none matches.
 *
 * @example
 * lookupRegion('Linyi'); // { name: '临沂市', pinyin: 'Linyi' }
 * lookupRegion('兰陵县', { asWritten: true }); // { name: '兰陵县' }
 */
export function lookupRegion(query: string, o: { asWritten?: boolean } = {}): RegionName {
  try {
    const u = findRegion(loadCatalogue(), query);
    return { name: u.name, pinyin: u.pinyin };
  } catch (e) {
    if (!(e instanceof RegionLookupError) || o.asWritten !== true || e.candidates.length > 1) throw e;
    return { name: query.trim() };
  }
}
